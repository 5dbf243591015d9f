import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

@Suite("Intake")
struct IntakeScreenTests {
    @Test func quickRegistrationInCyrillicIsThreeFieldsAndF2() throws {
        let app = try AppHarness.signedIn(language: .ru)
        app.press(.character("т"))  // n on the Russian layout
        #expect(app.shows("Новая анкета"))
        #expect(app.shows("Стр. 1/5 · Личные данные"))
        app.type("Ахмедова")
        app.press(.tab)
        app.type("Гульнара")
        app.press(.tab)
        app.type("ж")
        #expect(app.shows("Женский"))
        app.press(.function(2))
        #expect(app.top is CaseFileScreen)
        #expect(app.shows("2026-0001  Ахмедова Гульнара"))
        #expect(app.shows("Сохранено: дело 2026-0001."))
        let record = try #require(app.book?.store.records.first)
        #expect(record[.familyName] == .text("Ахмедова"))
        #expect(record[.gender] == .code("female"))
        #expect(try app.book?.draft() == nil)
        app.press(.escape)
        #expect(app.shows("Ахмедова Гульнара"))
    }

    @Test func aMissingRequiredFieldIsShownAndNothingTypedIsLost() throws {
        let app = try AppHarness.signedIn(language: .ru)
        app.press(.insert)
        app.type("Ахмедова")
        app.press(.control("s"))
        #expect(app.shows("Пол: Обязательное поле"))
        #expect(app.shows("Ахмедова"))
        #expect(app.book?.store.records.isEmpty == true)
        app.press(.character("ж"))
        app.press(.function(2))
        #expect(app.book?.store.records.count == 1)
    }

    @Test func aNameIsNeededForAFirstSaveInEnglish() throws {
        let app = try AppHarness.signedIn()
        app.press(.character("n"))
        app.press(.tab, .tab)
        app.type("f")
        app.press(.function(2))
        #expect(app.shows("Give a family name, a given name or an alias."))
        #expect(app.top is FormScreen)
    }

    @Test func escapeAsksBeforeDiscardingWhatWasTyped() throws {
        let app = try AppHarness.signedIn()
        app.press(.character("n"))
        app.type("Karimova")
        app.press(.escape)
        #expect(app.shows("Discard the changes?"))
        app.type("n")
        #expect(app.shows("Karimova"))
        app.press(.escape)
        app.type("y")
        #expect(app.top is CaseListScreen)
        #expect(try app.book?.draft() == nil)
    }

