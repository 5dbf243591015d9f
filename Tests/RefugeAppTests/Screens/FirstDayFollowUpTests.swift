import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// Issue 12, what was left after the first pass: keys typed while signing in, the case header at
/// 40 columns, duplicates from the status list, the keystrokes of a full intake.
@Suite("A caseworker's first day, continued")
struct FirstDayFollowUpTests {
    static let size = Size(width: 80, height: 24)

    private func key(_ latin: Character, _ language: Language) -> Key {
        guard language == .ru else { return .character(latin) }
        let russian: [Character: Character] = ["n": "т", "c": "с"]
        return .character(russian[latin] ?? latin)
    }

    private func words(_ language: Language) -> AppStrings { AppStrings(language) }

    // MARK: Keys typed while sign-in runs

    /// Sign-in takes seconds on an old laptop; what is typed before the case list appears was typed
    /// blind and must not act on it ("т" + a name once changed the list instead of opening an intake).
    @Test(arguments: [Language.ru, .en])
    func keysTypedWhileSigningInAreDropped(_ language: Language) throws {
        let app = try AppHarness.withCaseFile(language: language, size: Self.size)
        app.terminal.type("anna")
        app.terminal.press(.enter)
        app.terminal.type(AppHarness.passphrase)
        app.terminal.press(.enter)
        app.terminal.press(key("n", language))  // typed before the case list was seen
        app.terminal.type("Иванова")
        app.run()
        #expect(app.top is CaseListScreen)
        #expect(!app.shows("Иванова"))
        app.press(key("n", language))  // once the list is on screen, its keys work
        #expect(app.top is FormScreen)
    }

    @Test(arguments: [Language.ru, .en])
    func keysTypedWhileTheFirstStartCreatesTheCaseFileAreDropped(_ language: Language) {
        let app = AppHarness(language: language, size: Self.size)
        for text in ["Shelter", "anna", AppHarness.passphrase, AppHarness.passphrase] {
            app.terminal.type(text)
            app.terminal.press(.enter)
        }
        app.terminal.press(key("n", language))
        app.terminal.type("Иванова")
        app.run()
        #expect(app.top is CaseListScreen)
        #expect(!app.shows("Иванова"))
    }

    @Test(arguments: [Language.ru, .en])
    func keysTypedWhileUnlockingAreDropped(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.press(.function(12))
        app.terminal.type(AppHarness.passphrase)
        app.terminal.press(.enter)
        app.terminal.press(key("n", language))
        app.run()
        #expect(app.top is CaseListScreen)
    }

    // MARK: The case header at 40 columns

    @Test(arguments: [Language.ru, .en])
    func theCaseHeaderAtFortyColumnsWrapsBetweenPartsAndCutsNone(_ language: Language) throws {
        let s = words(language)
        var values = AppHarness.person("Ахмедова", "Гульнара")
        values[.ageAtIntake] = .number(35)
        let app = try AppHarness.signedIn(language: language, size: Size(width: 40, height: 12), cases: [values])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        let age = (language == .ru ? "возраст " : "age ") + s.aboutAge(35)
        for part in ["2026-0001", "Ахмедова Гульнара", age, CaseStatus.active.label.text(in: language)] {
            #expect(app.shows(part), "\(part) whole in\n\(app.screen)")
        }
        #expect(app.shows(s.forReports("0%")) || app.screen.contains(s.forReports("")), "\(app.screen)")
    }

    // MARK: Duplicates from the status list

