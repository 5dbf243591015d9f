import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

@Suite("Reports and users")
struct ReportsAndUsersScreenTests {
    static let cases: [[FieldKey: FieldValue]] = (0..<7).map { AppHarness.person("Family\($0)", "Given", gender: $0 < 6 ? "female" : "male") }

    @Test func reportsSuppressSmallGroups() throws {
        let app = try AppHarness.signedIn(cases: Self.cases)
        app.press(.function(9))
        #expect(app.top is ReportsScreen)
        #expect(app.shows("Groups of fewer than 5 people are shown as <5"))
        #expect(app.row(startingWith: "People")?.hasSuffix(" 7") == true)
        #expect(app.row(startingWith: "  Female")?.hasSuffix(" 6") == true)
        #expect(app.row(startingWith: "  smaller groups together")?.hasSuffix(" <5") == true)  // the one man is not shown as such
    }

    /// Issue 19: the export is for people — headers and answers in the interface language.
    @Test func reportsInRussianTakeAPeriodAndExportAnonymisedCSV() throws {
        let app = try AppHarness.signedIn(language: .ru, cases: Self.cases)
        app.press(.function(9))
        app.type("01.01.2027")
        app.press(.tab)
        #expect(app.row(startingWith: "Человек")?.hasSuffix(" 0") == true)
        app.press(.backTab)
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        app.press(.function(5))
        #expect(app.shows("Экспорт обезличенных дел"))
        app.press(.enter)
        let path = app.directory.appendingPathComponent("refuge-export-2026-03-08.csv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("Family0"))
        #expect(text.contains("Псевдоним,Год приёма,Возраст при приёме (группа),Пол,") && text.contains(",Женский,"))
        #expect(app.shows("Записано 7 дел"))
        #expect(app.book?.store.activity.contains { if case .exportMade = $0.body { true } else { false } } == true)
    }

    @Test func coordinatorAddsAndDisablesUsers() throws {
        let app = try AppHarness.signedIn()
        app.press(.function(8))
        #expect(app.top is UsersScreen)
        #expect(app.shows("anna"))
        #expect(app.shows("Coordinator"))
        fillInNewUser(app)
        app.press(.function(2))
        #expect(app.shows("User bolat added."))
        #expect(app.shows("Caseworker"))
        app.press(.down)
        app.press(.character("d"))
        app.type("y")
        #expect(app.shows("User bolat disabled."))
        #expect(app.book?.store.users["bolat"]?.isActive == false)
    }

    /// Issue 12, item 13: the third column is headed by what it holds, not by one of its values.
    @Test(arguments: [(Language.ru, "Статус", "Активен"), (Language.en, "Status", "Active")])
    func theUsersListHeadsItsColumnsWithWhatTheyHold(language: Language, header: String, value: String) throws {
        let app = try AppHarness.signedIn(language: language)
        app.press(.function(8))
        let rows = app.screen.split(separator: "\n")
        let headerRow = try #require(rows.first { $0.contains(language == .ru ? "Роль" : "Role") })
        #expect(headerRow.contains(header) && !headerRow.contains(value), "\(headerRow)")
        #expect(app.shows(value))
    }

    /// At 40 columns the users list keeps whether each user may still sign in (the role goes
    /// first); found in the small-screen walk, where only the names were left.
    @Test func atFortyColumnsTheUsersListKeepsTheStatus() throws {
        let app = try AppHarness.signedIn(language: .ru, size: Size(width: 40, height: 12))
        if app.shows("Повестка") { app.press(.escape) }
        app.press(.function(8))
        let rows = app.screen.split(separator: "\n")
        let headerRow = try #require(rows.first { $0.contains("Имя пользователя") })
        #expect(headerRow.contains("Статус"), "\(headerRow)")
        #expect(app.shows("Активен"))
    }

    @Test func changingOwnPassphraseInRussian() throws {
        let app = try AppHarness.signedIn(language: .ru)
        app.press(.function(8))
        app.press(.character("з"))  // p on the Russian layout
        app.type(AppHarness.passphrase)
        app.press(.tab)
        app.type("новая пароль-фраза")
        app.press(.tab)
        app.type("новая пароль-фраза")
        app.press(.function(2))
        #expect(app.shows("Пароль-фраза изменена."))
    }

    /// A role that is none of the choices must keep the form open with a message and add no one.
    @Test func addingAUserWithoutAUsableRoleKeepsTheFormOpen() throws {
        let app = try AppHarness.signedIn()
        app.press(.function(8))
        fillInNewUser(app)
        let screen = try #require(app.top as? FormScreen)
        app.save(screen, forcing: "role", to: .choice("director"))
        #expect(app.top === screen)
        #expect(app.shows("Role: Not one of the choices"))
        #expect(app.book?.store.users["bolat"] == nil)
    }

    /// On the users screen: opens the new-user form and types bolat's name and passphrase twice.
    private func fillInNewUser(_ app: AppHarness) {
        app.press(.character("a"))
        app.type("bolat")
        app.press(.tab, .tab)
        app.type("another passphrase")
        app.press(.tab)
        app.type("another passphrase")
    }
}
