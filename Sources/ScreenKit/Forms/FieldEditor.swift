/// A widget that edits one form value. Each kind of field has one (see `EditorKind`).
public protocol FieldEditor: Widget {
    var value: FormValue { get set }
    var onChange: (() -> Void)? { get set }
    var hasError: Bool { get set }
    /// Text that cannot become a value (an impossible date), as a message; nil otherwise.
    func inputProblem(_ strings: ScreenKitStrings) -> String?
    /// A value this editor cannot hold (a code none of its options has: a draft made with an
    /// older list), as a message; nil otherwise.
    func problem(with value: FormValue, _ strings: ScreenKitStrings) -> String?
}

extension FieldEditor {
    public func inputProblem(_ strings: ScreenKitStrings) -> String? { nil }
    public func problem(with value: FormValue, _ strings: ScreenKitStrings) -> String? { nil }
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
    public func problem(with value: FormValue, _ strings: ScreenKitStrings) -> String? {
        guard case .choice(let code) = value, !options.contains(where: { $0.code == code }) else { return nil }
        return strings.notAChoice
    }
}

extension MultiChoiceField: FieldEditor {
    public var value: FormValue {
        get { checkedCodes.isEmpty ? .none : .choices(checkedCodes) }
        set { if case .choices(let codes) = newValue { checkedCodes = codes } else { checkedCodes = [] } }
    }
    public func problem(with value: FormValue, _ strings: ScreenKitStrings) -> String? {
        guard case .choices(let codes) = value, !codes.allSatisfy({ code in options.contains { $0.code == code } }) else { return nil }
        return strings.notAChoice
    }
}

extension EditorKind {
    /// One line of text, at most `maxLength` graphemes.
    public static func text(maxLength: Int? = nil) -> EditorKind { EditorKind { TextField(maxLength: maxLength, helpText: $0.help) } }
    /// A masked single line (passphrases).
    public static var secret: EditorKind { EditorKind { TextField(masked: true, helpText: $0.help) } }
    /// Multi-line notes.
    public static func notes(rows: Int = 4) -> EditorKind { EditorKind { TextArea(rows: rows, helpText: $0.help) } }
    public static var date: EditorKind { EditorKind { DateField(today: $0.today, helpText: $0.help) } }
    public static func number(range: ClosedRange<Int>? = nil) -> EditorKind {
        EditorKind { NumberField(range: range, helpText: $0.help) }
    }
    public static func choice(_ options: [ChoiceOption]) -> EditorKind {
        EditorKind { ChoiceField(options, title: $0.label, helpText: $0.help) }
    }
    public static func multiChoice(_ options: [ChoiceOption]) -> EditorKind {
        EditorKind { MultiChoiceField(options, helpText: $0.help) }
    }
    /// A choice of Yes / No / Unknown, codes "yes", "no", "unknown".
    public static var yesNoUnknown: EditorKind { EditorKind { ChoiceField.yesNoUnknown($0.strings, title: $0.label, helpText: $0.help) } }
}
