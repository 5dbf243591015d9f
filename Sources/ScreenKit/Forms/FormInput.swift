/// One question of a form while it is being filled in, as a field is in huh: it owns its value,
/// its validation and whether the form skips it, and its editor owns what happens when the focus
/// comes and goes (`Widget.didGainFocus`, `didLoseFocus`). `Form` keeps the values, `FormScreen`
/// and `FormView` reach the fields only through this protocol, so they hold no switch over kinds.
///
/// The declaration (`FormField`: key, label, kind, required, relevance as data, rule, help) says
/// what is asked; the kind makes the editor (`EditorKind`); `FieldInput` puts the two together.
public protocol FormInput: AnyObject {
    var field: FormField { get }
    /// The widget that takes the keys and draws the value.
    var editor: any FieldEditor { get }
    /// The value as the editor holds it.
    var value: FormValue { get set }
    /// "Skip me": the field does not apply given the form's `values`, so it is hidden, passed by
    /// the focus, not checked and not saved. Read from the field's relevance, which stays data.
    func skips(given values: FormValues) -> Bool
    /// The problem with the value given all of the form's `values`, or nil: the editor's own
    /// (text that is no date), then required, then a value the editor cannot hold (a code no option
    /// has), then the field's rule. Nil for a skipped field.
    func problem(given values: FormValues, strings: ScreenKitStrings) -> String?
}

extension FormInput {
    public var value: FormValue {
        get { editor.value }
        set { editor.value = newValue }
    }

    public func skips(given values: FormValues) -> Bool { !field.relevance.holds(in: values) }

    public func problem(given values: FormValues, strings: ScreenKitStrings) -> String? {
        guard !skips(given: values) else { return nil }
        if let inputProblem = editor.inputProblem(strings) { return inputProblem }
        let value = values[field.key] ?? .none
        if value.isEmpty { return field.isRequired ? strings.required : nil }
        return editor.problem(with: value, strings) ?? field.validate?(value, values)
    }
}

/// The form field made of a declaration and the editor its kind makes.
public final class FieldInput: FormInput {
    public let field: FormField
    public let editor: any FieldEditor

    public init(_ field: FormField, value: FormValue, strings: ScreenKitStrings, today: @escaping () -> CalendarDate) {
        self.field = field
        editor = field.kind.makeEditor(EditorContext(field: field, strings: strings, today: today))
        editor.value = value
    }
}
