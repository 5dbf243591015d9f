import CaseModel
import ScreenKit

/// The application's words, one typed accessor per catalog key (`Sources/Wording/Catalogs`):
/// screens ask for a message by name with its arguments, and the catalog of the language holds the
/// whole sentence. ScreenKit's own words come from `screenKit`, out of the same catalogs.
struct AppStrings: Sendable {
    let language: Language
    let w: Words

    init(_ language: Language) {
        self.language = language
        w = Words(language)
    }

    var screenKit: ScreenKitStrings { ScreenKitStrings(language) }

    // MARK: Global keys
    var help: String { screenKit.help }
    var lock: String { w("keys.lock") }
    var quit: String { w("keys.quit") }
    var back: String { screenKit.back }

    // MARK: Markers
    var demoMarker: String { w("marker.demo") }
    var readOnlyMarker: String { w("marker.readOnly") }
    var namesHiddenMarker: String { w("marker.namesHidden") }

    // MARK: Setup
    var setupTitle: String { w("setup.title") }
    var setupPage: String { w("setup.page") }
    var organisation: String { w("setup.organisation") }
    var organisationHelp: String { w("setup.organisationHelp") }
    var firstUser: String { w("setup.firstUser") }
    var firstUserHelp: String {
        w("setup.firstUserHelp")
    }
    var userName: String { w("setup.userName") }
    var passphrase: String { w("setup.passphrase") }
    var passphraseAgain: String { w("setup.passphraseAgain") }
    var passphraseHelp: String {
        w("setup.passphraseHelp")
    }
    var passphraseTooShort: String { w("setup.passphraseTooShort") }
    func passphraseTooWeak(_ suggestion: String) -> String {
        w("setup.passphraseTooWeak", ["suggestion": .text(suggestion)])
    }
    var keyFileWillBeUpgraded: String {
        w("setup.keyFileWillBeUpgraded")
    }
    var keyFileUpgraded: String {
        w("setup.keyFileUpgraded")
    }
    var passphrasesDiffer: String { w("setup.passphrasesDiffer") }

    // MARK: Sign-in and lock
    var signInTitle: String { w("signIn.title") }
    var signInPage: String { w("signIn.page") }
    var wrongCredentials: String { w("signIn.wrongCredentials") }
    func waitBeforeRetry(_ seconds: Int) -> String {
        w("signIn.waitBeforeRetry", ["seconds": .number(seconds)])
    }
    func lockedByOther(_ holder: String) -> String {
        // The holder first: the top line cuts what does not fit.
        w("signIn.lockedByOther", ["holder": .text(holder)])
    }
    var damagedTitle: String { w("signIn.damagedTitle") }
    var damagedAdvice: String {
        w("signIn.damagedAdvice")
    }
    var lockedTitle: String { w("signIn.lockedTitle") }
    func lockedPage(_ user: String) -> String {
        w("signIn.lockedPage", ["user": .text(user)])
    }
    var unlock: String { w("signIn.unlock") }
    var otherUser: String { w("signIn.otherUser") }  // bar label on the lock screen
    var signIn: String { w("signIn.signIn") }
    var create: String { w("signIn.create") }

    // MARK: Drafts
    var draftTitle: String { w("draft.title") }
    var draftQuestion: String {
        w("draft.question")
    }

    // MARK: Case list
    var caseListTitle: String { w("caseList.title") }
    var columnNumber: String { "№" }
    var columnName: String { w("caseList.columnName") }
    var columnGender: String { w("caseList.columnGender") }
    // Column titles fit their columns at 80x24 whole: a cut title ("Во…") says nothing.
    var columnAge: String { w("caseList.columnAge") }
    var columnCitizenship: String { w("caseList.columnCitizenship") }
    var columnExploitation: String { w("caseList.columnExploitation") }
    var columnStatus: String { w("caseList.columnStatus") }
    var columnIntake: String { w("caseList.columnIntake") }
    var columnCaseworker: String { w("caseList.columnCaseworker") }
    var columnCompleteness: String { "%" }
    var filterAll: String { w("caseList.filterAll") }
    var filterClosed: String { w("caseList.filterClosed") }
    /// The most important first: a narrow screen leaves out the last counts whole.
    func counts(active: Int, followUp: Int, closed: Int, shown: Int) -> [String] {
        [w("caseList.countShown", ["shown": .number(shown)]), w("caseList.countActive", ["active": .number(active)]),
         w("caseList.countFollowUp", ["followUp": .number(followUp)]),
         w("caseList.countClosed", ["closed": .number(closed)])]
    }
    func filterLine(_ filter: String) -> String { w("caseList.filterLine", ["filter": .text(filter)]) }
    var search: String { w("caseList.search") }
    var closeSearch: String { w("caseList.closeSearch") }
    var searchHelp: String {
        w("caseList.searchHelp")
    }
    var newIntake: String { w("caseList.newIntake") }
    var filter: String { screenKit.filter }
    var mask: String { w("caseList.mask") }
    var unmask: String { w("caseList.unmask") }  // bar label: names shown again
    var reports: String { w("caseList.reports") }
    var users: String { w("caseList.users") }
    var open: String { w("caseList.open") }
    var caseListHelp: String {
        w("caseList.caseListHelp")
    }
    var noCases: String { w("caseList.noCases") }

