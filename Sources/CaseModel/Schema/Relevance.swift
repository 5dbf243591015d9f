/// When a field is shown (XLSForm "relevant"). A field that is not relevant is hidden, skipped,
/// not validated and not counted for completeness; its stored value is kept, never erased.
public indirect enum Relevance: Sendable, Hashable {
    case always
    /// Shown when a choice field holds `code` (single or multiple choice).
    case contains(FieldKey, String)
    /// Shown unless a choice field holds `code` (the status form's reason, unless "duplicate").
    case lacks(FieldKey, String)
    /// Shown when the field has any answer.
    case answered(FieldKey)
    /// Shown while the field has no answer (an estimated age only without a birth date).
    case unanswered(FieldKey)

    /// The fields the condition reads.
    public var referencedFields: [FieldKey] {
        switch self {
        case .always: []
        case .contains(let key, _), .lacks(let key, _), .answered(let key), .unanswered(let key): [key]
        }
    }

    public func isSatisfied(by values: [FieldKey: FieldValue]) -> Bool {
        switch self {
        case .always: true
        case .contains(let key, let code): values[key]?.contains(code) ?? false
        case .lacks(let key, let code): !(values[key]?.contains(code) ?? false)
        case .answered(let key): values[key] != nil
        case .unanswered(let key): values[key] == nil
        }
    }
}
