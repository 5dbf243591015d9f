/// What kind of answer a field takes; it decides the widget, the parser and the stored value.
public enum FieldKind: String, Sendable, Hashable, CaseIterable {
    case text, longText, date, number, singleChoice, multipleChoice, country, countries, yesNoUnknown

    /// Kinds whose answers are codes from a list (a country list or a code list).
    public var isCoded: Bool {
        switch self {
        case .singleChoice, .multipleChoice, .country, .countries, .yesNoUnknown: true
        case .text, .longText, .date, .number: false
        }
    }

    /// Kinds that hold several codes at once.
    public var isMultiple: Bool { self == .multipleChoice || self == .countries }
}
