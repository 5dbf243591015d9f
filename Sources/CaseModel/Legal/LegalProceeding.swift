public enum ProceedingTag {}
public enum HearingTag {}
/// Identifies one legal proceeding of a case.
public typealias ProceedingID = Identifier<ProceedingTag>
/// Identifies one hearing of a proceeding.
public typealias HearingID = Identifier<HearingTag>

/// The kind of a legal proceeding.
public enum ProceedingKind: String, Codable, Sendable, Hashable, CaseIterable {
    case criminal, civil, administrative, deportation

    var code: Code { Code(rawValue, label: "codeList.proceedingKind.\(rawValue)") }
    public var label: LocalizedText { code.label }
    public static let codeList = CodeList(id: "proceedingKind", codes: allCases.map(\.code))
}

/// The person's part in a proceeding.
public enum ProceedingRole: String, Codable, Sendable, Hashable, CaseIterable {
    case victim, witness, accused

    var code: Code { Code(rawValue, label: "codeList.proceedingRole.\(rawValue)") }
    public var label: LocalizedText { code.label }
    public static let codeList = CodeList(id: "proceedingRole", codes: allCases.map(\.code))
}

/// A criminal, civil, administrative or deportation proceeding the person is part of; its hearings
/// are recorded one by one (`Hearing`), each a follow-up on the agenda until its outcome is known.
public struct LegalProceeding: Codable, Sendable, Hashable {
    public let id: ProceedingID
    public let kind: ProceedingKind
    /// ISO 3166-1 alpha-2, empty when not known.
    public let country: String
    public let authority: String
    public let role: ProceedingRole
    public let outcome: String
    /// Compensation claimed and awarded, whole units of the country's currency.
    public let compensationClaimed: Int?
    public let compensationAwarded: Int?

    public init(id: ProceedingID, kind: ProceedingKind, country: String, authority: String, role: ProceedingRole,
                outcome: String = "", compensationClaimed: Int? = nil, compensationAwarded: Int? = nil) {
        self.id = id
        self.kind = kind
        self.country = country
        self.authority = authority
        self.role = role
        self.outcome = outcome
        self.compensationClaimed = compensationClaimed
        self.compensationAwarded = compensationAwarded
    }
}

/// One hearing of a proceeding: its day and, once it has happened, its outcome.
public struct Hearing: Codable, Sendable, Hashable {
    public let id: HearingID
    public let proceeding: ProceedingID
    public let date: CalendarDate
    /// Empty until the hearing has happened.
    public let outcome: String

    public init(id: HearingID, proceeding: ProceedingID, date: CalendarDate, outcome: String = "") {
        self.id = id
        self.proceeding = proceeding
        self.date = date
        self.outcome = outcome
    }

    /// Why a hearing cannot be recorded as it is on `today`, or nil.
    public func problem(on today: CalendarDate) -> HearingProblem? {
        !outcome.isEmpty && date > today ? .outcomeBeforeHearing(date) : nil
    }
}

public enum HearingProblem: Error, Sendable, Hashable {
    /// An outcome for a hearing whose day has not come.
    case outcomeBeforeHearing(CalendarDate)
}

/// A case's proceedings with their hearings, as replay folded them.
public struct LegalRecord: Codable, Sendable, Hashable {
    public private(set) var proceedings: [LegalProceeding] = []
    public private(set) var hearings: [Hearing] = []

    mutating func set(_ proceeding: LegalProceeding) -> LegalProceeding? {
        if let index = proceedings.firstIndex(where: { $0.id == proceeding.id }) {
            defer { proceedings[index] = proceeding }
            return proceedings[index]
        }
        proceedings.append(proceeding)
        return nil
    }

    mutating func set(_ hearing: Hearing) -> Hearing? {
        if let index = hearings.firstIndex(where: { $0.id == hearing.id }) {
            defer { hearings[index] = hearing }
            return hearings[index]
        }
        hearings.append(hearing)
        return nil
    }

    public func proceeding(_ id: ProceedingID) -> LegalProceeding? { proceedings.first { $0.id == id } }

    /// The hearings of a proceeding, by date.
    public func hearings(of id: ProceedingID) -> [Hearing] {
        hearings.filter { $0.proceeding == id }.sorted { $0.date < $1.date }
    }
}
