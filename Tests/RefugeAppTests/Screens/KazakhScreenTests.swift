import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// Issue 13: `refuge --lang kk` shows no Russian or English word on any screen. Each test walks to
/// screens in Kazakh at 80x24 and scans what is drawn for words of another language.
@Suite("Every screen in Kazakh")
struct KazakhScreenTests {
    static let size = Size(width: 80, height: 24)

    private func setUp() -> AppHarness {
        let app = AppHarness(language: .kk, size: Self.size)
        #expect(ForeignWords.found(in: app.screen).isEmpty, "setup: \(ForeignWords.found(in: app.screen))\n\(app.screen)")
        for text in ["Shelter", "anna", AppHarness.passphrase, AppHarness.passphrase] {
            app.type(text)
            app.press(.enter)
        }
        return app
    }

    private func expectKazakh(_ app: AppHarness, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let foreign = ForeignWords.found(in: app.screen)
        #expect(foreign.isEmpty, "\(place): \(foreign)\n\(app.screen)", sourceLocation: sourceLocation)
    }

    @Test func signInAndLockScreens() throws {
        let app = try AppHarness.withCaseFile(language: .kk, size: Self.size)
        expectKazakh(app, "sign-in")
        app.signIn(passphrase: "not the passphrase")
        expectKazakh(app, "wrong passphrase")
        app.signIn()
        app.press(.function(12))
        expectKazakh(app, "lock")
    }

