import Terminal

/// A row or column of widgets with fixed, flexible or automatic sizes: the container screens are
/// built from. Hidden children take no room.
public final class Stack: Widget {
    public var axis: Axis
    public var spacing: Int
    public var items: [(length: Length, widget: any Widget)]
    public var isHidden = false

    public init(_ axis: Axis, spacing: Int = 0, _ items: [(Length, any Widget)]) {
        self.axis = axis
        self.spacing = spacing
        self.items = items.map { (length: $0.0, widget: $0.1) }
    }

    public var children: [any Widget] { items.map(\.widget) }

    public func preferredHeight(width: Int) -> Int {
        let visible = items.filter { !$0.widget.isHidden }
        let heights = visible.map { item -> Int in
            switch item.length {
            case .fixed(let n): return axis == .vertical ? n : item.widget.preferredHeight(width: width)
            default: return item.widget.preferredHeight(width: width)
            }
        }
        return axis == .vertical ? heights.reduce(0, +) + spacing * max(0, visible.count - 1) : heights.max() ?? 0
    }

    public func layout(in area: Rect, focused: (any Widget)?) {
        for (widget, rect) in placements(in: area) { widget.layout(in: rect, focused: focused) }
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        for (widget, rect) in placements(in: area) { widget.draw(in: rect, on: canvas) }
    }

    /// The visible children with their non-empty areas.
    private func placements(in area: Rect) -> [(any Widget, Rect)] {
        let visible = items.filter { !$0.widget.isHidden }
        let lengths = visible.map { item -> Length in
            if case .auto = item.length, axis == .vertical { return .fixed(item.widget.preferredHeight(width: area.width)) }
            return item.length
        }
        return zip(visible, Layout.split(area, axis, lengths, spacing: spacing)).filter { !$0.1.isEmpty }.map { ($0.0.widget, $0.1) }
    }
}

/// Empty space.
public final class Spacer: Widget {
    public init() {}
    public func preferredHeight(width: Int) -> Int { 0 }
    public func draw(in area: Rect, on canvas: Canvas) {}
}
