import Terminal

/// A date input. Accepts `dd.mm.yyyy`, `d.m.yyyy` and `yyyy-mm-dd`; shows `dd.mm.yyyy` when not
/// focused; `t` or `т` (and `е`, which is on the T key in ЙЦУКЕН) fills in today.
public final class DateField: TextFieldBacked {
    public let field: TextField
    private let today: () -> CalendarDate
    public var isHidden = false
    public var fieldWidth: Int { 11 }

    /// - Parameter today: injectable so tests and the app's clock agree.
    public init(_ date: CalendarDate? = nil, today: @escaping () -> CalendarDate = CalendarDate.today, helpText: String? = nil) {
        field = TextField(date?.dotted ?? "", maxLength: 10, helpText: helpText)
        field.allows = { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
        self.today = today
    }

    /// The date, or nil when the field is empty or the text is not a valid date.
    public var date: CalendarDate? {
        get { CalendarDate(parsing: field.text) }
        set { field.text = newValue?.dotted ?? "" }
    }

    /// True when something is typed that is not a valid date.
    public var isInvalid: Bool { !field.text.isEmpty && date == nil }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        if case .key(.character(let c)) = event, c.lowercased() == "т" || KeyboardLayout.sameKey(c, "t") {
            date = today()
            return true
        }
        return field.handle(event, app: app)
    }

    /// Once the person moved on, a date typed as 1.2.2026 or 2026-02-01 shows as 01.02.2026 (the
    /// same value).
    public func didLoseFocus() {
        if let date, date.dotted != field.text { field.editor.setText(date.dotted) }
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        field.draw(in: fieldRow(in: area), on: canvas, focused: canvas.isFocused(self), placeholder: canvas.strings.dateHint)
    }
}
