import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// The case file's note, service, referral and status forms, declared as data in
/// `CaseActionSchemas` and read back by key (issue 18).
@Suite("Case action forms")
struct CaseActionFormsTests {
    @Test func theConvertersReadEachAnswerByItsKeyAndNameTheOneMissing() throws {
        let date = CalendarDate(year: 2026, month: 3, day: 8)!
        #expect(throws: MissingAnswer(key: .serviceKind)) { try CaseActionSchemas.service(from: [.actionDate: .date(date)]) }
        #expect(throws: MissingAnswer(key: .serviceKind)) {
            try CaseActionSchemas.service(from: [.serviceKind: .code("retired-service"), .actionDate: .date(date)])
        }
        let service = try CaseActionSchemas.service(from: [.serviceKind: .code("legal"), .actionDate: .date(date), .actionNote: .text("court")])
        #expect(service == ServiceEntry(kind: .legal, date: date, note: "court"))
        #expect(throws: MissingAnswer(key: .earlierCase)) { try CaseActionSchemas.statusChange(from: [.newStatus: .code("duplicate")]) }
        #expect(try CaseActionSchemas.statusChange(from: [.newStatus: .code("closed"), .actionReason: .text("home")]) == .status(.closed, reason: "home"))
    }

    @Test func theReasonAppliesUnlessDuplicateIsChosen() {
        let schema = CaseActionSchemas.status(offeringDuplicate: true)
        let reason = schema.sections[0].fields.first { $0.key == .actionReason }!
        let earlier = schema.sections[0].fields.first { $0.key == .earlierCase }!
        #expect(reason.relevance.isSatisfied(by: [.newStatus: .code("closed")]))
        #expect(!reason.relevance.isSatisfied(by: [.newStatus: .code("duplicate")]))
        #expect(earlier.relevance.isSatisfied(by: [.newStatus: .code("duplicate")]))
        #expect(!CaseActionSchemas.status(offeringDuplicate: false).sections[0].fields[0].codeList!.codes.contains { $0.code == "duplicate" })
    }

    /// The bug issue 18 named, at the application's level: a save that needs an answer the form's
    /// rules let through empty must keep the form open with the message at that field — never
    /// return as if saved, closing the form and losing what was typed.
    @Test func aSchemaFormWhoseSaveFindsNoAnswerStaysOpenWithTheMessageAtTheField() throws {
        let app = try AppHarness.signedIn(language: .en, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let lenient = IntakeSchema(sections: [Section(id: "note", title: LocalizedText("caseFile.note"), fields: [
            Field(.actionNote, .text, label: LocalizedText("caseFile.note")),
            Field(.noteText, .longText, label: LocalizedText("caseFile.note")),  // not required here
        ])])
        var saved = 0
        let screen = app.session.schemaForm(lenient, title: "Note") { _, answers in
            _ = try CaseActionSchemas.note(from: answers)
            saved += 1
        }
        app.session.app.push(screen)
        app.type("typed")
        app.press(.function(2))
        #expect(saved == 0)
        #expect(app.top === screen, "the form stays open")
        #expect(screen.form.value(FieldKey.actionNote.rawValue) == .text("typed"), "nothing typed is lost")
        #expect(screen.form.errors[FieldKey.noteText.rawValue] == "Required")
        #expect(screen.focused === screen.editor(FieldKey.noteText.rawValue))
    }

    /// Issue 18: an edit's save takes the fields its form showed; it does not look its section up
    /// again by id and return as if saved when the id is not today's (a section renamed since).
    @Test func anEditWhoseSectionIdIsNotTodaysStillSavesWhatWasTyped() throws {
        let app = try AppHarness.signedIn(language: .en, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let book = try #require(app.book)
        let record = try #require(book.store.records.first)
        let today = app.session.forms.schema.sections[0]
        let renamed = Section(id: today.id + "-before", title: today.title, fields: today.fields)
        let screen = CaseFormController.edit(session: app.session, record: record, section: renamed)
        app.type("-Юсупова")
        app.press(.function(2))
        #expect(app.top !== screen, "saved and closed")
        #expect(book.store[record.id]?.values[.familyName] == .text("Ахмедова-Юсупова"))
    }

    @Test func aNoteIsSavedFromItsDeclaredFormAndItsTitleIsShownOnce() throws {
        let app = try AppHarness.signedIn(language: .en, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        app.press(.function(5))
        #expect(app.shows("Note — 2026-0001"))
        #expect(!app.terminal.rows.contains { $0.trimmingCharacters(in: .whitespaces) == "Note" }, "no page line repeats the title: \(app.screen)")
        app.type("Called the embassy")
        app.press(.function(2))
        #expect(app.top is CaseFileScreen)
        #expect(app.book?.store.records.first?.notes.map(\.text) == ["Called the embassy"])
    }
}
