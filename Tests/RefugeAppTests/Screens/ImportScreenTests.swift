import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// Issue 19: the import screen for coordinators — choose the file, see the preview, confirm; all
/// rows or none, as `refuge import`.
@Suite("Import screen")
struct ImportScreenTests {
    static let people = """
        familyName,givenName,gender,birthDate,citizenship,intakeDate,E-mail
        Каримова,Дильноза,female,1999-04-12,UZ,2024-03-01,d@example.org
        Сейітқали,Әйгерім,жен,03.02.2001,Казахстан,2024-05-20,

        """

    static func write(_ text: String, _ name: String, in app: AppHarness) throws {
        try Data(text.utf8).write(to: app.directory.appendingPathComponent(name))
    }

    static func openImport(_ app: AppHarness, file: String) {
        app.press(.function(9))
        app.press(.function(6))
        app.type(file)
        app.press(.enter)
    }

    @Test func aCoordinatorPreviewsAndImportsInEnglish() throws {
        let app = try AppHarness.signedIn()
        try Self.write(Self.people, "people.csv", in: app)
        Self.openImport(app, file: "people.csv")
        #expect(app.top is ImportScreen)
        #expect(app.shows("CSV, utf-8, cells separated by “,”."))
        #expect(app.shows("familyName → Family name"))
        #expect(app.shows("E-mail → imported note"))
        #expect(app.shows("2 cases are ready. F2 imports them all; nothing is saved before."))
        #expect(app.book?.store.records.isEmpty == true)  // nothing before the confirmation
        app.press(.function(2))
        #expect(app.shows("2 cases imported."))
        #expect(!(app.top is ImportScreen))
        let names = app.book?.store.records.compactMap { $0[.familyName]?.text }
        #expect(names == ["Каримова", "Сейітқали"])
        #expect(app.book?.store.records[1][.citizenship] == .codes(["KZ"]))
    }

    @Test func aFileWithAProblemIsShownByRowAndColumnInRussianAndNothingIsImported() throws {
        let app = try AppHarness.signedIn(language: .ru)
        try Self.write(Self.people.replacingOccurrences(of: "жен", with: "robot"), "bad.csv", in: app)
        let before = try Data(contentsOf: app.directory.appendingPathComponent("events.log"))
        Self.openImport(app, file: "bad.csv")
        #expect(app.top is ImportScreen)
        #expect(app.shows("familyName → Фамилия"))
        #expect(app.shows("1 ошибка — импортировать нельзя."))
        #expect(app.shows("строка 3, столбец gender, значение «robot»"))
        #expect(!app.shows("F2"))
        app.press(.function(2))
        #expect(app.book?.store.records.isEmpty == true)
        #expect(try Data(contentsOf: app.directory.appendingPathComponent("events.log")) == before)
        app.press(.escape)
        #expect(app.top is ReportsScreen)
    }

    @Test func anUnreadableFileSaysWhyInRussian() throws {
        let app = try AppHarness.signedIn(language: .ru)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
            .write(to: app.directory.appendingPathComponent("locked.xlsx"))
        Self.openImport(app, file: "locked.xlsx")
        #expect(!(app.top is ImportScreen))
        #expect(app.shows("Этот файл нельзя импортировать:"))
    }
}
