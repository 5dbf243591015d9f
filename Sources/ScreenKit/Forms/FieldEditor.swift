/// A widget that edits one form value. Each kind of field has one (see `EditorKind`).
public protocol FieldEditor: Widget {
    var value: FormValue { get set }
    var onChange: (() -> Void)? { get set }
    var hasError: Bool { get set }
    /// Text that cannot become a value (an impossible date), as a message; nil otherwise.
    func inputProblem(_ strings: ScreenKitStrings) -> String?
}

extension FieldEditor {
    public func inputProblem(_ strings: ScreenKitStrings) -> String? { nil }
}

extension TextField: FieldEditor {
    public var value: FormValue {
        get { text.isEmpty ? .none : .text(text) }
        set { if case .text(let t) = newValue { text = t } else { text = "" } }
    }
}

extension TextArea: FieldEditor {
    public var value: FormValue {
        get { text.isEmpty ? .none : .text(text) }
        set { if case .text(let t) = newValue { text = t } else { text = "" } }
    }
}

extension DateField: FieldEditor {
    public var value: FormValue {
        get { date.map(FormValue.date) ?? .none }
        set { if case .date(let d) = newValue { date = d } else { date = nil } }
    }
    public func inputProblem(_ strings: ScreenKitStrings) -> String? {
        guard isInvalid else { return nil }
        let typed = field.text.filter { !$0.isWhitespace }
        return typed.count == 4 && typed.allSatisfy(\.isASCII) && Int(typed) != nil ? strings.yearOnlyDate : strings.invalidDate
    }
}

extension NumberField: FieldEditor {
    public var value: FormValue {
        get { number.map(FormValue.number) ?? .none }
        set { if case .number(let n) = newValue { number = n } else { number = nil } }
    }
    public func inputProblem(_ strings: ScreenKitStrings) -> String? { problem(strings) }
}

extension ChoiceField: FieldEditor {
    public var value: FormValue {
        get { selectedCode.map(FormValue.choice) ?? .none }
        set { if case .choice(let code) = newValue { selectedCode = code } else { selectedIndex = nil } }
    }
}

extension MultiChoiceField: FieldEditor {
    public var value: FormValue {
        get { checkedCodes.isEmpty ? .none : .choices(checkedCodes) }
        set { if case .choices(let codes) = newValue { checkedCodes = codes } else { checkedCodes = [] } }
    }
}

extension FormField {
    /// A new editor for this field, holding `value`.
    func makeEditor(value: FormValue, strings: ScreenKitStrings, today: @escaping () -> CalendarDate) -> any FieldEditor {
        var editor: any FieldEditor
        switch kind {
        case .text(let maxLength): editor = TextField(maxLength: maxLength, helpText: help)
        case .secret: editor = TextField(masked: true, helpText: help)
        case .notes(let rows): editor = TextArea(rows: rows, helpText: help)
        case .date: editor = DateField(today: today, helpText: help)
        case .number(let range): editor = NumberField(range: range, helpText: help)
        case .choice(let options): editor = ChoiceField(options, title: label, helpText: help)
        case .multiChoice(let options): editor = MultiChoiceField(options, helpText: help)
        case .yesNoUnknown: editor = ChoiceField.yesNoUnknown(strings, title: label, helpText: help)
        }
        editor.value = value
        return editor
    }
}
