import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// The support plan and assessment forms of the case file (issue 14), built from
/// `CaseworkSchemas` like the intake from its schema, in English and Russian.
@Suite("Case work forms")
struct CaseworkFormsTests {
    private func openCase(language: Language = .en) throws -> AppHarness {
        let app = try AppHarness.signedIn(language: language, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        return app
    }

    /// Picks entry `index` of the "Plan" menu.
    private func choose(_ app: AppHarness, _ index: Int) {
        app.press(.character("t"))
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
    }

    @Test func anObjectiveTypedIntoThePlanFormShowsOnThePlanTabAndInTheHistory() throws {
        let app = try openCase()
        choose(app, 0)
        #expect(app.shows("Support plan objective — 2026-0001"))
        app.type("d")  // Documents
        app.press(.tab)
        app.type("Restore the passport")
        app.press(.tab)
        app.type("y")
        app.press(.function(2))
        #expect(app.shows("Plan saved: case 2026-0001."))
        #expect(app.top is CaseFileScreen)
        for _ in 0..<5 { app.press(.function(8)) }  // the plan tab
        #expect(app.shows("SUPPORT PLAN, VERSION 1"))
        #expect(app.shows("• Documents: Restore the passport (Open, agreed with the person)"))
        let record = try #require(app.book?.store.records.first)
        #expect(record.plan.objectives.map(\.area) == ["documents"])
        #expect(try #require(app.book).history(of: record.id).contains {
            if case .objective(_, nil) = $0.change { $0.author == "anna" } else { false }
        })
    }

    @Test func anActionNeedsAnObjectiveAndThenFallsDueOnTheAgenda() throws {
        let app = try openCase()
        choose(app, 2)
        #expect(app.shows("The plan has no objectives yet: add one first."))
        let record = try #require(app.book?.store.records.first)
        try app.book?.record([.objectiveSet(caseID: record.id, objective: PlanObjective(
            id: ObjectiveID(high: 1, low: 1), area: "health", text: "Medical check", agreedWithPerson: true))])
        choose(app, 2)
        app.press(.enter)  // the only objective
        #expect(app.shows("Plan action — 2026-0001"))
        let form = try #require(app.top as? FormScreen)
        form.form.set(FieldKey.actionWhat.rawValue, .text("Book the gynaecologist"))
        form.form.set(FieldKey.plannedDate.rawValue, .date(CalendarDate(year: 2026, month: 3, day: 10)!))
        app.press(.function(2))
        let saved = try #require(app.book?.store.records.first)
        #expect(saved.plan.actions.map(\.what) == ["Book the gynaecologist"])
        #expect(saved.openFollowUps(settings: .standard).contains { $0.kind == .planAction && $0.owner == "anna" })
    }

    @Test func aHighRiskAssessmentRaisesTheFlagInRussian() throws {
        let app = try openCase(language: .ru)
        choose(app, 4)
        #expect(app.shows("Оценка рисков — 2026-0001"))
        #expect(app.shows("Личный риск"))
        #expect(app.shows("Непосредственная опасность"))
        let form = try #require(app.top as? FormScreen)
        for (key, value) in [(FieldKey.individualRisk, FormValue.choice("high")), (.individualReasons, .choices(["threats"])),
                             (.householdRisk, .choice("low")), (.communityRisk, .choice("medium")),
                             (.immediateDanger, .choice("no"))] {
            form.form.set(key.rawValue, value)
        }
        app.press(.function(2))
        #expect(app.shows("Оценка сохранена: дело 2026-0001."))
        #expect(app.shows("ВЫСОКИЙ РИСК"))
        for _ in 0..<6 { app.press(.function(8)) }  // the assessments tab
        #expect(app.shows("ПОСЛЕДНЯЯ ОЦЕНКА РИСКОВ"))
        #expect(app.shows("08.03.2026; личный Высокий (Угрозы); семья Низкий; община Средний"))
    }

    @Test func aRiskAssessmentWithoutItsRatingsIsNotSaved() throws {
        let app = try openCase()
        choose(app, 4)
        app.press(.function(2))
        #expect(app.top is FormScreen)
        #expect(app.book?.store.records.first?.riskAssessments.isEmpty == true)
    }

    @Test func aNeedsAssessmentRatesEveryAreaInEnglish() throws {
        let app = try openCase()
        choose(app, 5)
        #expect(app.shows("Needs assessment — 2026-0001"))
        #expect(app.shows("Return / reintegration"))
        let form = try #require(app.top as? FormScreen)
        form.form.set(FieldKey.need("health").rawValue, .choice("notMet"))
        form.form.set(FieldKey.need("housing").rawValue, .choice("met"))
        app.press(.function(2))
        let needs = try #require(app.book?.store.records.first?.latestNeedsAssessment)
        #expect(needs.status(of: "health") == .notMet && needs.status(of: "housing") == .met && needs.needs.count == 2)
    }

    @Test func aFollowUpMadeByHandGoesOnTheAgenda() throws {
        let app = try openCase()
        choose(app, 6)
        #expect(app.shows("Follow-up — 2026-0001"))
        app.type("Call the embassy")
        app.press(.function(2))
        #expect(app.shows("Follow-up saved: case 2026-0001."))
        let store = try #require(app.book?.store)
        let agenda = Agenda(cases: store.records, settings: .standard, today: AppHarness.today)
        #expect(agenda.upcoming.map(\.detail) == ["Call the embassy"])  // due in 7 days by default
    }

    @Test func closingACaseAsksWhatBecameOfItsOpenObjectives() throws {
        let app = try openCase()
        let record = try #require(app.book?.store.records.first)
        try app.book?.record([.objectiveSet(caseID: record.id, objective: PlanObjective(
            id: ObjectiveID(high: 1, low: 1), area: "housing", text: "A room", agreedWithPerson: true))])
        app.press(.character("c"))
        app.press(.right, .right)  // Active → Follow-up → Closed
        app.press(.tab)
        app.type("Returned home")
        app.press(.function(2))
        #expect(app.shows("What became of the open objectives (1)?"))
        app.press(.enter)  // Achieved
        let objective = try #require(app.book?.store.records.first?.plan.objectives.first)
        #expect(objective.status == .achieved && objective.actualEnd == AppHarness.today)
        #expect(app.book?.store.records.first?.status == .closed)
    }
}