    // MARK: Intake and editing
    var newIntakeTitle: String { w("intake.newIntakeTitle") }
    func editTitle(_ section: String, _ number: String) -> String {
        w("intake.editTitle", ["section": .text(section), "number": .text(number)])
    }
    var duplicatesTitle: String { w("intake.duplicatesTitle") }
    var duplicatesFound: String {
        w("intake.duplicatesFound")
    }
    var saveAnyway: String { w("intake.saveAnyway") }
    func saved(_ number: String) -> String { w("intake.saved", ["number": .text(number)]) }
    var nothingChanged: String { w("intake.nothingChanged") }
    func noteSaved(_ number: String) -> String { w("intake.noteSaved", ["number": .text(number)]) }
    func serviceSaved(_ number: String) -> String { w("intake.serviceSaved", ["number": .text(number)]) }
    func referralSaved(_ number: String) -> String { w("intake.referralSaved", ["number": .text(number)]) }
    func statusSaved(_ number: String) -> String { w("intake.statusSaved", ["number": .text(number)]) }
    var chooseSection: String { w("intake.chooseSection") }

    // MARK: Case file
    var overview: String { w("caseFile.overview") }
    var history: String { w("caseFile.history") }
    var notes: String { w("caseFile.notes") }
    var services: String { w("caseFile.services") }
    var referrals: String { w("caseFile.referrals") }
    var edit: String { w("caseFile.edit") }
    var addNote: String { w("caseFile.addNote") }  // bar labels: 6 letters at most, as in MC
    var addService: String { w("caseFile.addService") }
    var addReferral: String { w("caseFile.addReferral") }  // bar label
    var referral: String { w("caseFile.referral") }
    var changeStatus: String { w("caseFile.changeStatus") }
    var caseTitle: String { w("caseFile.caseTitle") }
    /// The parts of the case file's header; a narrow screen breaks the line between them.
    func caseHeader(number: String, name: String, age: String, status: String) -> [String] {
        [number, name, w("caseFile.headerAge", ["age": .text(age)]), status]
    }
    /// How much of what the statistics need is answered ("filled 100%" read as the page being full).
    func forReports(_ percent: String) -> String { w("caseFile.forReports", ["percent": .text(percent)]) }
    /// An age estimated at intake (no date of birth).
    func aboutAge(_ age: Int) -> String { w("caseFile.aboutAge", ["age": .number(age)]) }
    var notRecorded: String { "—" }
    var markDuplicate: String { w("caseFile.markDuplicate") }  // bar label
    func markDuplicateTitle(_ number: String) -> String {
        w("caseFile.markDuplicateTitle", ["number": .text(number)])
    }
    var originalCaseNumber: String { w("caseFile.originalCaseNumber") }
    func noSuchCase(_ number: String) -> String { w("caseFile.noSuchCase", ["number": .text(number)]) }
    func duplicateOf(_ number: String) -> String { w("caseFile.duplicateOf", ["number": .text(number)]) }
    func hasDuplicates(_ numbers: String) -> String { w("caseFile.hasDuplicates", ["numbers": .text(numbers)]) }
    var nothingYet: String { w("caseFile.nothingYet") }
    var note: String { w("caseFile.note") }
    var noteHelp: String { w("caseFile.noteHelp") }
    var service: String { w("caseFile.service") }
    var date: String { w("caseFile.date") }
    var endDate: String { w("caseFile.endDate") }
    var organisationType: String { w("caseFile.organisationType") }
    var reason: String { w("caseFile.reason") }
    var status: String { w("caseFile.status") }
    var reasonHelp: String { w("caseFile.reasonHelp") }
    var caseFileHelp: String {
        w("caseFile.help")
    }
    // history lines
    func opened(_ number: String) -> String { w("caseFile.opened", ["number": .text(number)]) }
    var viewed: String { w("caseFile.viewed") }
    func noteLine(_ text: String) -> String { w("caseFile.noteLine", ["text": .text(text)]) }
    func serviceLine(_ text: String) -> String { w("caseFile.serviceLine", ["text": .text(text)]) }
    func referralLine(_ text: String) -> String { w("caseFile.referralLine", ["text": .text(text)]) }
    func statusLine(_ from: String, _ to: String, _ reason: String) -> String {
        reason.isEmpty ? w("caseFile.statusLine", ["from": .text(from), "to": .text(to)])
            : w("caseFile.statusLineWithReason", ["from": .text(from), "to": .text(to), "reason": .text(reason)])
    }
    func reopenedLine(_ from: String, _ reason: String) -> String {
        reason.isEmpty ? w("caseFile.reopenedLine", ["from": .text(from)])
            : w("caseFile.reopenedLineWithReason", ["from": .text(from), "reason": .text(reason)])
    }
    func consentLine(_ items: String) -> String { w("caseFile.consentLine", ["items": .text(items)]) }
    var empty: String { w("caseFile.empty") }
    // flags
    var flagMinor: String { w("caseFile.flagMinor") }
    var flagMinorAtExploitation: String { w("caseFile.flagMinorAtExploitation") }
    var flagConsentWithdrawn: String { w("caseFile.flagConsentWithdrawn") }
    var flagConflict: String { w("caseFile.flagConflict") }
    var flagNoStatistics: String { w("caseFile.flagNoStatistics") }

