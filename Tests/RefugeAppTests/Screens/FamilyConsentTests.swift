import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// A child's own consent is given by a guardian (issue 15): the Consent page of a minor asks who,
/// registering a child of a mother or father fills that in, and a draft of a child's intake keeps
/// the link to the parent's case.
@Suite("A child's consent and guardian; a child's draft")
struct FamilyConsentTests {
    private static let childBirth = CalendarDate(year: 2019, month: 9, day: 1)!

    private func key(_ latin: Character, _ language: Language) -> Key {
        let russian: [Character: Character] = ["f": "а", "n": "т"]
        return .character(language == .ru ? russian[latin]! : latin)
    }

    @Test(arguments: [(Language.en, "Page 2/5 · Consent", "Guardian who gave consent", "Relation to the child"),
                      (Language.ru, "Стр. 2/5 · Согласие", "Кто дал согласие за ребёнка", "Кем приходится ребёнку")])
    func theConsentPageOfAMinorAsksForTheGuardian(language: Language, page: String, name: String, relation: String) throws {
        let app = try AppHarness.signedIn(language: language, size: Size(width: 80, height: 24))
        app.press(key("n", language))
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        app.press(.function(8))
        #expect(app.shows(page), "\(app.screen)")
        #expect(!app.shows(name), "an adult's consent page asks for no guardian")

        app.press(.function(7))
        form.form.set(FieldKey.birthDate.rawValue, .date(Self.childBirth))
        form.editor(FieldKey.birthDate.rawValue)?.value = .date(Self.childBirth)
        app.press(.function(8))
        #expect(app.shows(page), "\(app.screen)")
        #expect(app.shows(name), "\(app.screen)")
        #expect(app.shows(relation), "\(app.screen)")

        // An estimated age under 18 counts too.
        form.form.set(FieldKey.birthDate.rawValue, .none)
        form.form.set(FieldKey.ageAtIntake.rawValue, .number(12))
        app.press(.function(7), .function(8))
        #expect(app.shows(name), "\(app.screen)")
        form.form.set(FieldKey.ageAtIntake.rawValue, .number(30))
        app.press(.function(7), .function(8))
        #expect(!app.shows(name), "\(app.screen)")
    }

