/// One question of the intake form, described as data (XLSForm style) so that the form engine,
/// the validator, the exports and the data dictionary all read the same definition.
public struct Field: Sendable, Hashable {
    public let key: FieldKey
    public let kind: FieldKind
    public let label: LocalizedText
    public let help: LocalizedText
    /// Code list for `singleChoice`, `multipleChoice` and `yesNoUnknown`; countries use `Countries`.
    public let codeList: CodeList?
    /// Needed before a case can be saved at all (see `IntakeSchema.nameKeys` for the name rule).
    public let requiredForSave: Bool
    /// Counted in the completeness figure and needed for the yearly statistics.
    public let requiredForReporting: Bool
    public let relevance: Relevance
    public let rules: [FieldRule]
    /// Longest accepted text, in characters (text kinds only).
    public let maxLength: Int?
    /// The column name in IOM's CTDC data set, when the field has one.
    public let ctdcName: String?

    public init(
        _ key: FieldKey, _ kind: FieldKind, label: LocalizedText, help: LocalizedText = .empty,
        codeList: CodeList? = nil, requiredForSave: Bool = false, requiredForReporting: Bool = false,
        relevance: Relevance = .always, rules: [FieldRule] = [], maxLength: Int? = nil,
        ctdcName: String? = nil
    ) {
        self.key = key
        self.kind = kind
        self.label = label
        self.help = help
        self.codeList = codeList ?? (kind == .yesNoUnknown ? CodeLists.yesNoUnknown : nil)
        self.requiredForSave = requiredForSave
        self.requiredForReporting = requiredForReporting
        self.relevance = relevance
        self.rules = rules
        self.maxLength = maxLength ?? (kind == .text ? 200 : kind == .longText ? 4000 : nil)
        self.ctdcName = ctdcName
    }

    /// True when `code` is a valid answer for this field.
    public func accepts(code: String) -> Bool {
        switch kind {
        case .country, .countries: Countries.isKnown(code)
        default: codeList?.contains(code) ?? false
        }
    }

    /// The label of a code answer in `language` (country names from Foundation).
    public func label(of code: String, in language: Language) -> String {
        switch kind {
        case .country, .countries: Countries.name(of: code, in: language)
        default: codeList?.label(of: code, in: language) ?? code
        }
    }
}

/// A page of the intake form.
public struct Section: Sendable, Hashable {
    public let id: String
    public let title: LocalizedText
    public let fields: [Field]

    public init(id: String, title: LocalizedText, fields: [Field]) {
        self.id = id
        self.title = title
        self.fields = fields
    }
}
