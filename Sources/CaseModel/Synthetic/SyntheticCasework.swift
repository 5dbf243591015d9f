/// Case work for a training case file, relative to the day it is made: the cases still open get
/// recent assessments (some high risk), the long-past derived follow-ups of the invented years are
/// closed, and a dozen cases get support plans and follow-ups, some overdue and some due this
/// week, so that a new caseworker sees a full agenda. Deterministic for a seed and a day.
public struct SyntheticCasework: Sendable {
    public let seed: UInt64
    public let today: CalendarDate
    /// Who the hand-made follow-ups of the demo belong to besides each case's caseworker: the
    /// demo's signed-in user, so that their agenda is not empty.
    public let user: String

    public init(seed: UInt64, today: CalendarDate, user: String) {
        self.seed = seed
        self.today = today
        self.user = user
    }

    /// The event bodies to record after the caseload, in order.
    public func bodies(for records: some Sequence<CaseRecord>, settings: CaseworkSettings = .standard) -> [EventBody] {
        var random = SeededGenerator(seed: seed ^ 0xCA5E_3011)
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
        var bodies: [EventBody] = []
        let open = records.filter { !$0.status.isClosed }
        for (index, record) in open.enumerated() {
            let id = record.id
            // The invented years left every derived follow-up long overdue: a real shelter would
            // have dealt with them.
            for followUp in record.openFollowUps(settings: settings) where followUp.due < day(-45) {
                bodies.append(.followUpResolved(caseID: id, ref: followUp.ref, resolution: .done(note: "")))
            }
            let assessed = day(-int(12...40))  // due again between 18 days ago and 10 days ahead
            let high = index % 5 == 0
            bodies.append(.riskAssessed(caseID: id, assessment: RiskAssessment(
                date: assessed,
                individual: RiskRating(high ? .high : .low, reasons: high ? ["traffickerContact", "threats"] : []),
                household: RiskRating(index % 3 == 0 ? .medium : .low, reasons: index % 3 == 0 ? ["debt"] : []),
                community: RiskRating(.low), immediateDanger: index % 17 == 0)))
            bodies.append(.needsAssessed(caseID: id, assessment: NeedsAssessment(date: assessed, needs: [
                .init(area: "health", status: index % 2 == 0 ? .partly : .met),
                .init(area: "documents", status: index % 3 == 0 ? .notMet : .partly),
                .init(area: "housing", status: .met),
            ])))
            guard index < 12 else { continue }
            bodies += plan(for: record, index: index, random: &random)
        }
        return bodies
    }

    private func plan(for record: CaseRecord, index: Int, random: inout SeededGenerator) -> [EventBody] {
        func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
        let id = record.id
        let objectives: [(area: String, text: String, action: String, responsible: String)] = [
            ("documents", "Восстановить паспорт", "Запрос в консульство", "Посольство"),
            ("health", "Пройти полное медобследование", "Запись к гинекологу", record.owner),
            ("legal", "Показания по уголовному делу", "Встреча с адвокатом", "Юридическая клиника"),
            ("reintegration", "Возвращение домой", "Связаться с МОМ о билете", "МОМ"),
        ]
        let chosen = objectives[index % objectives.count]
        let objective = ObjectiveID.random(using: &random)
        let action = ActionID.random(using: &random)
        // Half of the actions are overdue by a few days, half fall due in the coming week.
        let actionDue = index % 2 == 0 ? day(-(index % 4 + 1)) : day(index % 6 + 1)
        var bodies: [EventBody] = [
            .objectiveSet(caseID: id, objective: PlanObjective(
                id: objective, area: chosen.area, text: chosen.text, agreedWithPerson: index % 4 != 3,
                plannedEnd: day(60))),
            .actionSet(caseID: id, action: PlanAction(
                id: action, objective: objective, what: chosen.action, responsible: chosen.responsible, plannedDate: actionDue)),
        ]
        if index % 3 == 0 {
            bodies.append(.followUpAdded(caseID: id, followUp: FollowUpEntry(
                id: .random(using: &random), title: "Позвонить и узнать, как дела", due: index % 2 == 0 ? day(0) : day(-2),
                owner: user)))
        }
        if index % 4 == 1 {
            bodies.append(.followUpAdded(caseID: id, followUp: FollowUpEntry(
                id: .random(using: &random), title: "Суд: сопроводить на заседание", due: day(index % 5 + 2), owner: record.owner)))
        }
        return bodies
    }
}
