import Terminal

/// A single-line text input.
///
/// Keys: Left/Right/Home/End, Ctrl-Left/Right by word, Backspace/Delete by grapheme; typing
/// inserts; as in readline (bash), Ctrl-A/Ctrl-E go to the start/end, Ctrl-U/Ctrl-K delete to the
/// start/end and Ctrl-W the word before the cursor. A paste is inserted whole, with newlines and
/// tabs turned into spaces. Text longer than the field scrolls sideways to keep the cursor and a
/// few graphemes around it visible while focused; left, it shows its beginning cut with "…".
/// Masked fields show "•" per grapheme.
public final class TextField: Widget {
    public var editor: LineEditor
    public var isMasked: Bool
    /// Shown dimmed while the field is empty and not focused.
    public var placeholder: String
    /// Which typed or pasted graphemes are accepted (all when nil).
    public var allows: ((Character) -> Bool)?
    /// Called after every change of the text.
    public var onChange: (() -> Void)?
    public var helpText: String?
    public var isHidden = false
    /// Draws the text in the error role (set by forms while the value is invalid).
    public var hasError = false
    /// First grapheme shown: the horizontal scroll.
    private var scroll = 0

    public init(_ text: String = "", maxLength: Int? = nil, masked: Bool = false, placeholder: String = "", helpText: String? = nil) {
        editor = LineEditor(text, maxLength: maxLength)
        isMasked = masked
        self.placeholder = placeholder
        self.helpText = helpText
    }

    public var text: String {
        get { editor.text }
        set { editor.setText(newValue); onChange?() }
    }

    public var canFocus: Bool { true }
    public var consumesText: Bool { true }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        let before = editor.characters
        switch event {
        case .paste(let pasted):
            insert(String(pasted.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
        case .key(.character(let c)): insert(String(c))
        case .key(.left): editor.moveLeft()
        case .key(.right): editor.moveRight()
        case .key(.home), .key(.control("a")): editor.move(to: 0)
        case .key(.end), .key(.control("e")): editor.move(to: editor.characters.count)
        case .key(.control("u")): editor.deleteBackward(to: 0)
        case .key(.control("k")): editor.deleteForward(to: editor.characters.count)
        case .key(.control("w")): editor.deleteBackward(to: editor.startOfWordBeforeCursor)
        case .key(.wordLeft): editor.moveWordLeft()
        case .key(.wordRight): editor.moveWordRight()
        case .key(.backspace): editor.deleteBackward()
        case .key(.delete): editor.deleteForward()
        default: return false
        }
        if editor.characters != before { onChange?() }
        return true
    }

    private func insert(_ text: String) {
        editor.insert(allows.map { allowed in String(text.filter(allowed)) } ?? text)
    }

    /// The graphemes as drawn: the text, or one "•" per grapheme when masked.
    private var shown: [Character] { isMasked ? Array(repeating: Character("•"), count: editor.characters.count) : editor.characters }

    /// Scrolls so the cursor is inside the field's row, leaving one column for it at the end;
    /// moving back past the left edge scrolls a third of the field at once, so what is just before
    /// the cursor stays in sight. Widgets built around a text field lay it out in the row they
    /// draw it in.
    public func layout(in area: Rect, focused: (any Widget)?) {
        let width = area.row(0).width
        guard width > 0 else { return }
        let shown = shown
        var start = editor.cursor, used = 0
        while start > 0, used + shown[start - 1].displayWidth <= width - 1 {
            start -= 1
            used += shown[start].displayWidth
        }
        if editor.cursor < scroll { scroll = max(0, editor.cursor - width / 3) }
        scroll = max(start, min(scroll, editor.cursor))
    }

    public func draw(in area: Rect, on canvas: Canvas) { draw(in: area, on: canvas, focused: canvas.isFocused(self)) }

    /// Draws as focused or not, with `placeholder` instead of the field's own when given; for
    /// widgets built around a text field (date, number).
    public func draw(in area: Rect, on canvas: Canvas, focused: Bool, placeholder: String? = nil) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        canvas.fill(row, role: .field(focused: focused, hasError: hasError))
        if editor.characters.isEmpty, !focused {
            canvas.write(DisplayWidth.truncate(placeholder ?? self.placeholder, to: row.width), at: row.origin, role: hasError ? .error : .muted, clip: row)
            return
        }
        let shown = shown
        // Left, the value shows its beginning, "…" where it is cut: the scroll is for editing.
        guard focused else {
            canvas.write(DisplayWidth.truncate(String(shown), to: row.width), at: row.origin, role: .field(focused: false, hasError: hasError), clip: row)
            return
        }
        let first = min(scroll, shown.count)  // the text may have been set since the layout
        canvas.write(String(shown[first...]), at: row.origin, role: .field(focused: true, hasError: hasError), clip: row)
        canvas.setCursor(Point(x: row.x + DisplayWidth.of(String(shown[first..<max(first, editor.cursor)])), y: row.y), clip: row)
    }
}
