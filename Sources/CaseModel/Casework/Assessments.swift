/// One of the three risk ratings of a risk assessment, with its reasons
/// (`CaseworkCodeLists.riskReason` codes).
public struct RiskRating: Codable, Sendable, Hashable {
    public let level: RiskLevel
    public let reasons: [String]

    public init(_ level: RiskLevel, reasons: [String] = []) {
        self.level = level
        self.reasons = reasons
    }
}

/// A structured risk assessment on a day (HTCDS 2.0: individual, household and community risk),
/// repeated during a case.
public struct RiskAssessment: Codable, Sendable, Hashable {
    public let date: CalendarDate
    public let individual: RiskRating
    public let household: RiskRating
    public let community: RiskRating
    public let immediateDanger: Bool
    public let note: String

    public init(date: CalendarDate, individual: RiskRating, household: RiskRating, community: RiskRating,
                immediateDanger: Bool, note: String = "") {
        self.date = date
        self.individual = individual
        self.household = household
        self.community = community
        self.immediateDanger = immediateDanger
        self.note = note
    }

    /// The highest of the three ratings.
    public var highest: RiskLevel { max(individual.level, household.level, community.level) }
    /// What raises a flag on the case list.
    public var isAlarming: Bool { immediateDanger || highest == .high }
}

/// How far the needs of each plan area are met, on a day.
public struct NeedsAssessment: Codable, Sendable, Hashable {
    public struct Need: Codable, Sendable, Hashable {
        /// A `CaseworkCodeLists.planArea` code.
        public let area: String
        public let status: NeedStatus

        public init(area: String, status: NeedStatus) {
            self.area = area
            self.status = status
        }
    }

    public let date: CalendarDate
    public let needs: [Need]

    public init(date: CalendarDate, needs: [Need]) {
        self.date = date
        self.needs = needs
    }

    public func status(of area: String) -> NeedStatus? { needs.first { $0.area == area }?.status }
}