    // MARK: Reports
    var reportsTitle: String { w("reports.title") }
    var from: String { w("reports.from") }
    var to: String { w("reports.to") }
    var periodHelp: String { w("reports.periodHelp") }
    var export: String { w("reports.export") }
    var exportTitle: String { w("reports.exportTitle") }
    var exportPath: String {
        w("reports.exportPath")
    }
    func replaceFile(_ path: String) -> String {
        w("reports.replaceFile", ["path": .text(path)])
    }
    func exported(_ count: Int, _ path: String) -> String { w("reports.exported", count: count, ["path": .text(path)]) }
    var totalPeople: String { w("reports.totalPeople") }
    var byGender: String { w("reports.byGender") }
    var minorsAtExploitation: String { w("reports.minorsAtExploitation") }
    func suppressed(_ minCell: Int) -> String { "<\(minCell)" }
    func suppressionNote(_ minCell: Int) -> String {
        w("reports.suppressionNote", count: minCell)
    }
    func excludedWithoutConsent(_ count: Int) -> String {
        w("reports.excludedWithoutConsent", ["count": .number(count)])
    }

    // MARK: Users
    var usersTitle: String { w("users.title") }
    var role: String { w("users.role") }
    var active: String { w("users.active") }
    var disabled: String { w("users.disabled") }
    var addUser: String { w("users.addUser") }
    var disableUser: String { w("users.disableUser") }
    var changePassphrase: String { w("users.changePassphrase") }
    var addUserTitle: String { w("users.addUserTitle") }
    var resetPassphrase: String { w("users.resetPassphrase") }  // bar label: a forgotten passphrase
    func resetPassphraseTitle(_ name: String) -> String {
        w("users.resetPassphraseTitle", ["name": .text(name)])
    }
    func resetPassphraseAdvice(_ name: String) -> String {
        w("users.resetPassphraseAdvice", ["name": .text(name)])
    }
    func passphraseWasReset(_ name: String) -> String {
        w("users.passphraseWasReset", ["name": .text(name)])
    }
    var mustChangePassphrase: String {
        w("users.mustChangePassphrase")
    }
    var changePassphraseTitle: String { w("users.changePassphraseTitle") }
    var currentPassphrase: String { w("users.currentPassphrase") }
    var newPassphrase: String { w("users.newPassphrase") }
    func disableQuestion(_ name: String) -> String {
        w("users.disableQuestion", ["name": .text(name)])
    }
    func userAdded(_ name: String) -> String { w("users.userAdded", ["name": .text(name)]) }
    func userDisabled(_ name: String) -> String { w("users.userDisabled", ["name": .text(name)]) }
    var passphraseChanged: String { w("users.passphraseChanged") }
    var usersHelp: String { w("users.help") }

