import Terminal

/// The Norton/Far/Midnight Commander key bar: `1Help 2Save … 10Quit`, the key in `barKey` style,
/// the label highlighted in `barLabel`. F-keys come first in numeric order, then other keys
/// ("^L Lock"). Items share the width evenly; labels are cut with "…", and items that cannot show
/// even their key and one letter are dropped from the end.
struct BottomBar {
    var bindings: [Binding]

    func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let items = bindings.filter(\.showInBar).compactMap { b in b.barKey.map { (key: $0, label: b.label) } }
        let fkeys = items.filter { if case .function = $0.key { true } else { false } }
            .sorted { $0.key.functionNumber < $1.key.functionNumber }
        let others = items.filter { if case .function = $0.key { false } else { true } }
        var shown = fkeys + others
        while !shown.isEmpty, area.width / shown.count < minimumWidth(shown) { shown.removeLast() }
        guard !shown.isEmpty else { return }
        let slot = area.width / shown.count
        for (i, item) in shown.enumerated() {
            let x = area.x + i * slot
            let keyText = item.key.barName + (item.key.functionNumber == Int.max ? " " : "")
            let keyWidth = canvas.write(keyText, at: Point(x: x, y: area.y), role: .barKey, clip: area)
            let width = (i == shown.count - 1 ? area.maxX - x : slot) - keyWidth - 1
            canvas.write(DisplayWidth.pad(item.label, to: max(0, width)), at: Point(x: x + keyWidth, y: area.y), role: .barLabel, clip: area)
        }
    }

    private func minimumWidth(_ items: [(key: Key, label: String)]) -> Int {
        (items.map { $0.key.barName.displayWidth }.max() ?? 0) + 3
    }
}

extension Key {
    var functionNumber: Int { if case .function(let n) = self { n } else { Int.max } }
}
