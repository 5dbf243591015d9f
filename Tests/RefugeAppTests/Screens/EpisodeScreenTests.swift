import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// The case file's exploitation episodes, family links, legal proceedings and referral status
/// (issue 15), in English and Russian: each a key of the case file and a form declared as data.
@Suite("Episodes, family, legal proceedings and referral status on the case file")
struct EpisodeScreenTests {
    /// A key of the case file as typed on the language's keyboard layout.
    private func key(_ latin: Character, _ language: Language) -> Key {
        let russian: [Character: Character] = ["x": "ч", "j": "о", "f": "а", "o": "щ"]
        return .character(language == .ru ? russian[latin]! : latin)
    }

    private func openCase(_ language: Language, values: [FieldKey: FieldValue] = AppHarness.person("Каримова", "Дильноза"))
        throws -> AppHarness {
        let app = try AppHarness.signedIn(language: language, cases: [values])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        return app
    }

    /// Turns the case file's tabs (F8) to `part`.
    private func show(_ part: CaseFileScreen.Part, _ app: AppHarness) throws {
        let screen = try #require(app.top as? CaseFileScreen, "\(app.screen)")
        for _ in 0..<10 where screen.tabs.selected != part.rawValue { app.press(.function(8)) }
    }

    @Test(arguments: [(Language.en, "Episode 2 — 2026-0001", "Episode saved in case 2026-0001.", "EPISODE 2", "Forced labour"),
                      (Language.ru, "Эпизод 2 — 2026-0001", "Эпизод сохранён в деле 2026-0001.", "ЭПИЗОД 2",
                       "Принудительный труд")])
    func aSecondEpisodeIsAddedFromTheCaseFile(language: Language, title: String, saved: String, heading: String,
                                              type: String) throws {
        let app = try openCase(language)
        app.press(key("x", language))
        #expect(app.top is ChooseDialog, "\(app.screen)")
        app.press(.down, .enter)  // after the intake's episode: a new one
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(app.shows(title), "\(app.screen)")
        form.form.set(FieldKey.exploitationTypes.rawValue, .choices(["forcedLabour"]))
        form.form.set(FieldKey.episodeStart.rawValue, .date(CalendarDate(year: 2025, month: 5, day: 1)!))
        app.press(.function(2))
        #expect(app.shows(saved), "\(app.screen)")
        let record = try #require(app.book?.store.records.first)
        #expect(record.episodes.count == 2)
        #expect(record.episodes[1][.exploitationTypes] == .codes(["forcedLabour"]))
        #expect(record[.exploitationTypes] == nil, "the intake's answers are not touched")
        try show(.episodes, app)
        #expect(app.shows(heading), "\(app.screen)")
        #expect(app.shows(type), "\(app.screen)")
    }

    @Test func theFirstEpisodeIsTheIntakesSituationPage() throws {
        let app = try openCase(.en)
        app.press(.character("x"))
        app.press(.enter)
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(app.shows("Episode 1 — 2026-0001"))
        form.form.set(FieldKey.exploitationTypes.rawValue, .choices(["sexualExploitation"]))
        form.form.set(FieldKey.episodeEnding.rawValue, .choice(EpisodeEnding.escaped.rawValue))
        app.press(.function(2))
        let record = try #require(app.book?.store.records.first)
        #expect(record.episodes.count == 1)
        #expect(record[.exploitationTypes] == .codes(["sexualExploitation"]), "the situation page's answer")
        #expect(record[.episodeEnding] == .code("escaped"))
        try show(.episodes, app)
        #expect(app.shows("EPISODE 1  (the intake's situation page)"), "\(app.screen)")
        #expect(app.shows("How it ended: Escaped"), "\(app.screen)")
    }

    @Test(arguments: [(Language.en, "New case: Child of 2026-0001", "FAMILY", "Parent: 2026-0001", "Child: 2026-0002", "MINOR"),
                      (Language.ru, "Новое дело: Ребёнок — к делу 2026-0001", "СЕМЬЯ", "Родитель: 2026-0001",
                       "Ребёнок: 2026-0002", "НЕСОВЕРШЕННОЛЕТНИЙ")])
    func aChildIsRegisteredFromTheCaseFileWithWhatTheFamilyShares(language: Language, title: String, heading: String,
                                                                  parent: String, child: String, minor: String) throws {
        var mother = AppHarness.person("Каримова", "Дильноза")
        mother[.citizenship] = .codes(["UZ"])
        mother[.languages] = .codes(["uzb", "rus"])
        mother[.intakeDate] = .date(CalendarDate(year: 2026, month: 3, day: 2)!)
        let app = try openCase(language, values: mother)
        app.press(key("f", language))
        app.press(.enter)  // register a child
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(app.shows(title), "\(app.screen)")
        #expect(form.form.value(FieldKey.familyName.rawValue) == .text("Каримова"))
        #expect(form.form.value(FieldKey.citizenship.rawValue) == .choices(["UZ"]))
        form.form.set(FieldKey.givenName.rawValue, .text("Мадина"))
        form.form.set(FieldKey.gender.rawValue, .choice("female"))
        form.form.set(FieldKey.birthDate.rawValue, .date(CalendarDate(year: 2019, month: 9, day: 1)!))
        app.press(.function(2))
        let book = try #require(app.book)
        #expect(book.store.caseCount == 2, "\(app.screen)")
        let (first, second) = (book.store.records[0], book.store.records[1])
        #expect(second[.languages] == .codes(["uzb", "rus"]) && second[.intakeDate] == mother[.intakeDate])
        #expect(first.relatives == [FamilyLink(relative: second.id, relation: .child)])
        #expect(second.relatives == [FamilyLink(relative: first.id, relation: .parent)])
        #expect(second.flags.contains(.minorAtIntake))
        // The child's file is open: its family, and the MINOR flag.
        #expect(app.shows(heading) && app.shows(parent), "\(app.screen)")
        #expect(app.shows(minor), "\(app.screen)")
        app.press(.escape)
        app.press(.home, .enter)
        #expect(app.shows(child), "\(app.screen)")
    }

