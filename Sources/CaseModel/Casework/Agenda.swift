/// What is due: the open follow-ups of the cases that are overdue, due today and due in the next
/// days, each group by due date, then case number. A pure function of the cases, the
/// organisation's settings and the day, so the screen, `refuge agenda` and the tests agree.
public struct Agenda: Sendable, Hashable {
    public let today: CalendarDate
    public let overdue: [FollowUp]
    public let dueToday: [FollowUp]
    /// Due from tomorrow up to `days` days from today.
    public let upcoming: [FollowUp]

    /// - Parameters:
    ///   - days: how far ahead `upcoming` looks (7: the next week).
    ///   - owner: only this user's follow-ups; nil for everyone's.
    public init<Cases: Sequence>(cases: Cases, settings: CaseworkSettings, today: CalendarDate, days: Int = 7,
                                 owner: String? = nil) where Cases.Element == CaseRecord {
        self.today = today
        let horizon = Self.horizon(today: today, days: days)
        var overdue: [FollowUp] = [], dueToday: [FollowUp] = [], upcoming: [FollowUp] = []
        for record in cases where !record.status.isClosed {
            for followUp in record.openFollowUps(settings: settings) where owner == nil || followUp.owner == owner {
                if followUp.due < today {
                    overdue.append(followUp)
                } else if followUp.due == today {
                    dueToday.append(followUp)
                } else if followUp.due <= horizon {
                    upcoming.append(followUp)
                }
            }
        }
        let order: (FollowUp, FollowUp) -> Bool = {
            ($0.due, $0.caseNumber, $0.ref) < ($1.due, $1.caseNumber, $1.ref)
        }
        self.overdue = overdue.sorted(by: order)
        self.dueToday = dueToday.sorted(by: order)
        self.upcoming = upcoming.sorted(by: order)
    }

    /// The agenda of the cases in `store`: only the cases whose summaries have a follow-up due by
    /// the horizon are taken whole, so an agenda of a few cases does not decode thousands.
    public init(store: CaseStore, today: CalendarDate, days: Int = 7, owner: String? = nil) {
        let horizon = Self.horizon(today: today, days: days)
        let due = store.summaries.lazy.filter { $0.hasFollowUp(dueBy: horizon, owner: owner) }.compactMap { store[$0.id] }
        self.init(cases: due, settings: store.caseworkSettings, today: today, days: days, owner: owner)
    }

    /// Whether the agenda of `store` would list anything, from the summaries alone (no case decoded).
    public static func hasItems(in store: CaseStore, today: CalendarDate, days: Int = 7, owner: String? = nil) -> Bool {
        let horizon = horizon(today: today, days: days)
        return store.summaries.contains { $0.hasFollowUp(dueBy: horizon, owner: owner) }
    }

    private static func horizon(today: CalendarDate, days: Int) -> CalendarDate { today.adding(days: max(0, days)) }

    /// Every item, overdue first.
    public var items: [FollowUp] { overdue + dueToday + upcoming }
    public var isEmpty: Bool { items.isEmpty }
}
