/// A widget that edits its value as text in a `TextField` (dates, numbers): focus, text input,
/// change callback, error state and help all come from the field.
public protocol TextFieldBacked: Widget {
    var field: TextField { get }
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
}