    @Test(arguments: [(Language.en, "Proceeding saved in case 2026-0001.", "Criminal · Almaly district court · Victim"),
                      (Language.ru, "Судебное дело сохранено в деле 2026-0001.", "Уголовное · Almaly district court · Потерпевший(ая)")])
    func aProceedingIsAddedFromTheCaseFile(language: Language, saved: String, line: String) throws {
        let app = try openCase(language)
        app.press(key("j", language))
        app.press(.enter)  // add a proceeding
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        form.form.set(FieldKey.proceedingKind.rawValue, .choice(ProceedingKind.criminal.rawValue))
        form.form.set(FieldKey.proceedingAuthority.rawValue, .text("Almaly district court"))
        app.press(.function(2))
        #expect(app.shows(saved), "\(app.screen)")
        try show(.legal, app)
        #expect(app.shows(line), "\(app.screen)")
        #expect(app.book?.store.records.first?.legal.proceedings.first?.role == .victim)
    }

    /// A hearing to come is a follow-up on its day; an outcome typed for it before that day is
    /// refused with a message that says when it can be recorded, and nothing changes.
    @Test(arguments: [(Language.en, "The hearing of 1 Apr 2026 has not happened yet"),
                      (Language.ru, "Заседание 01.04.2026 ещё не состоялось")])
    func anOutcomeForAHearingThatHasNotHappenedIsRefused(language: Language, message: String) throws {
        let app = try openCase(language)
        let book = try #require(app.book)
        let caseID = try #require(book.store.records.first?.id)
        let proceeding = LegalProceeding(id: ProceedingID(high: 1, low: 1), kind: .criminal, country: "KZ",
                                         authority: "Суд", role: .witness)
        try book.setProceeding(proceeding, of: caseID)
        let hearing = Hearing(id: HearingID(high: 2, low: 2), proceeding: proceeding.id,
                              date: CalendarDate(year: 2026, month: 4, day: 1)!)
        try book.setHearing(hearing, of: caseID)
        #expect(book.store[caseID]?.openFollowUps(settings: .standard).contains { $0.ref == .hearing(hearing.id) } == true)
        let events = book.store.eventCount

        app.press(key("j", language))
        app.press(.down, .down, .down, .enter)  // a hearing's outcome
        app.press(.enter)  // the only hearing
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        form.form.set(FieldKey.hearingOutcome.rawValue, .text("приговор"))
        app.press(.function(2))
        #expect(app.shows(message), "\(app.screen)")
        #expect(app.top === form, "the form stays open with what was typed")
        #expect(book.store.eventCount == events)
        #expect(book.store[caseID]?.legal.hearings == [hearing])
        #expect(throws: CaseBook.EpisodeRefusal.hearingNotYetHeld(hearing.date)) {
            try book.setHearing(Hearing(id: hearing.id, proceeding: proceeding.id, date: hearing.date, outcome: "x"), of: caseID)
        }
    }

    @Test(arguments: [(Language.en, "Referral to IOM Almaty — 2026-0001", "Referral to IOM Almaty: Accepted.",
                       "Referral to IOM Almaty: Completed.", "No referral of this case waits for an answer or an outcome."),
                      (Language.ru, "Направление в IOM Almaty — 2026-0001", "Направление в IOM Almaty: Принято.",
                       "Направление в IOM Almaty: Завершено.", "Ни одно направление этого дела не ждёт ответа или итога.")])
    func aReferralsStatusIsChangedFromTheCaseFile(language: Language, title: String, accepted: String, completed: String,
                                                  none: String) throws {
        let app = try openCase(language)
        let book = try #require(app.book)
        let caseID = try #require(book.store.records.first?.id)
        let partner = try book.addPartner(PartnerDetails(name: "IOM Almaty", kind: .ngo))
        try book.record([.referralSent(caseID: caseID, referral: PartnerReferral(
            partner: partner, partnerName: "IOM Almaty", reasons: [.repatriation], sharedParts: [.identity],
            date: CalendarDate(year: 2026, month: 3, day: 2)!, packet: .passphrase))])

        app.press(key("o", language))
        var form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(app.shows(title), "\(app.screen)")
        form.form.set(FieldKey.referralNewStatus.rawValue, .choice(ReferralStatus.accepted.rawValue))
        app.press(.function(2))
        #expect(app.shows(accepted), "\(app.screen)")
        #expect(book.store[caseID]?.partnerReferrals.first?.status == .accepted)

        app.press(key("o", language))
        form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(form.form.value(FieldKey.referralNewStatus.rawValue) == .choice(ReferralStatus.completed.rawValue),
                "the one status an accepted referral can move to")
        form.form.set(FieldKey.referralOutcome.rawValue, .text("returned home 5 March"))
        app.press(.function(2))
        #expect(app.shows(completed), "\(app.screen)")
        let referral = try #require(book.store[caseID]?.partnerReferrals.first)
        #expect(referral.status == .completed && referral.outcome == "returned home 5 March")

        app.press(key("o", language))
        #expect(app.shows(none), "\(app.screen)")
    }
}
