import Terminal
@testable import ScreenKit

/// An app on a virtual terminal, for scripting keys and reading rows.
func makeApp(width: Int = 80, height: Int = 24, colors: Capabilities = .eightColors) -> (Application, VirtualTerminal) {
    let terminal = VirtualTerminal(size: Size(width: width, height: height), capabilities: colors)
    return (Application(terminal: terminal), terminal)
}

/// Shows `widgets` in a column, each one row high (or `.auto`), on a plain screen.
@discardableResult
func show(_ widgets: [any Widget], in app: Application, title: String = "Test", lengths: [Length]? = nil) -> Screen {
    let stack = Stack(.vertical, widgets.enumerated().map { (lengths?[$0.offset] ?? .fixed(1), $0.element) })
    let screen = Screen(title: title, root: stack)
    app.push(screen)
    app.runUntilIdle()
    return screen
}

/// The rows of the body (between top line and bottom bar), trailing spaces trimmed.
func body(_ terminal: VirtualTerminal) -> [String] {
    (1..<terminal.size.height - 1).map(terminal.row)
}

/// A data source of `count` numbered rows that records which rows were asked for.
final class NumberedRows: TableDataSource {
    var count: Int
    var filter: Int? = nil  // keep only rows divisible by this
    var descending = false
    private(set) var requested: [Int] = []

    init(_ count: Int) { self.count = count }

    var rowCount: Int { filter.map { (count + $0 - 1) / $0 } ?? count }

    func cells(forRow row: Int) -> [String] {
        requested.append(row)
        var n = filter.map { row * $0 } ?? row
        if descending { n = count - 1 - n }
        return ["Row \(n)", "\(n * 2)"]
    }

    func sort(byColumn column: Int, ascending: Bool) { descending = !ascending }

    func resetRequests() { requested = [] }
}

/// Checks that nothing was drawn outside `area` of the grid (all blank there).
func blankOutside(_ area: Rect, in terminal: VirtualTerminal) -> Bool {
    let rows = terminal.rows
    for (y, row) in rows.enumerated() {
        for (x, character) in row.enumerated() where !area.contains(Point(x: x, y: y)) && character != " " { return false }
    }
    return true
}

/// A focusable widget that takes the keys in `takes` and records what reached it.
final class Probe: Widget {
    var takes: Set<Key>
    var text: Bool
    var log: [String] = []
    let name: String
    var ownBindings: [Binding] = []

    init(_ name: String = "probe", takes: Set<Key> = [], consumesText: Bool = false) {
        self.name = name
        self.takes = takes
        text = consumesText
    }

    var canFocus: Bool { true }
    var consumesText: Bool { text }
    var bindings: [Binding] { ownBindings }
    func draw(in area: Rect, on canvas: Canvas) { canvas.line(name, in: area.row(0)) }
    func handle(_ event: InputEvent, app: Application) -> Bool {
        guard case .key(let key) = event, takes.contains(key) else { return false }
        log.append(key.name)
        return true
    }
}

/// A container with its own bindings around one child.
final class Box: Widget {
    let child: any Widget
    var ownBindings: [Binding] = []
    init(_ child: any Widget) { self.child = child }
    var children: [any Widget] { [child] }
    var bindings: [Binding] { ownBindings }
    func layout(in area: Rect, focused: (any Widget)?) { child.layout(in: area, focused: focused) }
    func draw(in area: Rect, on canvas: Canvas) { child.draw(in: area, on: canvas) }
}

/// A screen with bindings given from outside.
final class TestScreen: Screen {
    var ownBindings: [Binding] = []
    override var bindings: [Binding] { ownBindings }
}

extension VirtualTerminal {
    func style(x: Int, y: Int) -> Style { frame.grid[x, y].style }
}