    // MARK: Errors
    var readOnlyRefused: String {
        w("error.readOnlyRefused")
    }
    var diskFull: String {
        w("error.diskFull")
    }
    var writeFailed: String {
        w("error.writeFailed")
    }
    var pseudonymSecretMissing: String {
        w("error.pseudonymSecretMissing")
    }
    var pseudonymSecretMovedIntoLog: String {
        w("error.pseudonymSecretMovedIntoLog")
    }
    /// Opening cut an unfinished save off the end of the log (a crash or power cut during a save).
    func cutTailKept(_ file: String) -> String {
        w("error.cutTailKept", ["file": .text(file)])
    }
    var draftNotKept: String {
        w("error.draftNotKept")
    }
    var notSavedTitle: String { w("error.notSavedTitle") }
    var notPermitted: String { w("error.notPermitted") }
    var cannotDisableSelf: String { w("error.cannotDisableSelf") }
    func userExists(_ name: String) -> String { w("error.userExists", ["name": .text(name)]) }
    var invalidUserName: String { w("error.invalidUserName") }
    var noCaseFile: String { w("error.noCaseFile") }
    var alreadyExists: String { w("error.alreadyExists") }
    var damagedFile: String {
        w("error.damagedFile")
    }
    func newerFormat(_ version: UInt16) -> String {
        w("error.newerFormat", ["version": .text(String(version))])
    }
    func unexpected(_ detail: String) -> String { w("error.unexpected", ["detail": .text(detail)]) }
    func cannotWriteFile(_ path: String) -> String { w("error.cannotWriteFile", ["path": .text(path)]) }

    // Added on other branches, converted at the merge.
    /// The laptop that made a history entry, by the start of its device id.
    func deviceShort(_ id: String) -> String { w("severalLaptopsASharedFolder.deviceShort", ["id": .text(id)]) }
    var notJoined: String {
        w("severalLaptopsASharedFolder.notJoined")
    }
    var alreadyJoined: String {
        w("severalLaptopsASharedFolder.alreadyJoined")
    }
    var stateOfAnotherCaseFile: String { w("severalLaptopsASharedFolder.stateOfAnotherCaseFile") }
    var revokedLaptop: String { w("severalLaptopsASharedFolder.revokedLaptop") }
    var stateSetAside: String { w("severalLaptopsASharedFolder.stateSetAside") }
    var incompleteFolder: String { w("severalLaptopsASharedFolder.incompleteFolder") }

    // Added on other branches, converted at the merge.
    var importRecords: String { w("import.importRecords") }
    var importTitle: String { w("import.importTitle") }
    var importPath: String { w("import.importPath") }
    var importConfirm: String { w("import.importConfirm") }
    func importFormat(_ table: ImportTable) -> String {
        if let workbook = table as? XLSXTable {
            return w("import.format.workbook", ["workbookSheetName": .text("\(workbook.sheetName)")])
        }
        guard let csv = table as? CSVTable else { return table.formatDescription }
        let separator = csv.delimiter == "\t" ? w("import.separator.tab") : String(csv.delimiter)
        return w("import.format.csv", ["csvEncodingRawValue": .text("\(csv.encoding.rawValue)"), "separator": .text(separator)])
    }
    var importColumns: String { w("import.importColumns") }
    var importNoHeader: String { w("import.importNoHeader") }
    func importTarget(_ target: String) -> String {
        switch target {
        case "note": return w("import.target.note")
        case "ignore": return w("import.target.ignored")
        case "status": return status
        default: return IntakeSchema.standard.field(FieldKey(target))?.label.text(in: language) ?? target
        }
    }
    func importReady(_ count: Int) -> String {
        w("import.importReady", count: count)
    }
    func importProblems(_ count: Int) -> String {
        w("import.importProblems", count: count)
    }
    func importMoreProblems(_ count: Int) -> String { w("import.importMoreProblems", ["count": .number(count)]) }
    func imported(_ count: Int) -> String { w("import.imported", count: count) }
    var importFileChanged: String {
        w("import.importFileChanged")
    }
    func cannotReadImport(_ reason: String) -> String {
        w("import.cannotReadImport", ["reason": .text(reason)])
    }

    // Added on other branches, converted at the merge.
    /// A status in the case list's column of 10: whole words, and "closed – referred" not cut to "closed".
    func statusInList(_ status: CaseStatus) -> String {
        switch status {
        case .active: w("caseFile.statusInList.active")
        case .followUp: w("caseFile.statusInList.followUp")
        case .closed: w("caseFile.statusInList.closed")
        case .closedReferred: w("caseFile.statusInList.closedReferred")
        }
    }
    /// In the status list (coordinators): the case registers a person who already has one.
    var duplicateOfAnotherCase: String { w("caseFile.duplicateOfAnotherCase") }
    var earlierCaseNumber: String { w("caseFile.earlierCaseNumber") }
    var earlierCaseHelp: String {
        w("caseFile.earlierCaseHelp")
    }
}
