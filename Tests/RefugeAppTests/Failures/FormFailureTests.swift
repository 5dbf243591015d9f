import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// Failures while a form is being typed: a crash, bad input, a terminal made too small. Nothing
/// typed is ever lost, and a form with an error is never saved.
@Suite("Form failures")
struct FormFailureTests {
    /// "Zoë" with the diaeresis as a combining mark (U+0308), not precomposed.
    static let combining = "Zoe\u{308}"

    @Test func afterACrashTheDraftHoldsEveryFieldOfTwoPages() throws {
        let fixture = try CaseFileFixture(language: .ru)
        let app = try #require(fixture.app)
        app.press(.character("т"))
        app.type("Ахмедова")
        app.press(.tab)
        app.type("Гульнара")
        app.press(.tab)
        app.type("ж")
        app.press(.tab)
        app.type("01.05.2000")
        let form = try #require(app.top as? FormScreen)
        form.focus(try #require(form.editor("alias")))
        app.type(Self.combining)
        app.press(.function(8), .function(8), .function(8), .function(8))  // the referral page
        form.focus(try #require(form.editor("riskNotes")))
        app.type("Не звонить брату: он знает вербовщика.")
        app.pause()

        let second = fixture.crash(language: .ru)
        let draft = try #require(try CaseBook.open(at: fixture.directory, user: "anna", passphrase: AppHarness.passphrase,
                                                   mode: .readOnly).draft().flatMap(Draft.init(decoding:)))
        #expect(draft.target == .intake)
        #expect(draft.values["familyName"] == .text("Ахмедова"))
        #expect(draft.values["givenName"] == .text("Гульнара"))
        #expect(draft.values["gender"] == .choice("female"))
        #expect(draft.values["birthDate"] == .date(CalendarDate(year: 2000, month: 5, day: 1)!))
        #expect(draft.values["alias"].map { if case .text(let text) = $0 { text.unicodeScalars.elementsEqual(Self.combining.unicodeScalars) } else { false } } == true)
        #expect(draft.values["riskNotes"] == .text("Не звонить брату: он знает вербовщика."))

        second.signIn()
        second.press(.enter)  // continue the draft
        let resumed = try #require(second.top as? FormScreen)
        #expect(second.shows("Ахмедова"))
        #expect(resumed.form.values["alias"] == .text(Self.combining))
        #expect(resumed.form.values["riskNotes"] == draft.values["riskNotes"])
    }

    /// Each bad value gets a message next to the field and on the top line; the form is not
    /// saved, and everything typed stays.
    @Test(arguments: [
        (field: "birthDate", text: "31.02.2026", en: "31.02.2026", ru: "31.02.2026"),
        (field: "birthDate", text: "01.01.2030", en: "01.01.2030", ru: "01.01.2030"),
        (field: "ageAtIntake", text: "111", en: "110", ru: "110"),
    ])
    func aBadValueIsExplainedAndNothingIsSaved(field: String, text: String, en: String, ru: String) throws {
        for language in [Language.en, .ru] {
            let fixture = try CaseFileFixture(language: language)
            let app = try #require(fixture.app)
            let form = try startIntake(app, language: language)
            form.focus(try #require(form.editor(field)))
            app.type(text)
            app.press(.tab)  // the message appears as the field is left
            let label = try #require(form.form.description.pages[0].fields.first { $0.key == field }).label
            #expect(app.shows(label + ":"), "\(language) \(field)")
            #expect(app.shows(language == .ru ? ru : en))
            #expect(form.form.errors[field] != nil, "\(language) \(text)")
            app.press(.function(2))
            #expect(app.top === form)
            #expect(app.book?.store.records.isEmpty == true)
            #expect(app.shows(text))
            #expect(form.form.values["familyName"] == .text("Ахмедова"))
        }
    }

    @Test(arguments: [Language.en, .ru])
    func overLongTextIsExplainedAndKeptAndPastedControlCharactersAreSaidWhenRemoved(language: Language) throws {
        let fixture = try CaseFileFixture(language: language)
        let app = try #require(fixture.app)
        let form = try startIntake(app, language: language)
        let long = String(repeating: "Абдуллаева-", count: 12)  // 132 graphemes, the field takes 100
        form.focus(try #require(form.editor("alias")))
        app.terminal.enqueue(.paste(long))
        app.run()
        #expect(form.form.values["alias"] == .text(long), "everything pasted is kept")
        app.press(.tab)
        #expect(form.form.errors["alias"] != nil)
        app.press(.function(2))
        #expect(app.top === form)
        #expect(app.book?.store.records.isEmpty == true)

        // A paste's escape sequences go whole at once (issue 12); other control characters are
        // kept in the form (nothing is lost while typing); saving removes them, as every import
        // does, and the confirmation says so.
        form.focus(try #require(form.editor("alias")))
        form.editor("alias")?.value = .none
        app.terminal.enqueue(.paste("Гуля\u{1B}[31m\u{07}"))
        app.run()
        #expect(form.form.values["alias"] == .text("Гуля\u{07}"))
        app.press(.tab)
        #expect(form.form.errors["alias"] == nil)
        app.press(.function(2))
        #expect(app.dialogText.contains(language == .ru ? "Невидимые управляющие символы удалены."
                                                          : "Invisible control characters were removed."), "\(app.screen)")
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        #expect(app.book?.store.records.first?[.alias] == .text("Гуля"))
    }

    @Test func aTerminalTooSmallShowsTheMessageAndTheHalfTypedIntakeComesBack() throws {
        let fixture = try CaseFileFixture(size: Size(width: 80, height: 24))
        let app = try #require(fixture.app)
        let form = try startIntake(app, language: .en)
        app.type("Mirzo")  // in the given name field
        #expect(app.shows("Mirzo"))
        app.terminal.resize(to: Size(width: 30, height: 8))
        app.run()
        #expect(app.shows("Terminal too small"))
        #expect(!app.shows("Ахмедова"))
        app.type("ev")  // keys while too small change nothing that is lost
        app.terminal.resize(to: Size(width: 80, height: 24))
        app.run()
        #expect(app.top === form)
        #expect(app.shows("Ахмедова"))
        #expect(form.form.values["familyName"] == .text("Ахмедова"))
        #expect(form.form.values["givenName"].map { if case .text(let text) = $0 { text.hasPrefix("Mirzo") } else { false } } == true)
        #expect(app.book?.store.records.isEmpty == true)
    }

    /// Opens a new intake with a family name and a gender, so that the form would save but for the
    /// bad value each test adds; the focus is on the given name.
    private func startIntake(_ app: AppHarness, language: Language) throws -> FormScreen {
        app.press(.function(5))
        app.type("Ахмедова")
        app.press(.tab, .tab)
        app.type(language == .ru ? "ж" : "f")
        app.press(.backTab)
        return try #require(app.top as? FormScreen)
    }
}
