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
        case partnerReferral(PartnerReferral)
        /// A referral to `partnerName` moved to `status` on `date`.
        case referralStatus(partnerName: String, status: ReferralStatus, date: CalendarDate, outcome: String)
        case flagSet(String)
        case flagCleared(String)
        /// A support plan objective added (`replacing` nil) or changed from `replacing`.
        case objective(PlanObjective, replacing: PlanObjective?)
        case action(PlanAction, replacing: PlanAction?)
        case riskAssessment(RiskAssessment)
        case needsAssessment(NeedsAssessment)
        case followUpAdded(FollowUpEntry)
        case followUpResolved(FollowUpRef, FollowUpResolution)
        /// The value of a field in conflict, chosen (`change.new`; `change.old` was shown).
        case conflictResolved(FieldChange)
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

/// What a history entry is about, for filtering a case's timeline.
public enum HistoryKind: String, Sendable, Hashable, CaseIterable {
    case opened, edit, note, service, referral, status, plan, assessment, followUp, view

    var code: Code {
        switch self {
        case .opened: Code(rawValue, label: "codeList.historyKind.opened")
        case .edit: Code(rawValue, label: "codeList.historyKind.edit")
        case .note: Code(rawValue, label: "codeList.historyKind.note")
        case .service: Code(rawValue, label: "codeList.historyKind.service")
        case .referral: Code(rawValue, label: "codeList.historyKind.referral")
        case .status: Code(rawValue, label: "codeList.historyKind.status")
        case .plan: Code(rawValue, label: "codeList.historyKind.plan")
        case .assessment: Code(rawValue, label: "codeList.historyKind.assessment")
        case .followUp: Code(rawValue, label: "codeList.historyKind.followUp")
        case .view: Code(rawValue, label: "codeList.historyKind.view")
        }
    }

    public var label: LocalizedText { code.label }
}

extension HistoryEntry.Change {
    public var kind: HistoryKind {
        switch self {
        case .opened: .opened
        case .field, .consentWithdrawn, .duplicate, .conflictResolved: .edit
        case .note: .note
        case .service: .service
        case .referral, .partnerReferral, .referralStatus: .referral
        case .status, .reopened, .flagSet, .flagCleared: .status
        case .objective, .action: .plan
        case .riskAssessment, .needsAssessment: .assessment
        case .followUpAdded, .followUpResolved: .followUp
        case .viewed: .view
        }
    }
}

/// Which entries of a case's timeline are shown: one kind or every kind but views (which are the
/// access log, shown on demand), one person or everyone, and a text to find.
public struct HistoryFilter: Sendable, Hashable {
    public var kind: HistoryKind?
    public var author: String?

    public init(kind: HistoryKind? = nil, author: String? = nil) {
        self.kind = kind
        self.author = author
    }

    public func admits(_ entry: HistoryEntry) -> Bool {
        let kind = entry.change.kind
        guard self.kind.map({ $0 == kind }) ?? (kind != .view) else { return false }
        return author.map { $0 == entry.author } ?? true
    }
}
