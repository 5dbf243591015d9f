/// Where a case stands. New cases are active; closing asks for a reason.
public enum CaseStatus: String, Sendable, Hashable, CaseIterable {
    case active, followUp, closed, closedReferred

    public var isClosed: Bool { self == .closed || self == .closedReferred }

    var code: Code {
        switch self {
        // Russian in the neuter: the status of a case ("дело").
        case .active: Code("active", en: "Active", ru: "Активно", kk: "Белсенді")
        case .followUp: Code("followUp", en: "Follow-up", ru: "Сопровождение")
        case .closed: Code("closed", en: "Closed", ru: "Закрыто", kk: "Жабық")
        case .closedReferred: Code("closedReferred", en: "Closed – referred", ru: "Закрыто – передано")
        }
    }

    public var label: LocalizedText { code.label }
}

/// A service given to a client (HTCDS services subform).
public enum ServiceKind: String, Sendable, Hashable, CaseIterable {
    case shelterAdmission, shelterDischarge, medical, psychological, legal, documentsRecovery,
        repatriation, familyReunification, vocationalTraining, financial, education, other

    var code: Code {
        switch self {
        case .shelterAdmission: Code(rawValue, en: "Shelter admission", ru: "Поступление в приют")
        case .shelterDischarge: Code(rawValue, en: "Shelter discharge", ru: "Выбытие из приюта")
        case .medical: Code(rawValue, en: "Medical care", ru: "Медицинская помощь")
        case .psychological: Code(rawValue, en: "Psychological support", ru: "Психологическая помощь")
        case .legal: Code(rawValue, en: "Legal assistance", ru: "Юридическая помощь")
        case .documentsRecovery: Code(rawValue, en: "Documents recovery", ru: "Восстановление документов")
        case .repatriation: Code(rawValue, en: "Repatriation", ru: "Репатриация")
        case .familyReunification: Code(rawValue, en: "Family reunification", ru: "Воссоединение с семьёй")
        case .vocationalTraining: Code(rawValue, en: "Vocational training", ru: "Профессиональное обучение")
        case .financial: Code(rawValue, en: "Financial assistance", ru: "Материальная помощь")
        case .education: Code(rawValue, en: "Education", ru: "Образование")
        case .other: Code(rawValue, en: "Other", ru: "Другое", kk: "Басқа")
        }
    }

    public var label: LocalizedText { code.label }
}

/// What a user may do: coordinators manage users and make identifiable exports.
public enum UserRole: String, Sendable, Hashable, CaseIterable {
    case coordinator, caseworker

    var code: Code {
        switch self {
        case .coordinator: Code(rawValue, en: "Coordinator", ru: "Координатор", kk: "Үйлестіруші")
        case .caseworker: Code(rawValue, en: "Caseworker", ru: "Социальный работник")
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
public struct ServiceEntry: Sendable, Hashable {
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
public struct ReferralEntry: Sendable, Hashable {
    public let organisationType: String
    public let date: CalendarDate
    public let reason: String

    public init(organisationType: String, date: CalendarDate, reason: String) {
        self.organisationType = organisationType
        self.date = date
        self.reason = reason
    }
}