    @Test func earlierCasesOfTheSamePersonAreOfferedBeforeTheFirstSave() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.typeQuickRegistration("Akhmedova", "Gulnara")
        app.press(.function(2))
        #expect(app.shows("Possible earlier cases"))
        #expect(app.shows("Ахмедова Гульнара"))
        app.press(.enter)  // open the earlier case instead
        #expect(app.top is CaseFileScreen)
        #expect(app.shows("2026-0001  Ахмедова Гульнара"))
        #expect(app.book?.store.records.count == 1)
    }

    @Test func saveAnywayMakesANewCase() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.typeQuickRegistration("Akhmedova", "Gulnara")
        app.press(.function(2))
        app.press(.function(2))
        #expect(app.book?.store.records.count == 2)
        #expect(app.shows("2026-0002  Akhmedova Gulnara"))
    }

    @Test func theDraftIsKeptEncryptedAndResumedAfterACrash() throws {
        let first = try AppHarness.signedIn(language: .ru)
        first.press(.character("n"))
        first.type("Юсупова")
        first.press(.tab)
        first.type("Мадина")
        first.pause()
        #expect(try first.book?.draft() != nil)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: first.directory.path)
            .compactMap { FileManager.default.contents(atPath: first.directory.appendingPathComponent($0).path) }
        #expect(!onDisk.contains { String(decoding: $0, as: UTF8.self).contains("Мадина") })
        first.book?.close()  // the process dies: nothing else runs

        let second = AppHarness(language: .ru, directory: first.directory)
        second.signIn()
        #expect(second.shows("Несохранённая анкета"))
        second.press(.enter)  // yes, continue
        #expect(second.shows("Юсупова"))
        #expect(second.shows("Мадина"))
        second.press(.escape)
        #expect(second.shows("Отменить изменения?"))  // a resumed draft counts as unsaved
        second.type("н")
        second.press(.tab, .tab)
        second.type("ж")
        second.press(.function(2))
        #expect(second.book?.store.records.first?.displayName == "Юсупова Мадина")
        #expect(try second.book?.draft() == nil)
    }

    @Test func aDraftSurvivesTheLockAndReturnsWithTheForm() throws {
        let app = try AppHarness.signedIn()
        app.press(.character("n"))
        app.type("Nazarova")
        app.press(.function(12))
        #expect(!app.shows("Nazarova"))
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(app.top is FormScreen)
        #expect(app.shows("Nazarova"))
    }

    /// A form other than the intake (a plan, an assessment) is declared as a schema section: the
    /// same builder gives it editors, labels, relevance and CaseModel's rules, and its answers come
    /// back as CaseModel stores them, cleaned by its own fields.
    @Test func aFormDeclaredAsSchemaDataGetsItsScreenAndItsAnswers() {
        // Labels are catalog keys; these are in no catalog, so each reads as itself.
        let goal = Field("goal", .text, label: LocalizedText("Goal"), requiredForSave: true)
        let review = Field("review", .date, label: LocalizedText("Review on"),
                           relevance: .answered("goal"), rules: [.notInFuture])
        let plan = Section(id: "plan", title: LocalizedText("Plan"), fields: [goal, review])
        let builder = IntakeFormBuilder(language: .en, today: { AppHarness.today })  // the fields' checks hold it unowned
        defer { withExtendedLifetime(builder) {} }
        let description = builder.description(title: "Plan", sections: [plan])
        #expect(description.pages.map(\.title) == ["Plan"])
        #expect(description.pages[0].fields.map(\.label) == ["Goal", "Review on"])
        #expect(description.pages[0].fields.map(\.isRequired) == [true, false])
        #expect(description.pages[0].fields[1].relevance == .answered("goal"))
        let later = CalendarDate(year: 2027, month: 1, day: 1)!
        #expect(description.pages[0].fields[1].validate?(.date(later), [:]) != nil)
        let day = CalendarDate(year: 2026, month: 3, day: 1)!
        let form = Form(description, values: ["goal": .text(" Найти\tработу\u{7} "), "review": .date(day)])
        #expect(FormValueMapping.answers(of: form, declaredIn: [plan]) == ["goal": .text("Найти работу"), "review": .date(day)])
        let withoutGoal = Form(description, values: ["review": .date(day)])
        #expect(FormValueMapping.answers(of: withoutGoal, declaredIn: [plan]).isEmpty)  // no goal: the review does not apply
    }

    @Test func theFormIsBuiltFromTheSchemaWithRelevance() {
        let builder = IntakeFormBuilder(language: .ru, today: { AppHarness.today })
        let description = builder.description(title: "t", sections: IntakeSchema.standard.sections)
        #expect(description.pages.count == IntakeSchema.standard.sections.count)
        #expect(description.pages[0].fields.prefix(3).map(\.key) == ["familyName", "givenName", "gender"])
        let age = description.pages[0].fields.first { $0.key == "ageAtIntake" }!
        #expect(age.relevance == .unanswered("birthDate"))  // the schema's condition, as declared
        #expect(age.relevance.holds(in: [:]) == true)
        #expect(age.relevance.holds(in: ["birthDate": .date(CalendarDate(year: 2000, month: 1, day: 1)!)]) == false)
        let birth = description.pages[0].fields.first { $0.key == "birthDate" }!
        #expect(birth.validate?(.date(CalendarDate(year: 2030, month: 1, day: 1)!), [:]) == "Дата 01.01.2030 ещё не наступила.")
    }

    /// A draft of an edit whose page a newer version renamed or split: what was typed comes back
    /// on the page that now holds those fields, instead of being thrown away unseen.
    @Test func anEditDraftWhosePageIsGoneComesBackOnThePageOfItsFields() throws {
        let first = try AppHarness.signedIn(cases: [AppHarness.person("Каримова", "Дильноза")])
        let book = try #require(first.book)
        let id = try #require(book.store.records.first?.id)
        try book.saveDraft(Draft(target: .edit(id, section: "a-page-no-longer-there"),
                                 values: ["alias": .text("Дилька")]).encoded())
        book.close()  // the process dies with the draft on disk

        let second = AppHarness(directory: first.directory)
        second.signIn()
        second.press(.enter)  // yes, continue the draft
        let form = try #require(second.top as? FormScreen, "\(second.screen)")
        #expect(form.form.value("alias") == .text("Дилька"), "\(second.screen)")
    }

    @Test func draftsEncodeEveryKindOfValue() {
        let values: FormValues = ["a": .text("Жанар"), "b": .date(CalendarDate(year: 2026, month: 3, day: 8)!), "c": .number(4),
                                  "d": .choice("female"), "e": .choices(["UZ", "KZ"])]
        let draft = Draft(target: .edit(.random(), section: "identity"), values: values)
        #expect(Draft(decoding: draft.encoded()) == draft)
    }
}
