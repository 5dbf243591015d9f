/// Which cases a report covers and how small cells are protected.
public struct StatisticsQuery: Sendable, Hashable {
    /// First intake day included; nil for no lower bound.
    public var from: CalendarDate?
    /// Last intake day included; nil for no upper bound.
    public var to: CalendarDate?
    /// Smallest count shown; 1 to 4 people (with the default 5) are never shown.
    /// 1 or less turns suppression off.
    public var minCell: Int

    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, minCell: Int = 5) {
        self.from = from
        self.to = to
        self.minCell = minCell
    }

    public func includes(_ date: CalendarDate) -> Bool {
        (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
    }
}

/// One category of a breakdown. A suppressed cell has no count.
public struct StatisticsCell: Sendable, Hashable {
    public let code: String
    public let count: Int?

    public var isSuppressed: Bool { count == nil }

    /// The code of the category that small categories are merged into.
    public static let otherCode = "other"
    /// The code of people for whom the field is not answered.
    public static let unknownCode = "unknown"
}

/// People of one gender, with the range of their ages at intake (absent when suppressed).
public struct GenderCell: Sendable, Hashable {
    public let code: String
    public let count: Int?
    public let ageMin: Int?
    public let ageMax: Int?

    public var isSuppressed: Bool { count == nil }
}

/// The shelter's yearly report, with small-cell protection already applied: nothing in it may
/// identify a person, so every renderer can print it as it is.
public struct StatisticsReport: Sendable, Hashable {
    public let from: CalendarDate?
    public let to: CalendarDate?
    public let minCell: Int
    /// People whose intake date falls in the period (and who did not refuse statistics).
    public let total: Int
    /// Their exploitation episodes (every person has at least one: the intake's).
    public let episodes: Int
    public let byGender: [GenderCell]
    /// People first exploited under 18; nil when suppressed.
    public let minorsAtExploitation: Int?
    /// A person with two citizenships or exploitation types counts in each (types, labour sectors
    /// and countries of exploitation from all their episodes, once a person).
    public let byCitizenship: [StatisticsCell]
    public let byExploitation: [StatisticsCell]
    /// Episodes by type of exploitation: a person trafficked twice counts twice.
    public let byExploitationOfEpisodes: [StatisticsCell]
    /// Among people in forced labour only.
    public let byLabourSector: [StatisticsCell]
    public let byCountryOfExploitation: [StatisticsCell]
    public let byReferralSource: [StatisticsCell]
    public let byStatus: [StatisticsCell]
    /// Cases left out because the person said no to anonymous statistics (not published).
    public let excludedWithoutConsent: Int
}

/// One breakdown of a report by a coded answer: which one, and its cells.
public struct StatisticsBreakdown: Sendable, Hashable {
    /// The breakdowns by coded answers; the raw value is the key in JSON and the dimension in CSV.
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        case byCitizenship, byExploitation, byExploitationOfEpisodes, byLabourSector, byCountryOfExploitation, byReferralSource, byStatus

        /// The field whose codes the categories are; nil for the case status.
        public var field: FieldKey? {
            switch self {
            case .byCitizenship: .citizenship
            case .byExploitation, .byExploitationOfEpisodes: .exploitationTypes
            case .byLabourSector: .labourSector
            case .byCountryOfExploitation: .countriesOfExploitation
            case .byReferralSource: .referralSource
            case .byStatus: nil
            }
        }

        /// The name of one of this breakdown's categories in `language`.
        public func label(of code: String, in language: Language) -> String {
            StatisticsReport.categoryLabel(code, of: field, in: language)
        }
    }

    public let dimension: Dimension
    public let cells: [StatisticsCell]
}

extension StatisticsReport {
    /// The breakdowns by coded answers, in the documented order (after `byGender` and
    /// `minorsAtExploitation`): what every renderer lists.
    public var breakdowns: [StatisticsBreakdown] {
        [
            StatisticsBreakdown(dimension: .byCitizenship, cells: byCitizenship),
            StatisticsBreakdown(dimension: .byExploitation, cells: byExploitation),
            StatisticsBreakdown(dimension: .byExploitationOfEpisodes, cells: byExploitationOfEpisodes),
            StatisticsBreakdown(dimension: .byLabourSector, cells: byLabourSector),
            StatisticsBreakdown(dimension: .byCountryOfExploitation, cells: byCountryOfExploitation),
            StatisticsBreakdown(dimension: .byReferralSource, cells: byReferralSource),
            StatisticsBreakdown(dimension: .byStatus, cells: byStatus),
        ]
    }

    /// The name of a category in `language`: "other" and "not recorded" for the merged small groups
    /// and the unanswered, else the label of `code` in `field` (in the case statuses for nil).
    public static func categoryLabel(_ code: String, of field: FieldKey?, in language: Language) -> String {
        switch code {
        // Not "other" alone, which reads as a category of its own ("other sex").
        case StatisticsCell.otherCode: return Words(language)("statistics.category.merged")
        case StatisticsCell.unknownCode: return Words(language)("statistics.category.notRecorded")
        default:
            if let field { return IntakeSchema.standard.field(field)?.label(of: code, in: language) ?? code }
            return CodeLists.caseStatus.label(of: code, in: language) ?? code
        }
    }
}
