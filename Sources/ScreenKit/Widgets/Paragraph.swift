import Terminal

/// Text word-wrapped to its width. When it does not fit, the last visible line ends in "…"; a
/// `scrollable` paragraph takes the focus instead and scrolls with Up/Down/PgUp/PgDn, with ↑ and ↓
/// in its right-hand column where more is above or below — no line is cut to say so (a line
/// ending in its own "…", such as a menu key's label, would read "……").
public final class Paragraph: Widget {
    public var text: String { didSet { top = 0 } }
    public var role: Role
    public var scrollable: Bool
    public var isHidden = false
    /// What F1 says about a scrollable paragraph the user is reading.
    public var helpText: String?
    /// Columns by which the continuation of a wrapped line is indented (0: none).
    public var hangingIndent = 0
    private var top = 0
    private var lastSize = Size(width: 0, height: 0)

    public init(_ text: String, role: Role = .normal, scrollable: Bool = false) {
        self.text = text
        self.role = role
        self.scrollable = scrollable
    }

    public var canFocus: Bool { scrollable }

    public func preferredHeight(width: Int) -> Int { wrapped(width: width).count }

    private func wrapped(width: Int) -> [String] { TextWrap.lines(text, width: width, hangingIndent: hangingIndent) }

    /// The lines shown in `size`: wrapped at its width, or, scrollable and longer than its
    /// height, two columns narrower, leaving a space and the column of the ↑/↓ marks.
    private func wrapped(in size: Size) -> (lines: [String], marked: Bool) {
        let lines = wrapped(width: size.width)
        guard scrollable, lines.count > size.height, size.width > 2 else { return (lines, false) }
        return (wrapped(width: size.width - 2), true)
    }

    /// Remembers the size for PgUp/PgDn (a page before the first frame is already the real one) and
    /// keeps the scroll inside the text.
    public func layout(in area: Rect, focused: (any Widget)?) {
        lastSize = area.size
        top = Self.clamped(top, lines: wrapped(in: area.size).lines.count, height: area.height)
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        let (lines, marked) = wrapped(in: area.size)
        let top = Self.clamped(top, lines: lines.count, height: area.height)  // drawn in an area it was not laid out in
        let more = top + area.height < lines.count
        for row in 0..<min(area.height, lines.count - top) {
            var line = lines[top + row]
            if !marked, more, row == area.height - 1 {
                line = String(DisplayWidth.prefix(of: line, fitting: area.width - 1).text) + "…"
            }
            canvas.write(line, at: Point(x: area.x, y: area.y + row), role: role, clip: area)
        }
        guard marked else { return }
        if top > 0 { canvas.write("↑", at: Point(x: area.maxX - 1, y: area.y), role: .accent, clip: area) }
        if more { canvas.write("↓", at: Point(x: area.maxX - 1, y: area.maxY - 1), role: .accent, clip: area) }
    }

    /// The first line shown: the last page ends at the last line.
    private static func clamped(_ top: Int, lines: Int, height: Int) -> Int { max(0, min(top, lines - height)) }

    /// Whether the text is longer than the area it was laid out in, so that its keys scroll it.
    public var isLongerThanItsArea: Bool { wrapped(in: lastSize).marked }

    /// Up/Down by a line, PgUp/PgDn by a page, Home to the start.
    public func handle(_ event: InputEvent, app: Application) -> Bool {
        guard scrollable, case .key(let key) = event else { return false }
        return scroll(key)
    }

    /// Scrolls as `key` does; false for a key that does not scroll.
    @discardableResult
    public func scroll(_ key: Key) -> Bool {
        let page = max(1, lastSize.height - 1)
        switch key {
        case .up: top = max(0, top - 1)
        case .down: top += 1
        case .pageUp: top = max(0, top - page)
        case .pageDown: top += page
        case .home: top = 0
        default: return false
        }
        return true
    }
}
