/// The value of one form field. Kept simple so the app can map it to and from its case model.
public enum FormValue: Hashable, Sendable {
    case none
    case text(String)
    case date(CalendarDate)
    case number(Int)
    /// The code of the chosen option.
    case choice(String)
    /// The codes of the checked options, in option order.
    case choices([String])

    /// Nothing entered: `.none`, blank text or no checked option.
    public var isEmpty: Bool {
        switch self {
        case .none: return true
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        case .choices(let codes): return codes.isEmpty
        case .date, .number, .choice: return false
        }
    }

    /// Whether a choice holds `code`, as the chosen option or one of the checked ones.
    public func contains(_ code: String) -> Bool {
        switch self {
        case .choice(let chosen): chosen == code
        case .choices(let codes): codes.contains(code)
        case .none, .text, .date, .number: false
        }
    }
}

/// All values of a form, by field key.
public typealias FormValues = [String: FormValue]
