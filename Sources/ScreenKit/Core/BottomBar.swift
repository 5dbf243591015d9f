import Terminal

/// The Norton/Far/Midnight Commander key bar: `1Help 2Save … 10Quit`, the key in `barKey` style,
/// the label highlighted in `barLabel`. F-keys come first in numeric order, then other keys
/// ("^L Lock"). Each label gets its own width plus a space when they all fit; otherwise whole
/// keys leave the bar — those other than F-keys first, then F-keys from the highest down, except
/// F1 (help lists every key), F10 (quit) and F12 (lock: someone walks in, and the screen must go
/// at once) — so no label is cut into a word nobody can read ("10Выхо"). Only a single key too
/// wide for the bar has its label cut.
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
        // F-keys come first: other keys (Esc, Ctrl-…) give way before any F-key label is cut.
        func fits() -> Bool { shown.reduce(0) { $0 + $1.key.displayWidth + $1.label.displayWidth + 1 } <= area.width + 1 }
        while !fits(), let last = shown.last, last.order == Int.max { shown.removeLast() }
        while !fits(), shown.count > 1 {
            let kept: Set<Int> = [1, 10, 12]
            if let index = shown.lastIndex(where: { !kept.contains($0.order) }) { shown.remove(at: index) } else { shown.removeLast() }
        }
        while !shown.isEmpty, labelWidth() < 2 { shown.removeLast() }
        let wants = shown.map { $0.label.displayWidth + 1 }
        let room = area.width - shown.reduce(0) { $0 + $1.key.displayWidth }
        // The last label needs no trailing space (as `fits` counts): labels one column too wide
        // for `room` still fit whole.
        let rooms = Self.share(wants.reduce(0, +) == room + 1 ? room + 1 : room, among: wants)
        var x = area.x
        for (index, item) in shown.enumerated() {
            x += canvas.write(item.key, at: Point(x: x, y: area.y), role: .barKey, clip: area)
            let room = index == shown.count - 1 ? area.maxX - x : rooms[index]
            let label = room >= 5 ? DisplayWidth.pad(item.label, to: room - 1) + " "
                : String(DisplayWidth.prefix(of: item.label, fitting: room).text)
            canvas.fill(Rect(x: x, y: area.y, width: room, height: 1), role: .barLabel)
            canvas.write(label, at: Point(x: x, y: area.y), role: .barLabel, clip: area)
            x += room
        }
    }

    /// Splits `total` columns among labels that would like `wants` columns each (water-filling).
    /// When they fit, the short ones are raised to a common width so the bar spreads evenly, as in
    /// Midnight Commander; when they do not, the long ones are cut to a common width, so short
    /// labels stay whole.
    static func share(_ total: Int, among wants: [Int]) -> [Int] {
        guard !wants.isEmpty else { return [] }
        let fits = wants.reduce(0, +) <= total
        var level = fits ? 0 : total / wants.count
        let width = { (level: Int) in wants.reduce(0) { $0 + (fits ? max($1, level) : min($1, level)) } }
        while width(level + 1) <= total, fits || wants.contains(where: { $0 > level }) { level += 1 }
        var rooms = wants.map { fits ? max($0, level) : min($0, level) }
        var spare = total - rooms.reduce(0, +)
        for index in rooms.indices where spare > 0 && (fits || wants[index] > rooms[index]) {
            rooms[index] += 1
            spare -= 1
        }
        return rooms
    }
}

extension Key {
    var functionNumber: Int { if case .function(let n) = self { n } else { Int.max } }
}
