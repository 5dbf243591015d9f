import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
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
        split(screen).filter { word in
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
