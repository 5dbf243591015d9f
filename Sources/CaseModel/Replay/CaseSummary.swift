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
    public let lastChanged: HLCTimestamp
    /// The earlier case this one was marked a duplicate of: a case file lists its duplicates
    /// without decoding every case.
    public let duplicateOf: CaseID?
    let personAge: PersonAge
    /// The due days of the case's open follow-ups under the organisation's rules it was derived with.
    let followUpDueDays: [CalendarDate]
    /// Whose each of those follow-ups is, in the same order: the agenda shown at sign-in is a
    /// caseworker's own, and whether it has anything is known without decoding a case.
    let followUpOwners: [String]

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
        let followUps = record.openFollowUps(settings: settings)
        followUpDueDays = followUps.map(\.due)
        followUpOwners = followUps.map(\.owner)
    }

    /// Age on `today` (see `CaseRecord.age(on:)`).
    public func age(on today: CalendarDate) -> Int? { personAge.on(today) }

    /// How many open follow-ups are past their due date on `today`
    /// (`CaseRecord.overdueFollowUpCount(settings:on:)`).
    public func overdueFollowUpCount(on today: CalendarDate) -> Int { followUpDueDays.count { $0 < today } }

    /// Whether an open follow-up (of `owner`'s, or anyone's when nil) is due on `day` or before: the
    /// cases the agenda up to `day` lists (`Agenda(store:today:days:owner:)`).
    public func hasFollowUp(dueBy day: CalendarDate, owner: String?) -> Bool {
        zip(followUpDueDays, followUpOwners).contains { due, whose in due <= day && (owner == nil || whose == owner) }
    }
}
