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
public enum FieldKind {
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
    public var kind: FieldKind
    public var isRequired: Bool
    /// Whether the field applies, given the current values; hidden and skipped when false.
    public var isRelevant: ((FormValues) -> Bool)?
    /// A problem with the value, or nil; runs after the required check, only on non-empty values.
    public var validate: ((FormValue, FormValues) -> String?)?
    /// Shown by F1 when the field has the focus.
    public var help: String?

    public init(_ key: String, _ label: String, _ kind: FieldKind, required: Bool = false,
                relevantWhen isRelevant: ((FormValues) -> Bool)? = nil,
                validate: ((FormValue, FormValues) -> String?)? = nil, help: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.isRequired = required
        self.isRelevant = isRelevant
        self.validate = validate
        self.help = help
    }
}