    @Test func caseListEmptyAndFull() throws {
        let app = setUp()
        expectKazakh(app, "empty case list")
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: "ә")
        app.press(.function(2))
        app.press(.escape)
        expectKazakh(app, "case list")
        // The headings name their columns whole ("Жынысы" was cut to "Жы…" in a 3-column one).
        let headings = try #require(app.row(startingWith: "№"))
        #expect(!headings.contains("…"), "\(headings)")
        app.press(.function(3))
        expectKazakh(app, "filtered case list")
        app.press(.function(1))
        expectKazakh(app, "help")
    }

    @Test func everyPageOfTheIntake() throws {
        let app = setUp()
        app.press(.character("n"))
        for page in 1...5 {
            expectKazakh(app, "intake page \(page)")
            app.press(.function(8))
        }
        app.press(.function(2))
        expectKazakh(app, "intake saved without a name")
    }

    @Test func caseFileTabsAndDialogs() throws {
        let app = setUp()
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: "ә")
        app.press(.function(2))
        for tab in 1...5 {
            expectKazakh(app, "case file tab \(tab)")
            app.press(.function(8))
        }
        for (key, name) in [("a", "note"), ("s", "service"), ("r", "referral"), ("c", "status")] {
            app.press(.character(Character(key)))
            expectKazakh(app, name)
            app.press(.escape)
            if app.top is Dialog { app.press(.enter) }
        }
        app.press(.character("e"))
        expectKazakh(app, "choose a section")
    }

    @Test func reportsAndUsers() throws {
        let app = setUp()
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: "ә")
        app.press(.function(2))
        app.press(.escape)
        app.press(.function(9))
        expectKazakh(app, "reports")
        app.press(.escape)
        app.press(.function(8))
        expectKazakh(app, "users")
        app.press(.character("a"))
        expectKazakh(app, "new user")
    }

    /// The agenda after sign-in: overdue, today and the week, with follow-ups typed in Kazakh.
    @Test func agenda() throws {
        let app = try AgendaScreenTests.harness(language: .kk, size: Self.size, second: ("Сейітқали", "Әйгерім"),
                                                followUps: ["Заңгерге қоңырау шалу", "Сот отырысы", "Дәрігерге бару"])
        #expect(app.top is AgendaScreen)
        expectKazakh(app, "agenda")
        app.press(.function(1))
        expectKazakh(app, "agenda help")
    }

    /// Every case-work form (plan objectives and actions, risk and needs assessments, follow-ups)
    /// and the plan and assessments tabs once they hold something.
    @Test func planAndAssessments() throws {
        let app = try AppHarness.signedIn(language: .kk, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        app.press(.character("t"))
        expectKazakh(app, "case work choice")
        app.press(.escape)
        for (index, choice) in CaseworkForms.Choice.allCases.enumerated() {
            app.press(.character("t"))
            for _ in 0..<index { app.press(.down) }
            app.press(.enter)
            expectKazakh(app, "case work: \(choice)")
            app.press(.escape)
            if app.top is Dialog { app.press(.enter) }
        }
        // A plan objective and a risk assessment, so that both tabs have lines to show.
        app.press(.character("t"))
        app.press(.enter)
        app.type("қ")
        app.press(.tab)
        app.type("Төлқұжатты қалпына келтіру")
        app.press(.function(2))
        expectKazakh(app, "objective saved")
        for tab in 1...7 {
            expectKazakh(app, "case file tab \(tab)")
            app.press(.function(8))
        }
    }

    @Test func partnersAndAReferral() throws {
        var values = AppHarness.person("Ахмедова", "Гульнара")
        values[.consentToShareWithPartners] = .code("yes")
        let app = try AppHarness.signedIn(language: .kk, size: Self.size, cases: [values])
        try app.book?.addPartner(PartnerDetails(name: "Алматы дағдарыс орталығы", kind: .ngo))
        app.press(.function(11))
        #expect(app.top is PartnersScreen)
        expectKazakh(app, "partners")
        app.press(.function(5))
        expectKazakh(app, "new partner")
        app.press(.function(2))
        expectKazakh(app, "new partner without a name")
        app.press(.escape)
        if app.top is Dialog { app.press(.enter) }
        app.press(.escape)
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        app.press(.character("p"))
        #expect(app.top is FormScreen, "\(app.screen)")
        expectKazakh(app, "referral to a partner")
        app.press(.function(2))
        expectKazakh(app, "referral without its answers")
    }

    @Test func importPreviewAndItsProblems() throws {
        let app = try AppHarness.signedIn(language: .kk, size: Self.size)
        let file = """
            familyName,givenName,gender,birthDate,citizenship,intakeDate
            Каримова,Дильноза,female,1999-04-12,UZ,2024-03-01
            Сейітқали,Әйгерім,әйел,31.02.2001,Қазақстан,2024-05-20

            """
        try Data(file.utf8).write(to: app.directory.appendingPathComponent("people.csv"))
        app.press(.function(9))
        app.press(.function(6))
        expectKazakh(app, "import file prompt")
        app.type("people.csv")
        app.press(.enter)
        #expect(app.top is ImportScreen, "\(app.screen)")
        // The file's own column names and cells are data, shown as they are.
        let data = Set(file.split { !$0.isLetter }.map(String.init))
        let foreign = ForeignWords.found(in: app.screen).filter { !data.contains($0) }
        #expect(foreign.isEmpty, "import preview: \(foreign)\n\(app.screen)")
    }

    /// Exploitation episodes, legal proceedings and family (issue 15): the choice each key offers,
    /// every form it leads to (empty, then refused for what is missing), and the case file's tabs
    /// once they hold something.
    @Test func episodesLegalProceedingsAndFamily() throws {
        let app = try AppHarness.signedIn(language: .kk, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        for key in ["x", "j", "f"] {
            app.press(.character(Character(key)))
            let choices = try #require(app.top as? ChooseDialog, "\(key)\n\(app.screen)").list.options.count
            expectKazakh(app, "choice \(key)")
            app.press(.escape)
            for index in 0..<choices {
                app.press(.character(Character(key)))
                for _ in 0..<index { app.press(.down) }
                app.press(.enter)
                expectKazakh(app, "\(key), choice \(index + 1)")
                guard app.top is FormScreen || app.top is Dialog else { continue }
                app.press(.function(2))
                expectKazakh(app, "\(key), choice \(index + 1), saved or refused")
                for _ in 0..<3 where !(app.top is CaseFileScreen) {
                    app.press(.escape)
                    if app.top is Dialog { app.press(.enter) }
                }
            }
        }
        // A second episode and a proceeding, so that their tabs have lines to show.
        app.press(.character("x"), .down, .enter)
        var form = try #require(app.top as? FormScreen, "\(app.screen)")
        form.form.set(FieldKey.exploitationTypes.rawValue, .choices(["forcedLabour"]))
        form.form.set(FieldKey.episodeStart.rawValue, .date(CalendarDate(year: 2025, month: 5, day: 1)!))
        app.press(.function(2))
        expectKazakh(app, "episode saved")
        app.press(.character("j"), .enter)
        form = try #require(app.top as? FormScreen, "\(app.screen)")
        form.form.set(FieldKey.proceedingKind.rawValue, .choice(ProceedingKind.criminal.rawValue))
        form.form.set(FieldKey.proceedingAuthority.rawValue, .text("Алмалы аудандық соты"))
        app.press(.function(2))
        expectKazakh(app, "proceeding saved")
        let screen = try #require(app.top as? CaseFileScreen, "\(app.screen)")
        for tab in 0..<screen.tabs.tabs.count {
            expectKazakh(app, "case file tab \(tab + 1)")
            app.press(.function(8))
        }
    }

    /// The recent changes (h), the duplicates dialog of a second intake of the same person, and
    /// closing a case whose plan has open objectives.
    @Test func recentChangesDuplicatesAndClosingWithOpenObjectives() throws {
        let app = try AppHarness.signedIn(language: .kk, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.character("h"))
        expectKazakh(app, "recent changes")
        app.press(.escape)
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: "ә")
        app.press(.function(2))
        #expect(app.top is DuplicatesDialog, "\(app.screen)")
        expectKazakh(app, "duplicates dialog")
        app.press(.enter)  // opens the earlier case
        #expect(app.top is CaseFileScreen, "\(app.screen)")
        app.press(.character("t"), .enter)
        app.type("қ")
        app.press(.tab)
        app.type("Төлқұжатты қалпына келтіру")
        app.press(.function(2))
        app.press(.character("c"))
        expectKazakh(app, "status form")
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        form.form.set(FieldKey.newStatus.rawValue, .choice(CaseStatus.closed.rawValue))
        app.press(.function(2))
        #expect(app.top is ChooseDialog && app.shows(AppStrings(.kk).openObjectivesOnClosing(1)), "\(app.screen)")
        expectKazakh(app, "closing with an open objective")
    }

    @Test func theScannerFindsForeignWords() {
        #expect(ForeignWords.found(in: "Істер · Cases") == ["Cases"])
        #expect(ForeignWords.found(in: "Істер · Дела") == ["Дела"])
        #expect(ForeignWords.found(in: "F2 Сақтау  Enter  Refuge").isEmpty)
    }
}

