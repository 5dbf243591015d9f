import Terminal

/// Where one frame is drawn: the cell grid, the theme that turns roles into styles, and the
/// cursor. Widgets get a `Rect` and must pass it as the clip of every write.
public final class Canvas {
    public private(set) var grid: CellGrid
    public let theme: Theme
    public let strings: ScreenKitStrings
    /// The widget with the keyboard on the top screen; it draws itself as focused.
    public let focused: (any Widget)?
    /// Where the terminal cursor goes; set by the focused text widget.
    public var cursor: Point?

    /// A blank canvas; `focused` is the widget to draw as focused (tests draw widgets directly).
    public init(size: Size, theme: Theme, strings: ScreenKitStrings = .english, focused: (any Widget)? = nil) {
        grid = CellGrid(size: size)
        self.theme = theme
        self.strings = strings
        self.focused = focused
    }

    public func isFocused(_ widget: any Widget) -> Bool { focused === widget }

    /// Writes `text` in `role`'s style, clipped to `clip`. Returns the columns written.
    @discardableResult
    public func write(_ text: some StringProtocol, at point: Point, role: Role = .normal, clip: Rect) -> Int {
        grid.write(text, at: point, style: theme[role], clip: clip)
    }

    /// Writes `text` cut with "…" or padded to exactly `area`'s first row.
    public func line(_ text: String, in area: Rect, role: Role = .normal, alignRight: Bool = false) {
        grid.line(text, in: area, style: theme[role], alignRight: alignRight)
    }

    public func fill(_ rect: Rect, role: Role) { grid.fill(rect, with: Cell(" ", style: theme[role])) }

    /// Places the cursor, if `point` is inside `clip`.
    public func setCursor(_ point: Point, clip: Rect) {
        if clip.contains(point) { cursor = point }
    }

    /// A single-line frame around `rect` with a title in the top edge.
    public func box(_ rect: Rect, title: String, role: Role) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect, role: role)
        let inner = String(repeating: "─", count: rect.width - 2)
        write("┌" + inner + "┐", at: rect.origin, role: role, clip: rect)
        write("└" + inner + "┘", at: Point(x: rect.x, y: rect.maxY - 1), role: role, clip: rect)
        for y in rect.y + 1..<rect.maxY - 1 {
            write("│", at: Point(x: rect.x, y: y), role: role, clip: rect)
            write("│", at: Point(x: rect.maxX - 1, y: y), role: role, clip: rect)
        }
        if !title.isEmpty, rect.width > 4 {
            write(" " + DisplayWidth.truncate(title, to: rect.width - 4) + " ", at: Point(x: rect.x + 1, y: rect.y), role: role, clip: rect.inset(left: 1, right: 1))
        }
    }
}
