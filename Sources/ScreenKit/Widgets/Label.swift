import Terminal

/// One line of text, cut with "…" when too long.
public final class Label: Widget {
    public var text: String
    public var role: Role
    public var alignRight: Bool
    public var isHidden = false

    public init(_ text: String, role: Role = .normal, alignRight: Bool = false) {
        self.text = text
        self.role = role
        self.alignRight = alignRight
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        canvas.line(text, in: area.row(0), role: role, alignRight: alignRight)
    }
}