    @Test func theGuardianFieldsAreDeclaredInTheSchemaAndApplyOnlyToAMinor() throws {
        let consent = try #require(IntakeSchema.standard.sections.first { $0.id == "consent" })
        let name = try #require(consent.fields.first { $0.key == .guardianName })
        let relation = try #require(consent.fields.first { $0.key == .guardianRelation })
        #expect(name.relevance == .minorAtIntake && relation.relevance == .minorAtIntake)
        #expect(relation.codeList?.codes.map(\.code) == ["mother", "father", "otherRelative", "legalGuardian", "stateBody"])
        let intake = CalendarDate(year: 2026, month: 3, day: 1)!
        #expect(Relevance.minorAtIntake.isSatisfied(by: [.birthDate: .date(Self.childBirth), .intakeDate: .date(intake)]))
        #expect(!Relevance.minorAtIntake.isSatisfied(by: [.birthDate: .date(CalendarDate(year: 2000, month: 1, day: 1)!),
                                                          .intakeDate: .date(intake)]))
        #expect(Relevance.minorAtIntake.isSatisfied(by: [.birthDate: .date(Self.childBirth)], intakeDateOr: intake))
        #expect(Relevance.minorAtIntake.isSatisfied(by: [.ageAtIntake: .number(9)]))
        #expect(!Relevance.minorAtIntake.isSatisfied(by: [:]), "an unknown age is no minor's")
    }

    /// The referral form of a child who consented without a guardian recorded asks for the
    /// coordinator's reason, as for a person who did not consent; with the guardian it does not.
    @Test(arguments: [(Language.en, "Reason to send without consent"), (Language.ru, "Причина отправки без согласия")])
    func aChildsReferralWithoutTheGuardianAsksForTheCoordinatorsReason(language: Language, reason: String) throws {
        var child = AppHarness.person("Каримова", "Мадина")
        child[.birthDate] = .date(Self.childBirth)
        child[.consentToShareWithPartners] = .code("yes")
        var withGuardian = child
        withGuardian[.givenName] = .text("Зарина")
        withGuardian[.guardianName] = .text("Каримова Дильноза")
        withGuardian[.guardianRelation] = .code("mother")
        let app = try AppHarness.signedIn(language: language, size: Size(width: 80, height: 24), cases: [child, withGuardian])
        try app.book?.addPartner(PartnerDetails(name: "Lawyers", kind: .legal))
        for row in 0..<2 {
            app.press(.home)
            for _ in 0..<row { app.press(.down) }
            app.press(.enter)
            #expect(app.shows(language == .en ? "MINOR" : "НЕСОВЕРШЕННОЛЕТНИЙ"), "\(app.screen)")
            let guardianRecorded = app.shows("Зарина")
            app.press(.control("p"))
            #expect(app.top is FormScreen, "\(app.screen)")
            #expect(app.shows(reason) == !guardianRecorded, "\(app.screen)")
            app.press(.escape)
            if !(app.top is CaseFileScreen) { app.press(.character(language == .en ? "y" : "д")) }  // discard the form
            app.press(.escape)  // back to the list
        }
    }

    @Test(arguments: [("female", "mother"), ("male", "father")])
    func registeringAChildOfAMotherOrFatherNamesThemAsGuardian(gender: String, relation: String) throws {
        var parent = AppHarness.person("Каримова", "Дильноза", gender: gender)
        parent[.patronymic] = .text("Рустамовна")
        let app = try AppHarness.signedIn(language: .ru, cases: [parent])
        app.press(.enter)
        app.press(key("f", .ru))
        app.press(.enter)  // register a child
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(form.form.value(FieldKey.guardianName.rawValue) == .text("Каримова Дильноза Рустамовна"))
        #expect(form.form.value(FieldKey.guardianRelation.rawValue) == .choice(relation))
        form.form.set(FieldKey.givenName.rawValue, .text("Мадина"))
        form.form.set(FieldKey.gender.rawValue, .choice("female"))
        form.form.set(FieldKey.birthDate.rawValue, .date(Self.childBirth))
        app.press(.function(2))
        let child = try #require(app.book?.store.records.last)
        #expect(child[.guardianName] == .text("Каримова Дильноза Рустамовна"))
        #expect(child[.guardianRelation] == .code(relation))
    }

    @Test func aRelativeWhoIsNoParentIsNotNamedGuardian() throws {
        let app = try AppHarness.signedIn(language: .en, cases: [AppHarness.person("Каримова", "Дильноза", gender: "unknown")])
        app.press(.enter)
        app.press(.character("f"))
        app.press(.enter)  // register a child of a parent whose gender is unknown
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(form.form.value(FieldKey.guardianRelation.rawValue) == .none)
    }

    /// Issue 15: "register child of this case", type a little, leave (the draft is kept), come back
    /// and continue the draft, save: the child's case is linked to the parent's as when typed in one go.
    @Test(arguments: [Language.en, .ru])
    func aChildsIntakeResumedFromADraftIsStillLinkedToTheParent(language: Language) throws {
        let first = try AppHarness.signedIn(language: language, cases: [AppHarness.person("Каримова", "Дильноза")])
        first.press(.enter)
        first.press(key("f", language))
        first.press(.enter)  // register a child
        #expect(first.top is FormScreen, "\(first.screen)")
        first.press(.tab)  // the given name, after the family name filled in
        first.type("Мадина")
        first.pause()
        let draft = try #require(try first.book?.draft().flatMap(Draft.init(decoding:)))
        #expect(draft.values[FieldKey.givenName.rawValue] == .text("Мадина"))
        first.book?.close()  // the process dies: nothing else runs

        let second = AppHarness(language: language, directory: first.directory)
        second.signIn()
        second.press(.enter)  // yes, continue the draft
        let form = try #require(second.top as? FormScreen, "\(second.screen)")
        #expect(second.shows(language == .en ? "Child of 2026-0001" : "Ребёнок — к делу 2026-0001"),
                "the title still names the parent's case: \(second.screen)")
        form.form.set(FieldKey.gender.rawValue, .choice("female"))
        second.press(.function(2))
        let book = try #require(second.book)
        #expect(book.store.caseCount == 2, "\(second.screen)")
        let (parent, child) = (book.store.records[0], book.store.records[1])
        #expect(child.displayName == "Каримова Мадина")
        #expect(parent.relatives == [FamilyLink(relative: child.id, relation: .child)])
        #expect(child.relatives == [FamilyLink(relative: parent.id, relation: .parent)])
    }

    /// The same after the screen lock, which drops the form and brings it back from the draft.
    @Test func aChildsIntakeKeepsItsLinkThroughTheLock() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Каримова", "Дильноза")])
        app.press(.enter)
        app.press(.character("f"))
        app.press(.enter)
        app.press(.tab)
        app.type("Madina")
        app.press(.function(12))
        app.type(AppHarness.passphrase)
        app.press(.enter)
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        form.form.set(FieldKey.gender.rawValue, .choice("female"))
        app.press(.function(2))
        let book = try #require(app.book)
        let child = try #require(book.store.records.last)
        #expect(child.relatives == [FamilyLink(relative: book.store.records[0].id, relation: .parent)])
    }

    @Test func aDraftCarriesTheParentLink() {
        let parent = CaseID.random()
        let draft = Draft(target: .relative(of: parent, as: .child), values: ["givenName": .text("Мадина")])
        #expect(Draft(decoding: draft.encoded()) == draft)
    }
}
