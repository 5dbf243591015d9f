import Terminal

/// A whole-number input: digits only, with an optional allowed range.
public final class NumberField: TextFieldBacked {
    public let field: TextField
    public var range: ClosedRange<Int>?
    public var isHidden = false
    public var fieldWidth: Int { 10 }

    public init(_ value: Int? = nil, range: ClosedRange<Int>? = nil, helpText: String? = nil) {
        field = TextField(value.map(String.init) ?? "", maxLength: 9, helpText: helpText)
        field.allows = { $0.isASCII && $0.isNumber }
        self.range = range
    }

    public var number: Int? {
        get { Int(field.text) }
        set { field.text = newValue.map(String.init) ?? "" }
    }

    /// Why the value is not acceptable, or nil.
    public func problem(_ strings: ScreenKitStrings) -> String? {
        guard let number, let range, !range.contains(number) else { return nil }
        return strings.numberOutOfRange(range)
    }

    public func handle(_ event: InputEvent, app: Application) -> Bool { field.handle(event, app: app) }

    public func draw(in area: Rect, on canvas: Canvas) {
        field.draw(in: fieldRow(in: area), on: canvas, focused: canvas.isFocused(self))
    }
}
