import Terminal

/// Text word-wrapped to its width. When it does not fit, the last visible line ends in "…"; a
/// `scrollable` paragraph takes the focus instead and scrolls with Up/Down/PgUp/PgDn.
public final class Paragraph: Widget {
    public var text: String { didSet { top = 0 } }
    public var role: Role
    public var scrollable: Bool
    public var isHidden = false
    /// What F1 says about a scrollable paragraph the user is reading.
    public var helpText: String?
    private var top = 0
    private var lastSize = Size(width: 0, height: 0)

    public init(_ text: String, role: Role = .normal, scrollable: Bool = false) {
        self.text = text
        self.role = role
        self.scrollable = scrollable
    }

    public var canFocus: Bool { scrollable }

    public func preferredHeight(width: Int) -> Int { TextWrap.lines(text, width: width).count }

    /// Remembers the size for PgUp/PgDn (a page before the first frame is already the real one) and
    /// keeps the scroll inside the text.
    public func layout(in area: Rect, focused: (any Widget)?) {
        lastSize = area.size
        top = Self.clamped(top, lines: TextWrap.lines(text, width: area.width).count, height: area.height)
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        let lines = TextWrap.lines(text, width: area.width)
        let top = Self.clamped(top, lines: lines.count, height: area.height)  // drawn in an area it was not laid out in
        for row in 0..<min(area.height, lines.count - top) {
            var line = lines[top + row]
            if row == area.height - 1, top + row < lines.count - 1 {
                line = String(DisplayWidth.prefix(of: line, fitting: area.width - 1).text) + "…"
            }
            canvas.write(line, at: Point(x: area.x, y: area.y + row), role: role, clip: area)
        }
    }

    /// The first line shown: the last page ends at the last line.
    private static func clamped(_ top: Int, lines: Int, height: Int) -> Int { max(0, min(top, lines - height)) }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        guard scrollable, case .key(let key) = event else { return false }
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
