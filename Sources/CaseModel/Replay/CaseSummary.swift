import CalendarDay

/// What the case list, its header and its sorts need of one case: a few hundred bytes, where the
/// case itself (answers, notes, plan, history) is kilobytes. The store keeps one per case, derived
/// from the case whenever it changes (`CaseStore.settle`), so that a screen listing every case never
/// needs every case whole (docs/performance.md, "The snapshot").
public struct CaseSummary: Sendable, Hashable {
    public let id: CaseID
    public let number: CaseNumber
    public let status: CaseStatus
    public let flags: CaseFlags
    /// A caseworker flagged the case (safety risk…): shown as "!" before the name.
    public let isFlaggedByCaseworker: Bool
    /// "Family Given", falling back to the alias (`CaseRecord.displayName`).
    public let displayName: String
    public let genderCode: String?
    public let citizenshipCodes: [String]
    public let exploitationCodes: [String]
    /// The assigned caseworker as answered, else the user who opened the case.
    public let caseworker: String
    public let completenessPercent: Int
    public let intakeDate: CalendarDate
    /// Set by the store alone for an event that changes nothing else (`CaseStore.foldCaseEvent`).
    public internal(set) var lastChanged: HLCTimestamp
    /// The earlier case this one was marked a duplicate of: a case file lists its duplicates
    /// without decoding every case.
    public let duplicateOf: CaseID?
    let personAge: PersonAge
    /// The case's open follow-ups under the organisation's rules it was derived with: when each is
    /// due and whose it is (the agenda shown at sign-in is a caseworker's own, and whether it has
    /// anything is known without decoding a case).
    let openFollowUps: [FollowUpDue]

    /// An open follow-up as the list and the agenda's outline need it.
    struct FollowUpDue: Sendable, Hashable {
        let due: CalendarDate
        let owner: String
    }

    public init(_ record: CaseRecord, settings: CaseworkSettings) {
        id = record.id
        number = record.number
        status = record.status
        flags = record.flags
        isFlaggedByCaseworker = !record.userFlags.isEmpty
        displayName = record.displayName
        genderCode = record[.gender]?.code
        citizenshipCodes = record[.citizenship]?.codeList ?? []
        exploitationCodes = record[.exploitationTypes]?.codeList ?? []
        caseworker = record[.assignedCaseworker]?.text ?? record.openedBy
        completenessPercent = record.completeness.percent
        intakeDate = record.intakeDate
        lastChanged = record.lastChanged
        duplicateOf = record.duplicateOf
        personAge = record.personAge
        openFollowUps = record.openFollowUps(settings: settings).map { FollowUpDue(due: $0.due, owner: $0.owner) }
    }

    /// Age on `today` (see `CaseRecord.age(on:)`).
    public func age(on today: CalendarDate) -> Int? { personAge.on(today) }

    /// How many open follow-ups are past their due date on `today`
    /// (`CaseRecord.overdueFollowUpCount(settings:on:)`).
    public func overdueFollowUpCount(on today: CalendarDate) -> Int { openFollowUps.count { $0.due < today } }

    /// Whether an open follow-up (of `owner`'s, or anyone's when nil) is due on `day` or before: the
    /// cases the agenda up to `day` lists (`Agenda(store:today:days:owner:)`).
    public func hasFollowUp(dueBy day: CalendarDate, owner: String?) -> Bool {
        openFollowUps.contains { $0.due <= day && (owner == nil || $0.owner == owner) }
    }
}
