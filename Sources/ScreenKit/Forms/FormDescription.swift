/// What a form asks, as data: the app builds this from CaseModel's schema, and `FormScreen` turns
/// it into pages of editors.
public struct FormDescription {
    public var title: String
    public var pages: [FormPage]
    public init(title: String, pages: [FormPage]) { self.title = title; self.pages = pages }
}

/// One page of a form (a group, in huh's words), shown as "Page 2/5 · Consent".
public struct FormPage {
    public var title: String
    public var fields: [FormField]
    public init(title: String, fields: [FormField]) { self.title = title; self.fields = fields }
}

/// The kinds of editor a field can have.
public enum EditorKind {
    case text(maxLength: Int? = nil)
    /// A masked single line (passphrases).
    case secret
    /// Multi-line notes.
    case notes(rows: Int = 4)
    case date
    case number(range: ClosedRange<Int>? = nil)
    case choice([ChoiceOption])
    case multiChoice([ChoiceOption])
    /// A choice of Yes / No / Unknown, codes "yes", "no", "unknown".
    case yesNoUnknown
}

public struct FormField {
    public var key: String
    /// Already translated.
    public var label: String
    public var kind: EditorKind
    public var isRequired: Bool
    /// When the field applies, given the current values; hidden and skipped when it does not.
    public var relevance: FormRelevance
    /// A problem with the value, or nil; runs after the required check, only on non-empty values.
    public var validate: ((FormValue, FormValues) -> String?)?
    /// Shown by F1 when the field has the focus.
    public var help: String?

    public init(_ key: String, _ label: String, _ kind: EditorKind, required: Bool = false,
                relevantWhen relevance: FormRelevance = .always,
                validate: ((FormValue, FormValues) -> String?)? = nil, help: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.isRequired = required
        self.relevance = relevance
        self.validate = validate
        self.help = help
    }
}

/// When a field applies (XLSForm's "relevant"), as data rather than a closure: the app passes the
/// schema's conditions through as they are declared, and `Form` reads them on its own values.
public enum FormRelevance: Hashable, Sendable {
    case always
    /// A choice field (one or several options) holds `code`.
    case contains(String, code: String)
    /// A choice field does not hold `code` (the status form's reason, unless "duplicate" is chosen).
    case lacks(String, code: String)
    /// The field has an answer.
    case answered(String)
    /// The field has no answer (an estimated age only without a birth date).
    case unanswered(String)

    public func holds(in values: FormValues) -> Bool {
        switch self {
        case .always: true
        case .contains(let key, let code): values[key]?.contains(code) ?? false
        case .lacks(let key, let code): !(values[key]?.contains(code) ?? false)
        case .answered(let key): !(values[key] ?? .none).isEmpty
        case .unanswered(let key): (values[key] ?? .none).isEmpty
        }
    }
}
