import Terminal

/// A widget that edits its value as text in a `TextField` (dates, numbers): focus, text input,
/// change callback, error state and help all come from the field.
public protocol TextFieldBacked: Widget {
    var field: TextField { get }
    /// Columns the field takes at most (a date's ten digits and dots, a number's nine digits).
    var fieldWidth: Int { get }
}

extension TextFieldBacked {
    public var onChange: (() -> Void)? {
        get { field.onChange }
        set { field.onChange = newValue }
    }

    public var hasError: Bool {
        get { field.hasError }
        set { field.hasError = newValue }
    }

    public var canFocus: Bool { true }
    public var consumesText: Bool { true }
    public var helpText: String? { field.helpText }

    /// Where the field is laid out and drawn: the first row of `area`, at most `fieldWidth` wide.
    func fieldRow(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y, width: min(area.width, fieldWidth), height: min(1, area.height))
    }

    public func layout(in area: Rect, focused: (any Widget)?) { field.layout(in: fieldRow(in: area), focused: focused) }
}
