/// One line of a case's history: who did what, when, and from what to what.
public struct HistoryEntry: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case opened(CaseNumber)
        case field(FieldChange)
        case note(String)
        case service(ServiceEntry)
        case referral(ReferralEntry)
        case status(from: CaseStatus, to: CaseStatus, reason: String)
        case reopened(from: CaseStatus, reason: String)
        case consentWithdrawn(items: [FieldKey], note: String)
        case viewed
        /// Marked as registering the same person as the case with this id.
        case duplicate(of: CaseID)
        /// A support plan objective added (`replacing` nil) or changed from `replacing`.
        case objective(PlanObjective, replacing: PlanObjective?)
        case action(PlanAction, replacing: PlanAction?)
        case riskAssessment(RiskAssessment)
        case needsAssessment(NeedsAssessment)
        case followUpAdded(FollowUpEntry)
        case followUpResolved(FollowUpRef, FollowUpResolution)
    }

    public let eventID: EventID
    public let time: HLCTimestamp
    public let author: String
    public let device: DeviceID
    public let change: Change

    /// `change`, made by `event`'s author on its device at its time.
    init(_ change: Change, by event: Event) {
        eventID = event.id
        time = event.time
        author = event.author
        device = event.device
        self.change = change
    }
}

/// Something done outside any one case: sign-ins, exports and user administration.
public struct ActivityEntry: Sendable, Hashable {
    public let eventID: EventID
    public let time: HLCTimestamp
    public let author: String
    public let body: EventBody
}

/// A user as the log knows them; disabled users stay listed so their past events keep a name.
public struct UserAccount: Sendable, Hashable {
    public let name: String
    public internal(set) var role: UserRole
    public internal(set) var isActive: Bool
    public let addedBy: String
    public let addedAt: HLCTimestamp
    /// The passphrase was chosen by someone else (a coordinator adding or resetting the user)
    /// and not yet changed by the user.
    public internal(set) var mustChangePassphrase = false
}