    @Test(arguments: [Language.ru, .en])
    func aCoordinatorMarksADuplicateFromTheStatusList(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size,
                                          cases: [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Akhmedova", "Gulnara")])
        app.press(.down, .enter)  // 2026-0002
        app.press(key("c", language))
        app.type(language == .ru ? "Д" : "D")  // type-ahead in the status list
        #expect(app.shows(s.duplicateOfAnotherCase), "\(app.screen)")
        app.press(.tab)
        #expect(app.shows(s.earlierCaseNumber))
        app.type("2026-0001")
        app.press(.function(2))
        #expect(app.top is CaseFileScreen, "\(app.screen)")
        #expect(app.shows(s.duplicateOf("2026-0001").uppercased()))
        let store = try #require(app.book?.store)
        #expect(store.records.count == 2)
        #expect(store.records.first { $0.number.description == "2026-0002" }?.duplicateOf != nil)
        #expect(StatisticsBuilder.report(for: store.records, query: StatisticsQuery(minCell: 1)).total == 1)
    }

    @Test(arguments: [Language.ru, .en])
    func anUnknownEarlierCaseNumberKeepsTheStatusFormOpen(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        app.press(key("c", language))
        app.type(language == .ru ? "Д" : "D")
        app.press(.tab)
        app.type("2026-0009")
        app.press(.function(2))
        #expect(app.top is FormScreen)
        #expect(app.shows(s.noSuchCase("2026-0009")))
        #expect(app.book?.store.records.first?.duplicateOf == nil)
    }

    @Test(arguments: [Language.ru, .en])
    func aCaseworkersStatusListOffersNoDuplicate(_ language: Language) throws {
        let s = words(language)
        let directory = AppHarness.temporaryDirectory()
        try AppHarness.makeCaseFile(at: directory, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase)
        try book.addUser("bek", role: .caseworker, passphrase: "chosen-by-anna", kdf: AppHarness.kdf)
        book.close()
        let app = AppHarness(language: language, size: Self.size, directory: directory, removesDirectory: true)
        app.signIn(user: "bek", passphrase: "chosen-by-anna")
        app.type("chosen-by-anna")  // the passphrase anna chose must be changed first
        app.press(.tab)
        app.type("bek chooses his own words")
        app.press(.tab)
        app.type("bek chooses his own words")
        app.press(.function(2))
        #expect(app.top is CaseListScreen, "\(app.screen)")
        app.press(.enter)
        app.press(key("c", language))
        app.press(.character(" "))  // the whole list
        #expect(!app.shows(s.duplicateOfAnotherCase), "\(app.screen)")
    }

    // MARK: Walking every screen at 80x24, 60x20 and 40x12

    /// F12 locks from every screen, and a newcomer finds it on the bar, which used to drop it first
    /// (the case file at 80 columns, the case list at 60).
    @Test(arguments: [Language.ru, .en])
    func theLockKeyStaysOnTheBarAt80And60Columns(_ language: Language) throws {
        let lock = "12" + words(language).lock
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        #expect(app.terminal.row(23).contains(lock), "\(app.terminal.row(23))")
        app.terminal.resize(to: Size(width: 60, height: 20))
        app.run()
        #expect(app.terminal.row(19).contains(lock), "\(app.terminal.row(19))")
        app.press(.escape)
        #expect(app.terminal.row(19).contains(lock), "\(app.terminal.row(19))")
    }

    /// "Closed – referred" was cut to "Закрыто –…" in the list's status column.
    @Test(arguments: [Language.ru, .en])
    func theListsStatusColumnDoesNotCutClosedAndReferred(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let record = try #require(app.book?.store.records.first)
        try app.book?.changeStatus(of: record.id, to: .closedReferred, reason: "")
        app.press(.enter, .escape)  // the list shows the case file's change
        let row = try #require(app.row(startingWith: "2026-0001"))
        #expect(row.contains(s.statusInList(.closedReferred)), "\(row)")
        #expect(!row.contains("–…") && !row.contains("-…"), "\(row)")
        #expect(s.statusInList(.closedReferred) != s.statusInList(.closed))
        // The column is as wide as the longest status word of the language ("Сопровождение").
        let list = try #require(app.top as? CaseListScreen)
        let column = try #require(list.table.columns.first { $0.title == s.columnStatus })
        guard case .fixed(let width) = column.width else { Issue.record("the status column is not fixed"); return }
        for status in CaseStatus.allCases { #expect(s.statusInList(status).count <= width) }
    }

    /// At 40 columns the counts line ended "Сопровождени…": a count cut from its number. Counts that
    /// do not fit leave the line whole (the filter, F3, still shows each status's cases).
    @Test(arguments: [Language.ru, .en])
    func theCountsLineAtFortyColumnsCutsNoCount(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Size(width: 40, height: 12),
                                          cases: [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Иванова", "Анна")])
        let row = app.terminal.row(1)
        #expect(!row.contains("…"), "\(row)")
        #expect(row.hasPrefix(language == .ru ? "Показано 2" : "Shown 2"), "\(row)")
        #expect(!row.hasSuffix("·"), "\(row)")
    }

    /// At 60 columns the top line repeated the duplicate dialog's sentence and cut it ("Enter — о…");
    /// it now names what happened in words that fit, and the dialog says the rest.
    @Test(arguments: [Language.ru, .en])
    func theDuplicateCheckSaysOnTheTopLineWhatFitsAt60And40Columns(_ language: Language) throws {
        for size in [Size(width: 60, height: 20), Size(width: 40, height: 12)] {
            let app = try AppHarness.signedIn(language: language, size: size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
            app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "f", newKey: key("n", language))
            app.press(.function(2))
            #expect(app.top is DuplicatesDialog)
            #expect(!app.terminal.row(0).contains("…"), "\(app.terminal.row(0))")
            app.press(.escape)
            #expect(app.top is FormScreen)
            #expect(app.terminal.row(0).contains(words(language).duplicatesTitle), "\(app.terminal.row(0))")
        }
    }

    // MARK: The keystrokes of a full intake

    /// Counts every key a person presses; a typed word counts one key per letter.
    private final class CountedKeys {
        let app: AppHarness
        private(set) var count = 0
        private(set) var tabs = 0
        init(_ app: AppHarness) { self.app = app }
        func type(_ text: String) { count += text.count; app.type(text) }
        func press(_ keys: Key...) {
            count += keys.count
            tabs += keys.filter { $0 == .tab || $0 == .backTab }.count
            for key in keys { app.press(key) }
        }
    }

    /// The ideal path of a full intake of the demo person of docs/user-guide.md, all five pages, in
    /// Russian: Enter moves on from every field (choices and lists included), first letters choose,
    /// Space ticks, fields she does not know are passed with Enter, F2 saves from wherever she is.
    ///
    ///     т                                   new intake
    ///     Ахмедова ⏎  Гульнара ⏎  ж ⏎  12.05.1990 ⏎  ⏎ (patronymic)  ⏎ (alias)
    ///     у ␣ ⏎ (Uzbekistan)  у ␣ р ␣ ⏎ (Uzbek, Russian)                      page 1: 42
    ///     д ⏎ × 9 (consent)                                                   page 2: 18
    ///     в ⏎ (married)  2 ⏎  с ⏎ (upper secondary)                           page 3: 6
    ///     ж ⏎ (victim)  п ⏎ (police)  п ␣ ⏎ (forced labour)  с ⏎ (agriculture)
    ///     п ␣ ⏎ (job offer)  д ␣ ⏎ (friend)  н ⏎ (not abducted)  у ␣ ⏎ (threats)
    ///     у ␣ ⏎  ⏎  к ␣ ⏎ (Uzbekistan, -, Kazakhstan)  3 4 ⏎  1 4 ⏎          page 4: 33
    ///     п ⏎ (police)  е (today)  F2                                         page 5: 4
    ///
    /// 103 keys. Enter on a page's last field turns the page, so no PgDn is needed either.
    @Test func aFullIntakeOfTheDemoPersonTakesAtMost105KeysAndNoTab() throws {
        let app = try AppHarness.signedIn(language: .ru, size: Self.size)
        let keys = CountedKeys(app)
        var pages: [String] = []
        keys.press(.character("т"))
        for text in ["Ахмедова", "Гульнара", "ж", "12.05.1990", "", ""] { keys.type(text); keys.press(.enter) }
        keys.type("у"); keys.press(.character(" "), .enter)
        keys.type("у"); keys.press(.character(" ")); keys.type("р"); keys.press(.character(" "), .enter)
        pages.append(app.screen)
        for _ in 0..<9 { keys.type("д"); keys.press(.enter) }
        pages.append(app.screen)
        for text in ["в", "2", "с"] { keys.type(text); keys.press(.enter) }
        pages.append(app.screen)
        for text in ["ж", "п"] { keys.type(text); keys.press(.enter) }
        keys.type("п"); keys.press(.character(" "), .enter)
        keys.type("с"); keys.press(.enter)
        keys.type("п"); keys.press(.character(" "), .enter)
        keys.type("д"); keys.press(.character(" "), .enter)
        keys.type("н"); keys.press(.enter)
        keys.type("у"); keys.press(.character(" "), .enter)
        keys.type("у"); keys.press(.character(" "), .enter)
        keys.press(.enter)
        keys.type("к"); keys.press(.character(" "), .enter)
        for text in ["34", "14"] { keys.type(text); keys.press(.enter) }
        pages.append(app.screen)
        keys.type("п"); keys.press(.enter)
        keys.type("е")
        pages.append(app.screen)
        keys.press(.function(2))
        let all = pages.joined(separator: "\n-----\n")
        #expect(app.top is CaseFileScreen, "\(all)\n-----\n\(app.screen)")
        let record = try #require(app.book?.store.records.first)
        let expected: [FieldKey: FieldValue] = [
            .familyName: .text("Ахмедова"), .givenName: .text("Гульнара"), .gender: .code("female"),
            .birthDate: .date(CalendarDate(year: 1990, month: 5, day: 12)!), .citizenship: .codes(["UZ"]),
            .languages: .codes(["uzb", "rus"]), .consentToInterview: .code("yes"), .consentToShareWithPartners: .code("yes"),
            .maritalStatus: .code("married"), .numberOfChildren: .number(2), .education: .code("isced3"),
            .traffickingStatus: .code("actual"), .statusDecidedBy: .code("police"), .exploitationTypes: .codes(["forcedLabour"]),
            .labourSector: .code("agriculture"), .recruitmentMethods: .codes(["jobOffer"]), .recruiterRelation: .codes(["friend"]),
            .abduction: .code("no"), .meansOfControl: .codes(["threats"]), .countriesOfRecruitment: .codes(["UZ"]),
            .countriesOfExploitation: .codes(["KZ"]), .ageAtExploitation: .number(34), .exploitationMonths: .number(14),
            .referralSource: .code("police"), .referralDate: .date(AppHarness.today),
        ]
        for (key, value) in expected { #expect(record[key] == value, "\(key)\n\(all)") }
        #expect(keys.tabs == 0)
        #expect(keys.count <= 105, "\(keys.count) keys")
    }
}
