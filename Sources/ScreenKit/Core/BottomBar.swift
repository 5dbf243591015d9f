import Terminal

/// The Norton/Far/Midnight Commander key bar: `1Help 2Save … 10Quit`, the key in `barKey` style,
/// the label highlighted in `barLabel`. F-keys come first in numeric order, then other keys
/// ("^L Lock"). Labels share the width evenly and keep a space after them; a label too long is
/// cut (with "…" when there is room for it); when not even two letters per label fit, items are
/// dropped from the end.
struct BottomBar {
    var bindings: [Binding]

    func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let items = bindings.filter(\.showInBar).compactMap { binding in
            binding.barKey.map { key in
                (key: key.barName, label: (key.functionNumber == Int.max ? " " : "") + binding.label, order: key.functionNumber)
            }
        }
        var shown = items.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        func labelWidth() -> Int {
            (area.width - shown.reduce(0) { $0 + $1.key.displayWidth }) / max(1, shown.count)
        }
        while !shown.isEmpty, labelWidth() < 2 { shown.removeLast() }
        let width = labelWidth()
        var x = area.x
        for (index, item) in shown.enumerated() {
            x += canvas.write(item.key, at: Point(x: x, y: area.y), role: .barKey, clip: area)
            let room = index == shown.count - 1 ? area.maxX - x : width
            let label = room >= 5 ? DisplayWidth.pad(item.label, to: room - 1) + " "
                : String(DisplayWidth.prefix(of: item.label, fitting: room).text)
            canvas.fill(Rect(x: x, y: area.y, width: room, height: 1), role: .barLabel)
            canvas.write(label, at: Point(x: x, y: area.y), role: .barLabel, clip: area)
            x += room
        }
    }
}

extension Key {
    var functionNumber: Int { if case .function(let n) = self { n } else { Int.max } }
}