/// Words that give away another language on a Kazakh screen: a Latin word outside the few that
/// every language shows (key names, the program's name, what the test typed), and a word of the
/// Russian catalog that the Kazakh catalog never uses.
enum ForeignWords {
    static let allowedLatin: Set<String> = [
        "Refuge", "refuge", "verify", "salvage", "Enter", "Esc", "Ins", "Insert", "Tab", "Del", "PgUp", "PgDn", "Ctrl", "Alt",
        "Shift", "Shelter", "anna", "CSV", "csv",
        // Names of formats and tools, the same in every language: age encryption, an encoding, Excel's files.
        "age", "utf", "xlsx", "xlsm",
    ]

    static let russianOnly: Set<String> = {
        func words(_ language: Language) -> Set<String> {
            Set(Words.catalogs[language]!.entries.values.flatMap(\.forms).flatMap(split).map { $0.lowercased() })
        }
        // The names the tests type are Russian as well; they are data, not interface.
        return words(.ru).subtracting(words(.kk)).subtracting(["ахмедова", "гульнара"])
    }()

    /// Single letters are left alone: they are the keys of both layouts ("f (а)").
    static func found(in screen: String) -> [String] {
        // Paths and file names are data (a temporary directory, "referral-2026-0001.age").
        let withoutPaths = screen.replacing(/[\w.\/-]*\/[\w.\/-]*|[\w-]+\.(age|csv|xlsx|xlsm)\b/, with: " ")
        return split(withoutPaths).filter { word in
            guard word.count > 1 else { return false }
            if word.unicodeScalars.allSatisfy({ $0.isASCII }) {
                return !allowedLatin.contains(word)
            }
            return russianOnly.contains(word.lowercased())
        }
    }

    private static func split(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init)
    }
}
