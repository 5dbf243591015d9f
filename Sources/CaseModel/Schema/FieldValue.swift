/// A stored answer. An unanswered field has no value at all (nil), never an empty one.
public enum FieldValue: Codable, Hashable, Sendable {
    case text(String)
    case date(CalendarDate)
    case number(Int)
    /// One code: a single choice, a country or yes/no/unknown.
    case code(String)
    /// Several codes, in the order chosen: a multiple choice or a list of countries.
    case codes([String])

    /// The codes this value holds (empty for text, dates and numbers).
    public var codeList: [String] {
        switch self {
        case .code(let code): [code]
        case .codes(let codes): codes
        case .text, .date, .number: []
        }
    }

    /// True when the value holds `code` (single or multiple choice).
    public func contains(_ code: String) -> Bool {
        switch self {
        case .code(let value): value == code
        case .codes(let values): values.contains(code)
        case .text, .date, .number: false
        }
    }

    /// The value as one cell of text: ISO dates, `;`-joined codes. Used by CSV and JSON.
    public var exchangeText: String {
        switch self {
        case .text(let text): text
        case .date(let date): date.iso
        case .number(let number): String(number)
        case .code(let code): code
        case .codes(let codes): codes.joined(separator: ";")
        }
    }

    public var text: String? { if case .text(let t) = self { t } else { nil } }
    public var date: CalendarDate? { if case .date(let d) = self { d } else { nil } }
    public var number: Int? { if case .number(let n) = self { n } else { nil } }
    public var code: String? { if case .code(let c) = self { c } else { nil } }
}
