/// Where a case stands. New cases are active; closing asks for a reason.
public enum CaseStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case active, followUp, closed, closedReferred

    public var isClosed: Bool { self == .closed || self == .closedReferred }

    var code: Code {
        switch self {
        // Russian in the neuter: the status of a case ("дело").
        case .active: Code("active", label: "codeList.caseStatus.active")
        case .followUp: Code("followUp", label: "codeList.caseStatus.followUp")
        case .closed: Code("closed", label: "codeList.caseStatus.closed")
        case .closedReferred: Code("closedReferred", label: "codeList.caseStatus.closedReferred")
        }
    }

    public var label: LocalizedText { code.label }
}

/// A service given to a client (HTCDS services subform).
public enum ServiceKind: String, Codable, Sendable, Hashable, CaseIterable {
    case shelterAdmission, shelterDischarge, medical, psychological, legal, documentsRecovery,
        repatriation, familyReunification, vocationalTraining, financial, education, other

    var code: Code {
        switch self {
        case .shelterAdmission: Code(rawValue, label: "codeList.serviceKind.shelterAdmission")
        case .shelterDischarge: Code(rawValue, label: "codeList.serviceKind.shelterDischarge")
        case .medical: Code(rawValue, label: "codeList.serviceKind.medical")
        case .psychological: Code(rawValue, label: "codeList.serviceKind.psychological")
        case .legal: Code(rawValue, label: "codeList.serviceKind.legal")
        case .documentsRecovery: Code(rawValue, label: "codeList.serviceKind.documentsRecovery")
        case .repatriation: Code(rawValue, label: "codeList.serviceKind.repatriation")
        case .familyReunification: Code(rawValue, label: "codeList.serviceKind.familyReunification")
        case .vocationalTraining: Code(rawValue, label: "codeList.serviceKind.vocationalTraining")
        case .financial: Code(rawValue, label: "codeList.serviceKind.financial")
        case .education: Code(rawValue, label: "codeList.serviceKind.education")
        case .other: Code(rawValue, label: "codeList.serviceKind.other")
        }
    }

    public var label: LocalizedText { code.label }
}

/// What a user may do: coordinators manage users and make identifiable exports.
public enum UserRole: String, Codable, Sendable, Hashable, CaseIterable {
    case coordinator, caseworker

    var code: Code {
        switch self {
        case .coordinator: Code(rawValue, label: "codeList.userRole.coordinator")
        case .caseworker: Code(rawValue, label: "codeList.userRole.caseworker")
        }
    }

    public var label: LocalizedText { code.label }
}

/// One change in a `fieldsSet` event: the value it replaces travels with it, so history shows
/// "from what to what" and concurrent edits on two laptops can be detected.
public struct FieldChange: Sendable, Hashable {
    public let key: FieldKey
    public let old: FieldValue?
    public let new: FieldValue?

    public init(key: FieldKey, old: FieldValue?, new: FieldValue?) {
        self.key = key
        self.old = old
        self.new = new
    }
}

/// A service as recorded: kind, the day it began (or happened) and, if known, when it ended.
public struct ServiceEntry: Codable, Sendable, Hashable {
    public let kind: ServiceKind
    public let date: CalendarDate
    public let endDate: CalendarDate?
    public let note: String

    public init(kind: ServiceKind, date: CalendarDate, endDate: CalendarDate? = nil, note: String = "") {
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.note = note
    }
}

/// A referral out to another organisation (`CodeLists.organisationType` code).
public struct ReferralEntry: Codable, Sendable, Hashable {
    public let organisationType: String
    public let date: CalendarDate
    public let reason: String

    public init(organisationType: String, date: CalendarDate, reason: String) {
        self.organisationType = organisationType
        self.date = date
        self.reason = reason
    }
}
