/// One fact in the log. Every change, view, export and sign-in is an event, attributable to a
/// user and a device, and ordered across devices by its hybrid-logical-clock timestamp.
public struct Event: Sendable, Hashable {
    public let id: EventID
    /// The signed-in user's name.
    public let author: String
    public let time: HLCTimestamp
    public let device: DeviceID
    public let body: EventBody

    public init(id: EventID, author: String, time: HLCTimestamp, device: DeviceID, body: EventBody) {
        self.id = id
        self.author = author
        self.time = time
        self.device = device
        self.body = body
    }

    /// The deterministic total order used to merge logs: time, counter, device, id.
    public var mergeKey: MergeKey { MergeKey(time: time, device: device, id: id) }
}

/// Sort key of the merge order. Two replays of the same events sort them identically.
public struct MergeKey: Codable, Hashable, Comparable, Sendable {
    public let time: HLCTimestamp
    public let device: DeviceID
    public let id: EventID

    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.device != rhs.device { return lhs.device < rhs.device }
        return lhs.id < rhs.id
    }
}

/// What happened. Case events name their case; the others are about users and the organisation.
public enum EventBody: Sendable, Hashable {
    /// A new case; `openedOn` (the intake day) decides the year of its case number. `number` is
    /// the number the device gave it (nil in imports and older events): written down, it keeps
    /// the case's number stable when other cases' events are lost or another log is merged.
    case caseOpened(caseID: CaseID, openedOn: CalendarDate, number: CaseNumber? = nil)
    /// Only the changed fields, each with the value it replaces.
    case fieldsSet(caseID: CaseID, changes: [FieldChange])
    case noteAdded(caseID: CaseID, text: String)
    case serviceRecorded(caseID: CaseID, service: ServiceEntry)
    case referralMade(caseID: CaseID, referral: ReferralEntry)
    case statusChanged(caseID: CaseID, status: CaseStatus, reason: String)
    /// A closed case becomes active again.
    case caseReopened(caseID: CaseID, reason: String)
    /// The person withdrew consent items (consent field keys); they are set to "no".
    case consentWithdrawn(caseID: CaseID, items: [FieldKey], note: String)
    /// A user opened the case file (views are logged, as in Primero).
    case recordViewed(caseID: CaseID)
    /// A coordinator found that `caseID` registers the same person as `original`: both cases
    /// stay, linked; statistics count the person once (the original).
    case duplicateMarked(caseID: CaseID, original: CaseID)
    case exportMade(format: String, identifiable: Bool, caseCount: Int)
    case userSignedIn
    case userAdded(name: String, role: UserRole)
    case userDisabled(name: String)
    case organisationConfigured(name: String)
    /// The author changed their own passphrase (the one a coordinator chose no longer stands).
    case passphraseChanged
    /// A coordinator gave `name` a new passphrase (a forgotten one); `name` must change it.
    case passphraseReset(name: String)
    /// An import starts: the case events its device writes until `importCommitted` of the same
    /// batch belong to it, and replay counts them only once that commit is in the log, so an import
    /// of any size, written in many frames, is all or nothing (docs/log-format.md, "Imports").
    case importBegan(batch: ImportBatchID)
    /// The import's last event: its cases count from here.
    case importCommitted(batch: ImportBatchID, caseCount: Int)
    /// The import stopped before its commit (a row failed, a write was refused) and the session
    /// went on: what its device records from here is not the import's.
    case importAbandoned(batch: ImportBatchID)
    /// A partner organisation enters the directory (details already cleaned and checked).
    case partnerAdded(partner: PartnerID, details: PartnerDetails)
    /// A partner's details as they now are (all of them, not only what changed).
    case partnerChanged(partner: PartnerID, details: PartnerDetails)
    /// A partner is offered for no new referral; past referrals keep naming it.
    case partnerRetired(partner: PartnerID, reason: String)
    /// A case is referred to a partner; if a packet was written, how it was protected.
    case referralSent(caseID: CaseID, referral: PartnerReferral)
    /// A referral (its `referralSent` event) was accepted, declined or completed on `date`.
    case referralStatusChanged(caseID: CaseID, referral: EventID, status: ReferralStatus, date: CalendarDate, outcome: String)
    /// A caseworker flagged the case (a `UserFlags` code, or the organisation's own words).
    case flagSet(caseID: CaseID, flag: String)
    case flagCleared(caseID: CaseID, flag: String)
    /// A support plan objective added, or a new version of it (same id).
    case objectiveSet(caseID: CaseID, objective: PlanObjective)
    /// A support plan action added, or a new version of it (same id).
    case actionSet(caseID: CaseID, action: PlanAction)
    case riskAssessed(caseID: CaseID, assessment: RiskAssessment)
    case needsAssessed(caseID: CaseID, assessment: NeedsAssessment)
    /// A follow-up made by hand.
    case followUpAdded(caseID: CaseID, followUp: FollowUpEntry)
    /// A follow-up, made by hand or derived, marked done, moved or dropped.
    case followUpResolved(caseID: CaseID, ref: FollowUpRef, resolution: FollowUpResolution)
    /// The organisation's rules for derived follow-ups; the last one stands.
    case caseworkSettingsChanged(CaseworkSettings)
    /// An exploitation episode after the intake's added or changed: only the changed answers, each
    /// with the value it replaces (the intake's episode is changed with `fieldsSet`).
    case episodeSet(caseID: CaseID, episode: EpisodeID, changes: [FieldChange])
    /// Another case is a relative of this one (shown on both files).
    case familyLinked(caseID: CaseID, link: FamilyLink)
    /// A legal proceeding added, or a new version of it (same id).
    case proceedingSet(caseID: CaseID, proceeding: LegalProceeding)
    /// A hearing of a proceeding added, or a new version of it (same id): its outcome once held.
    case hearingSet(caseID: CaseID, hearing: Hearing)
    /// A laptop got its name (when it joined, when the case file was made on it, or renamed
    /// later; the last name stands). `log` is its log's file name in the shared folder.
    case deviceNamed(device: DeviceID, log: String, name: String)
    /// A coordinator revoked a lost or stolen laptop: the records of its log after
    /// `lastSequence`, the last the revoker had seen, are never applied (`Revocations`).
    case deviceRevoked(device: DeviceID, log: String, lastSequence: UInt64, reason: String)
    /// A caseworker chose the value of a field that two laptops edited apart (one of theirs or a
    /// new one): `change.old` is the value shown when choosing, `change.new` the one chosen.
    case conflictResolved(caseID: CaseID, change: FieldChange)

