/// The intake form as data: ordered sections of fields, plus the rules that span fields.
public struct IntakeSchema: Sendable {
    public let sections: [Section]
    /// All fields in form order.
    public let fields: [Field]
    /// The fields counted for completeness, in form order.
    public let reportingFields: [Field]
    private let index: [FieldKey: Int]

    /// A first registration needs at least one of these names (and every `requiredForSave` field).
    public let nameKeys: [FieldKey] = [.familyName, .givenName, .alias]

    public init(sections: [Section]) {
        self.sections = sections
        self.fields = sections.flatMap(\.fields)
        self.reportingFields = fields.filter(\.requiredForReporting)
        var index: [FieldKey: Int] = [:]
        for (position, field) in fields.enumerated() where index[field.key] == nil {
            index[field.key] = position
        }
        self.index = index
    }

    /// The shelter's standard HTCDS-based intake form.
    public static let standard = IntakeSchema(sections: StandardSchema.sections)

    public func field(_ key: FieldKey) -> Field? { index[key].map { fields[$0] } }

    /// Reporting fields answered among those relevant for these answers.
    public func completeness(of values: [FieldKey: FieldValue]) -> Completeness {
        var filled = 0
        var total = 0
        for field in reportingFields where field.relevance.isSatisfied(by: values) {
            total += 1
            if values[field.key] != nil { filled += 1 }
        }
        return Completeness(filled: filled, total: total)
    }
}

/// How much of what the yearly report needs is filled in: shows incomplete intakes.
public struct Completeness: Codable, Sendable, Hashable, CustomStringConvertible {
    public let filled: Int
    public let total: Int

    public init(filled: Int, total: Int) {
        self.filled = filled
        self.total = total
    }

    /// Whole percent, rounded down; 100 when nothing is required.
    public var percent: Int { total == 0 ? 100 : filled * 100 / total }
    public var isComplete: Bool { filled == total }
    public var description: String { "\(filled)/\(total)" }
}
