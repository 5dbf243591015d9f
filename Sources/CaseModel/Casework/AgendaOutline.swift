import CalendarDay

/// The agenda known from the cases' summaries alone: how many follow-ups are overdue, due today
/// and due in the next days, and each line's due day and case number, in the agenda's order (due
/// day, then case number, then follow-up). Which follow-up a line is — its kind, owner and text —
/// is read from its case only when the line is drawn or acted on, so that a coordinator's agenda
/// over thousands of cases decodes a screenful of them (docs/performance.md, "The snapshot").
public struct AgendaOutline: Sendable, Hashable {
    /// A line before its follow-up is read. Lines of the same day and case number are told apart
    /// only by `followUps(around:in:settings:)`: the order among them is the cases' to tell.
    public struct Line: Sendable, Hashable {
        /// The case of one of the follow-ups of the line's day and case number.
        public let caseID: CaseID
        public let caseNumber: CaseNumber
        public let due: CalendarDate
    }

    public let today: CalendarDate
    /// Only this user's follow-ups; nil for everyone's.
    public let owner: String?
    /// Overdue first, then today's, then the next days'.
    public let lines: [Line]
    public let overdueCount: Int
    public let dueTodayCount: Int
    public var upcomingCount: Int { lines.count - overdueCount - dueTodayCount }

    /// The lines of the open follow-ups due by `days` days from `today`, as `Agenda` orders them.
    public init<Summaries: Sequence>(summaries: Summaries, today: CalendarDate, days: Int = 7, owner: String? = nil)
    where Summaries.Element == CaseSummary {
        self.today = today
        self.owner = owner
        let horizon = today.adding(days: max(0, days))
        var lines: [(line: Line, order: Int)] = []
        for summary in summaries {
            for followUp in summary.openFollowUps where followUp.due <= horizon && (owner == nil || followUp.owner == owner) {
                lines.append((Line(caseID: summary.id, caseNumber: summary.number, due: followUp.due), lines.count))
            }
        }
        // Within a day and a case number the order is the follow-ups' (`FollowUpRef`), which only
        // the case knows: `followUps(around:)` settles it when the lines are read.
        self.lines = lines.sorted { ($0.line.due, $0.line.caseNumber, $0.order) < ($1.line.due, $1.line.caseNumber, $1.order) }
            .map(\.line)
        overdueCount = self.lines.prefix { $0.due < today }.count
        dueTodayCount = self.lines.dropFirst(overdueCount).prefix { $0.due == today }.count
    }

    public init(store: CaseStore, today: CalendarDate, days: Int = 7, owner: String? = nil) {
        self.init(summaries: store.summaries, today: today, days: days, owner: owner)
    }

    /// The lines around `index` with its due day and case number (one case, unless two laptops
    /// numbered cases alike) and their follow-ups in the agenda's order, read from those cases.
    /// The follow-ups are as many as the lines while the summaries are the cases' own.
    public func followUps(around index: Int, in cases: (CaseID) -> CaseRecord?,
                          settings: CaseworkSettings) -> (lines: Range<Int>, followUps: [FollowUp]) {
        let line = lines[index]
        let alike = { (other: Line) in other.due == line.due && other.caseNumber == line.caseNumber }
        let start = lines[..<index].lastIndex { !alike($0) }.map { $0 + 1 } ?? 0
        let end = lines[index...].firstIndex { !alike($0) } ?? lines.count
        var caseIDs: [CaseID] = []
        for other in lines[start..<end] where !caseIDs.contains(other.caseID) { caseIDs.append(other.caseID) }
        let followUps = caseIDs.compactMap(cases).flatMap { $0.openFollowUps(settings: settings) }
            .filter { $0.due == line.due && (owner == nil || $0.owner == owner) }
            .enumerated().sorted { ($0.element.ref, $0.offset) < ($1.element.ref, $1.offset) }.map(\.element)
        return (start..<end, followUps)
    }
}