    /// The case the event belongs to, if any.
    public var caseID: CaseID? {
        switch self {
        case .caseOpened(let id, _, _), .fieldsSet(let id, _), .noteAdded(let id, _),
            .serviceRecorded(let id, _), .referralMade(let id, _), .statusChanged(let id, _, _),
            .caseReopened(let id, _), .consentWithdrawn(let id, _, _), .recordViewed(let id), .duplicateMarked(let id, _),
            .referralSent(let id, _), .referralStatusChanged(let id, _, _, _, _), .flagSet(let id, _), .flagCleared(let id, _),
            .objectiveSet(let id, _), .actionSet(let id, _), .riskAssessed(let id, _), .needsAssessed(let id, _),
            .followUpAdded(let id, _), .followUpResolved(let id, _, _), .episodeSet(let id, _, _), .familyLinked(let id, _),
            .proceedingSet(let id, _), .hearingSet(let id, _), .conflictResolved(let id, _):
            id
        case .exportMade, .userSignedIn, .userAdded, .userDisabled, .organisationConfigured, .passphraseChanged, .passphraseReset,
            .importBegan, .importCommitted, .importAbandoned, .partnerAdded, .partnerChanged, .partnerRetired,
            .caseworkSettingsChanged, .deviceNamed, .deviceRevoked:
            nil
        }
    }

    /// The record type the event log stores next to the payload.
    public var kind: EventKind {
        switch self {
        case .caseOpened: .caseOpened
        case .fieldsSet: .fieldsSet
        case .noteAdded: .noteAdded
        case .serviceRecorded: .serviceRecorded
        case .referralMade: .referralMade
        case .statusChanged: .statusChanged
        case .caseReopened: .caseReopened
        case .consentWithdrawn: .consentWithdrawn
        case .recordViewed: .recordViewed
        case .exportMade: .exportMade
        case .userSignedIn: .userSignedIn
        case .userAdded: .userAdded
        case .userDisabled: .userDisabled
        case .organisationConfigured: .organisationConfigured
        case .passphraseChanged: .passphraseChanged
        case .passphraseReset: .passphraseReset
        case .duplicateMarked: .duplicateMarked
        case .importBegan: .importBegan
        case .importCommitted: .importCommitted
        case .importAbandoned: .importAbandoned
        case .partnerAdded: .partnerAdded
        case .partnerChanged: .partnerChanged
        case .partnerRetired: .partnerRetired
        case .referralSent: .referralSent
        case .referralStatusChanged: .referralStatusChanged
        case .flagSet: .flagSet
        case .flagCleared: .flagCleared
        case .objectiveSet: .objectiveSet
        case .actionSet: .actionSet
        case .riskAssessed: .riskAssessed
        case .needsAssessed: .needsAssessed
        case .followUpAdded: .followUpAdded
        case .followUpResolved: .followUpResolved
        case .caseworkSettingsChanged: .caseworkSettingsChanged
        case .episodeSet: .episodeSet
        case .familyLinked: .familyLinked
        case .proceedingSet: .proceedingSet
        case .hearingSet: .hearingSet
        case .deviceNamed: .deviceNamed
        case .deviceRevoked: .deviceRevoked
        case .conflictResolved: .conflictResolved
        }
    }
}

/// Record type numbers of the binary encoding. A number is never reused for another meaning.
public enum EventKind: UInt8, Sendable, CaseIterable {
    case caseOpened = 1
    case fieldsSet = 2
    case noteAdded = 3
    case serviceRecorded = 4
    case referralMade = 5
    case statusChanged = 6
    case caseReopened = 7
    case consentWithdrawn = 8
    case recordViewed = 9
    case exportMade = 10
    case userSignedIn = 11
    case userAdded = 12
    case userDisabled = 13
    case organisationConfigured = 14
    case passphraseChanged = 15
    case passphraseReset = 16
    case duplicateMarked = 17
    case importBegan = 20
    case importCommitted = 21
    case importAbandoned = 22
    // 50–69: partners and referrals (issue 15).
    case partnerAdded = 50
    case partnerChanged = 51
    case partnerRetired = 52
    case referralSent = 53
    case referralStatusChanged = 54
    case flagSet = 55
    case flagCleared = 56
    case episodeSet = 57
    case familyLinked = 58
    case proceedingSet = 59
    case hearingSet = 60
    // Case work after intake (issue 14): 30–49.
    case objectiveSet = 30
    case actionSet = 31
    case riskAssessed = 32
    case needsAssessed = 33
    case followUpAdded = 34
    case followUpResolved = 35
    case caseworkSettingsChanged = 40
    // 70–79: several laptops (issue 16); 75–79 conflicts and duplicates across laptops.
    case deviceNamed = 70
    case deviceRevoked = 71
    case conflictResolved = 75
}
