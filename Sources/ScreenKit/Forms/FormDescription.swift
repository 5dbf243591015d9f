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

/// The kind of editor a field has: what makes it. The kinds ScreenKit offers (`.text`, `.secret`,
/// `.notes`, `.date`, `.number`, `.choice`, `.multiChoice`, `.yesNoUnknown`) are declared beside
/// the editors' `FieldEditor` conformances; a new kind is a widget and one such declaration, and
/// nothing else in the form engine changes.
public struct EditorKind {
    public let makeEditor: (EditorContext) -> any FieldEditor

    public init(_ makeEditor: @escaping (EditorContext) -> any FieldEditor) { self.makeEditor = makeEditor }
}

/// What an editor may need to know when it is made.
public struct EditorContext {
    /// The field's label (a choice list's title) and help (F1).
    public let label: String
    public let help: String?
    public let strings: ScreenKitStrings
    public let today: () -> CalendarDate

    init(field: FormField, strings: ScreenKitStrings, today: @escaping () -> CalendarDate) {
        label = field.label
        help = field.help
        self.strings = strings
        self.today = today
    }
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
    /// The person is younger than `years` on the day in the date field `on` (on `otherwise` while
    /// it is empty): by the date field `born`, else by the number field `age` (an age on that day).
    case younger(than: Int, born: String, age: String, on: String, otherwise: CalendarDate)

    public func holds(in values: FormValues) -> Bool {
        switch self {
        case .always: true
        case .contains(let key, let code): values[key]?.contains(code) ?? false
        case .lacks(let key, let code): !(values[key]?.contains(code) ?? false)
        case .answered(let key): !(values[key] ?? .none).isEmpty
        case .unanswered(let key): (values[key] ?? .none).isEmpty
        case .younger(let years, let born, let age, let on, let otherwise):
            if case .date(let birth) = values[born] {
                birth.age(on: { if case .date(let day) = values[on] { day } else { otherwise } }()) < years
            } else if case .number(let number) = values[age] {
                number < years
            } else {
                false
            }
        }
    }
}
