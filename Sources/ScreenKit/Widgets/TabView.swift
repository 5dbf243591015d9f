import Terminal

/// A section switcher for a multi-part view: a strip of titles and the selected section below.
/// F7/F8 switch sections (keys and labels can be changed); only the selected section is drawn and
/// focusable.
public final class TabView: Widget {
    public var tabs: [(title: String, content: any Widget)]
    public var selected = 0
    public var previousKey: Key = .function(7)
    public var nextKey: Key = .function(8)
    public var previousLabel: String
    public var nextLabel: String
    public var isHidden = false
    /// Whether F7/F8 take room in the key bar. A screen with many keys of its own leaves them to
    /// the strip's ‹ › and its help, so its own labels stay whole words at 80 columns.
    public var showsKeysInBar = true

    public init(_ tabs: [(String, any Widget)], strings: ScreenKitStrings = .english) {
        self.tabs = tabs.map { (title: $0.0, content: $0.1) }
        previousLabel = strings.previousPage
        nextLabel = strings.nextPage
    }

    public var children: [any Widget] { tabs.indices.contains(selected) ? [tabs[selected].content] : [] }

    public var bindings: [Binding] {
        [Binding(previousKey, label: previousLabel, showInBar: showsKeysInBar) { [unowned self] in select(selected - 1) },
         Binding(nextKey, label: nextLabel, showInBar: showsKeysInBar) { [unowned self] in select(selected + 1) }]
    }

    public func select(_ index: Int) {
        guard !tabs.isEmpty else { return }
        selected = (index + tabs.count) % tabs.count
    }

    public func layout(in area: Rect, focused: (any Widget)?) {
        children.first?.layout(in: area.inset(top: 1), focused: focused)
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let shown = shownTabs(width: area.width)
        var x = area.x
        if shown.lowerBound > 0 { x += canvas.write("‹", at: Point(x: x, y: area.y), role: .muted, clip: area.row(0)) }
        for index in shown {
            x += canvas.write(" \(tabs[index].title) ", at: Point(x: x, y: area.y), role: index == selected ? .selection : .muted, clip: area.row(0))
            x += canvas.write("│", at: Point(x: x, y: area.y), role: .muted, clip: area.row(0))
        }
        if shown.upperBound < tabs.count { canvas.write("›", at: Point(x: x, y: area.y), role: .muted, clip: area.row(0)) }
        children.first?.draw(in: area.inset(top: 1), on: canvas)
    }

    /// The tabs whose titles fit whole in `width`: all of them, or the selected one and as many of
    /// its neighbours as fit beside the "‹"/"›" that say more are hidden — never a cut title.
    private func shownTabs(width: Int) -> Range<Int> {
        let cells = tabs.map { DisplayWidth.of($0.title) + 3 }  // " title " and "│"
        func fits(_ range: Range<Int>) -> Bool {
            let markers = (range.lowerBound > 0 ? 1 : 0) + (range.upperBound < tabs.count ? 1 : 0)
            return cells[range].reduce(markers, +) <= width
        }
        guard !tabs.isEmpty, !fits(tabs.indices) else { return tabs.indices }
        var shown = selected..<(selected + 1)
        while true {
            if shown.upperBound < tabs.count, fits(shown.lowerBound..<(shown.upperBound + 1)) {
                shown = shown.lowerBound..<(shown.upperBound + 1)
            } else if shown.lowerBound > 0, fits((shown.lowerBound - 1)..<shown.upperBound) {
                shown = (shown.lowerBound - 1)..<shown.upperBound
            } else {
                return shown
            }
        }
    }
}
