import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// Issue 13: at 80x24 every screen's key bar says what its keys do in whole words, in Russian and
/// Kazakh — no abbreviation a first-day caseworker has to guess ("Показ.", "Польз.", "Пред.") and
/// no label cut short ("Құл…"). The bar drops whole keys instead; F1 lists them all.
@Suite("Whole words in every bar at 80x24")
struct BarWordsTests {
    static let size = Size(width: 80, height: 24)

    /// An abbreviation (a letter, then a full stop) or a cut (…) in the bar.
    static func problems(in bar: String) -> [String] {
        bar.matches(of: /\p{L}+\.|\p{L}*…/).map { String($0.output) }
    }

    private func expectWholeWords(_ app: AppHarness, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bar = app.terminal.row(Self.size.height - 1)
        let found = Self.problems(in: bar)
        #expect(found.isEmpty, "\(place): \(found)\n\(bar)", sourceLocation: sourceLocation)
    }

    /// A key of the screens as typed on the language's layout (Kazakh screens take the Latin keys too).
    private func key(_ latin: Character, _ language: Language) -> Key {
        guard language == .ru else { return .character(latin) }
        let russian: [Character: Character] = ["x": "ч", "j": "о", "f": "а", "n": "т", "h": "р", "t": "е", "p": "з"]
        return .character(russian[latin] ?? latin)
    }

    @Test(arguments: [Language.ru, .kk])
    func theCaseListTheIntakeAndTheHelp(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        if app.top is AgendaScreen {
            expectWholeWords(app, "agenda")
            app.press(.escape)
        }
        expectWholeWords(app, "case list")
        app.press(.function(6))
        expectWholeWords(app, "case list, names shown")
        app.press(.function(6))
        app.press(.function(1))
        expectWholeWords(app, "help")
        app.press(.escape)
        app.press(.function(5))
        for page in 1...5 {
            expectWholeWords(app, "intake page \(page)")
            app.press(.function(8))
        }
        app.press(.escape)
        if app.top is Dialog {
            expectWholeWords(app, "leave the intake?")
            app.press(.enter)
        }
        app.press(.function(2))
        expectWholeWords(app, "agenda from the list")
    }

    @Test(arguments: [Language.ru, .kk])
    func theCaseFileAndWhatItOpens(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen, "\(app.screen)")
        expectWholeWords(app, "case file")
        for (latin, place) in [("x", "episodes"), ("j", "legal proceedings"), ("f", "family"), ("t", "case work")] {
            app.press(key(Character(latin), language))
            expectWholeWords(app, place)
            app.press(.enter)
            expectWholeWords(app, "\(place): the first choice")
            for _ in 0..<3 where !(app.top is CaseFileScreen) {
                app.press(.escape)
                if app.top is Dialog { app.press(.enter) }
            }
        }
        for function in [4, 5, 6, 3, 9] {
            app.press(.function(function))
            expectWholeWords(app, "case file F\(function)")
            for _ in 0..<3 where !(app.top is CaseFileScreen) {
                app.press(.escape)
                if app.top is Dialog { app.press(.enter) }
            }
        }
    }

    @Test(arguments: [Language.ru, .kk])
    func partnersUsersReportsImportAndLock(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        try Data("familyName,givenName,gender,intakeDate\nКаримова,Дильноза,female,2024-03-01\n".utf8)
            .write(to: app.directory.appendingPathComponent("people.csv"))
        for (function, place) in [(11, "partners"), (8, "users"), (9, "reports")] {
            app.press(.function(function))
            expectWholeWords(app, place)
            app.press(.function(5))
            expectWholeWords(app, "\(place) F5")
            for _ in 0..<3 where !(app.top is CaseListScreen) {
                app.press(.escape)
                if app.top is Dialog { app.press(.enter) }
            }
        }
        app.press(.function(9))
        app.press(.function(6))
        expectWholeWords(app, "import prompt")
        app.type("people.csv")
        app.press(.enter)
        expectWholeWords(app, "import preview")
        app.press(.escape)
        app.press(.escape)
        app.press(key("h", language))
        expectWholeWords(app, "recent changes")
        app.press(.escape)
        app.press(.function(12))
        expectWholeWords(app, "lock")
    }

    /// A second intake of the same person: the duplicates dialog's bar.
    @Test(arguments: [Language.ru, .kk])
    func theDuplicatesDialog(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        if app.top is AgendaScreen { app.press(.escape) }
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "ә")
        app.press(.function(2))
        expectWholeWords(app, "duplicates dialog")
    }

    /// The first start (setup), the sign-in, and a case file with a conflict between laptops: its
    /// bar and the conflicts screen's.
    @Test(arguments: [Language.ru, .kk])
    func setupSignInAndConflicts(_ language: Language) throws {
        let setup = AppHarness(language: language, size: Self.size)
        expectWholeWords(setup, "setup")
        let signIn = try AppHarness.withCaseFile(language: language, size: Self.size)
        expectWholeWords(signIn, "sign-in")
        let (workspace, id) = try ConflictsAcrossLaptopsTests.conflicted()
        let app = ConflictsAcrossLaptopsTests.harness(on: workspace.a, language: language, size: Self.size)
        CaseFileScreen.open(id, session: app.session)
        app.run()
        expectWholeWords(app, "case file with a conflict")
        app.press(.character("v"))
        expectWholeWords(app, "conflicts")
    }

    @Test func theCheckFindsAbbreviationsAndCuts() {
        #expect(Self.problems(in: "1Помощь 6Показ. 8Польз. 12Құл…") == ["Показ.", "Польз.", "Құл…"])
        #expect(Self.problems(in: "1Анықтама 2Сақтау 10Шығу 12Құлып Esc Артқа").isEmpty)
    }
}
