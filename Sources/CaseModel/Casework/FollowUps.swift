/// A follow-up made by hand: something to do for a case by a day, by someone.
public struct FollowUpEntry: Codable, Sendable, Hashable {
    public let id: FollowUpID
    public let title: String
    public let due: CalendarDate
    /// The user who is to do it.
    public let owner: String

    public init(id: FollowUpID, title: String, due: CalendarDate, owner: String) {
        self.id = id
        self.title = title
        self.due = due
        self.owner = owner
    }
}

/// Names one follow-up of a case, made by hand or derived, so that it can be marked done, moved
/// or dropped. Stored in events as `rawValue` (`manual:<id>`, `action:<id>`, `referral:<event id>`, `hearing:<id>`,
/// `reassessment:<yyyy-mm-dd of the assessment or intake it follows>`, `reflection`).
public enum FollowUpRef: Codable, Sendable, Hashable, Comparable {
    case manual(FollowUpID)
    case planAction(ActionID)
    case referral(EventID)
    /// The reassessment after the assessment (or intake) of that day: a new assessment starts a
    /// new one.
    case reassessment(after: CalendarDate)
    case reflectionPeriodEnd
    /// A hearing of a legal proceeding, until its outcome is recorded.
    case hearing(HearingID)

    public var kind: FollowUpKind {
        switch self {
        case .manual: .manual
        case .planAction: .planAction
        case .referral: .referralOutcome
        case .reassessment: .reassessment
        case .reflectionPeriodEnd: .reflectionPeriodEnd
        case .hearing: .hearing
        }
    }

    public var rawValue: String {
        switch self {
        case .manual(let id): "manual:\(id)"
        case .planAction(let id): "action:\(id)"
        case .referral(let id): "referral:\(id)"
        case .reassessment(let day): "reassessment:\(day.iso)"
        case .reflectionPeriodEnd: "reflection"
        case .hearing(let id): "hearing:\(id)"
        }
    }

    public init?(rawValue: String) {
        if rawValue == "reflection" {
            self = .reflectionPeriodEnd
            return
        }
        guard let colon = rawValue.firstIndex(of: ":") else { return nil }
        let value = String(rawValue[rawValue.index(after: colon)...])
        switch rawValue[..<colon] {
        case "manual": guard let id = FollowUpID(hex: value) else { return nil }; self = .manual(id)
        case "action": guard let id = ActionID(hex: value) else { return nil }; self = .planAction(id)
        case "referral": guard let id = EventID(hex: value) else { return nil }; self = .referral(id)
        case "hearing": guard let id = HearingID(hex: value) else { return nil }; self = .hearing(id)
        case "reassessment": guard value.contains("-"), case .success(let day) = DateParser.parse(value) else { return nil }
            self = .reassessment(after: day)
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What became of a follow-up. Moved keeps it open with a new due date; done and dropped end it.
public enum FollowUpResolution: Codable, Sendable, Hashable {
    case done(note: String)
    case moved(to: CalendarDate, reason: String)
    case dropped(reason: String)

    public var endsFollowUp: Bool {
        if case .moved = self { return false }
        return true
    }
}

/// One open follow-up of a case, as the agenda lists it.
public struct FollowUp: Sendable, Hashable {
    public let caseID: CaseID
    public let caseNumber: CaseNumber
    public let ref: FollowUpRef
    public let due: CalendarDate
    public let owner: String
    /// What to do: the title of a hand-made follow-up, the plan action's text, the referral's
    /// organisation type code; empty for reassessments and the reflection period.
    public let detail: String

    public var kind: FollowUpKind { ref.kind }

    public func isOverdue(on today: CalendarDate) -> Bool { due < today }
}

/// How an organisation runs derived follow-ups. National rules differ, so each is a setting; it
/// lives in the log as the organisation event `caseworkSettingsChanged` (the last one stands),
/// set with `refuge settings`.
public struct CaseworkSettings: Codable, Sendable, Hashable {
    /// Days from the last assessment (or the intake) to the next, while the case is not closed.
    public var reassessmentDays: Int
    /// Days from the intake to the end of the reflection and recovery period.
    public var reflectionDays: Int
    /// Days after a referral by which its outcome should be known.
    public var referralOutcomeDays: Int

    public init(reassessmentDays: Int = 30, reflectionDays: Int = 30, referralOutcomeDays: Int = 14) {
        self.reassessmentDays = reassessmentDays
        self.reflectionDays = reflectionDays
        self.referralOutcomeDays = referralOutcomeDays
    }

    public static let standard = CaseworkSettings()

    /// Settings are whole days, 1 to 365.
    public static let allowedDays = 1...365
}
