/// How the case work is going, for coordinators: open plan objectives by area, assessments made on
/// time, overdue follow-ups per caseworker. The same cases as the statistics (intake in the
/// period, not a marked duplicate, not refused) and the same small-cell rule, already applied.
public struct CaseworkReport: Sendable, Hashable {
    public let minCell: Int
    /// Open objectives by `planArea` code.
    public let openObjectivesByArea: [StatisticsCell]
    /// Assessments after the intake (a risk and a needs assessment on one day count once).
    public let assessments: Int?
    /// Of those, made at most `reassessmentDays` after the one before (or the intake).
    public let assessmentsOnTime: Int?
    /// Overdue follow-ups on `today` by owner.
    public let overdueByCaseworker: [StatisticsCell]

    public init<Cases: Sequence>(cases: Cases, settings: CaseworkSettings, today: CalendarDate,
                                 query: StatisticsQuery = StatisticsQuery()) where Cases.Element == CaseRecord {
        var areas: [String: Int] = [:], overdue: [String: Int] = [:]
        var assessments = 0, onTime = 0
        for record in cases where query.includes(record.intakeDate) && record.duplicateOf == nil
            && !record.flags.contains(.noStatisticsConsent) {
            for objective in record.plan.openObjectives { areas[objective.area, default: 0] += 1 }
            var previous = record.intakeDate
            for day in Set(record.riskAssessments.map(\.date) + record.needsAssessments.map(\.date)).sorted() {
                assessments += 1
                if day <= previous.adding(days: settings.reassessmentDays) { onTime += 1 }
                previous = day
            }
            for followUp in record.openFollowUps(settings: settings) where followUp.isOverdue(on: today) {
                overdue[followUp.owner, default: 0] += 1
            }
        }
        minCell = query.minCell
        openObjectivesByArea = SmallCellSuppression.cells(areas, minCell: minCell)
        self.assessments = SmallCellSuppression.figure(assessments, minCell: minCell)
        assessmentsOnTime = SmallCellSuppression.figure(onTime, minCell: minCell)
        overdueByCaseworker = SmallCellSuppression.cells(overdue, minCell: minCell)
    }
}
