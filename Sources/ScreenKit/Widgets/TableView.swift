import Terminal

/// Where a table's rows come from. The table asks only for `rowCount` and for the rows it shows,
/// so a source of 200,000 rows (an index over the event log) is as fast as one of 20.
public protocol TableDataSource: AnyObject {
    var rowCount: Int { get }
    /// The cell texts of `row`, one per column.
    func cells(forRow row: Int) -> [String]
    /// Reorders the rows. Sources that cannot sort ignore it (the default).
    func sort(byColumn column: Int, ascending: Bool)
}

extension TableDataSource {
    public func sort(byColumn column: Int, ascending: Bool) {}
}

/// Rows held in an array, each with the key it stands for (a name, an id): for short lists.
public final class TableRows<Key>: TableDataSource {
    public var items: [(key: Key, cells: [String])]

    public init(_ items: [(key: Key, cells: [String])] = []) { self.items = items }

    public var rowCount: Int { items.count }
    public func cells(forRow row: Int) -> [String] { items[row].cells }
}

public struct TableColumn: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var title: String
    public var width: Length
    public var alignment: Alignment
    /// When the table is too narrow for its main column, columns are dropped whole: the highest
    /// `shedPriority` first, and among equals the rightmost.
    public var shedPriority: Int
    /// A fixed column is at least as wide as its title: a heading cut to "Жы…" names nothing.
    public init(_ title: String, width: Length = .flex(1), alignment: Alignment = .left, shedPriority: Int = 0) {
        self.title = title
        if case .fixed(let columns) = width {
            self.width = .fixed(max(columns, DisplayWidth.of(title)))
        } else {
            self.width = width
        }
        self.alignment = alignment
        self.shedPriority = shedPriority
    }
}

/// A table (or, with one column, a list) over a `TableDataSource`.
///
/// Keys: Up/Down, PgUp/PgDn, Home/End move the selection; Enter calls `onActivate`; the sort key
/// (F6 by default) cycles the sort column and direction, shown as ▲/▼ in the header.
public final class TableView: Widget {
    public var columns: [TableColumn]
    /// Where the rows come from; replaceable (a test counts what the table asks for with a wrapper).
    public var dataSource: any TableDataSource
    public private(set) var selectedRow = 0
    public private(set) var topRow = 0
    public private(set) var sortColumn: Int?
    public private(set) var sortAscending = true
    public var sortKey: Key? = .function(6)
    public var sortLabel: String
    public var onActivate: ((Int) -> Void)?
    public var helpText: String?
    public var isHidden = false
    private var pageSize = 1

    public init(columns: [TableColumn], dataSource: any TableDataSource, strings: ScreenKitStrings = .english) {
        self.columns = columns
        self.dataSource = dataSource
        sortLabel = strings.sort
    }

    public var canFocus: Bool { true }
    public func preferredHeight(width: Int) -> Int { dataSource.rowCount + 1 }

    public var bindings: [Binding] {
        guard let sortKey else { return [] }
        return [Binding(sortKey, label: sortLabel) { [unowned self] in cycleSort() }]
    }

    /// Call after the source's rows changed (new data, a filter): keeps the selection in range.
    public func reload() { select(selectedRow) }

    public func select(_ row: Int) {
        let count = dataSource.rowCount
        let new = max(0, min(count - 1, row))
        selectedRow = max(0, new)
        topRow = Layout.scrolled(topRow, toShow: selectedRow..<selectedRow + 1, height: pageSize)
        topRow = max(0, min(topRow, count - pageSize))
    }

    /// Next sort state: each column ascending, then descending, then the next column.
    public func cycleSort() {
        guard !columns.isEmpty else { return }
        if sortColumn != nil, sortAscending {
            sortAscending = false
        } else {
            sortColumn = ((sortColumn ?? -1) + 1) % columns.count
            sortAscending = true
        }
        dataSource.sort(byColumn: sortColumn!, ascending: sortAscending)
        reload()
    }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        guard case .key(let key) = event else { return false }
        switch key {
        case .up: select(selectedRow - 1)
        case .down: select(selectedRow + 1)
        case .pageUp: select(selectedRow - pageSize)
        case .pageDown: select(selectedRow + pageSize)
        case .home: select(0)
        case .end: select(dataSource.rowCount - 1)
        case .enter:
            guard dataSource.rowCount > 0 else { return false }
            onActivate?(selectedRow)
        default: return false
        }
        return true
    }

    /// Below this width the main column (the widest flexible one, e.g. the name) makes the table
    /// drop whole columns instead: it is the last to shrink. The default holds most people's two
    /// names; a list of short logins needs less.
    public var mainColumnMinimum = 20

    /// The columns shown in `width`: all when the main column gets its minimum, else the first,
    /// the main one and the others that leave it that much, dropped by `shedPriority`.
    private func shownColumns(width: Int) -> [Int] {
        let weights = columns.map { if case .flex(let w) = $0.width { w } else { 0 } }
        guard let main = weights.indices.max(by: { weights[$0] < weights[$1] }), weights[main] > 0 else {
            return Array(columns.indices)
        }
        var shown = Array(columns.indices)
        func mainWidth() -> Int {
            let rects = Layout.split(Rect(x: 0, y: 0, width: width, height: 1), .horizontal, shown.map { columns[$0].width }, spacing: 1)
            return shown.firstIndex(of: main).map { rects[$0].width } ?? 0
        }
        func nextToDrop() -> Int? {
            shown.filter { $0 != main && $0 != 0 }
                .max { (columns[$0].shedPriority, $0) < (columns[$1].shedPriority, $1) }
        }
        while mainWidth() < mainColumnMinimum, let column = nextToDrop() {
            shown.removeAll { $0 == column }
        }
        return shown
    }

    /// The page is the rows under the header; the selection is re-clamped to it.
    public func layout(in area: Rect, focused: (any Widget)?) {
        pageSize = max(1, area.height - 1)
        select(selectedRow)
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let shown = shownColumns(width: area.width)
        let columns = shown.map { self.columns[$0] }
        let cells = Layout.split(area.row(0), .horizontal, columns.map(\.width), spacing: 1)
        for (index, (column, rect)) in zip(shown, zip(columns, cells)) {
            let mark = sortColumn == index ? (sortAscending ? "▲" : "▼") : ""
            let title = DisplayWidth.truncate(column.title, to: rect.width - mark.displayWidth) + mark
            canvas.line(title, in: rect, role: .header, alignRight: column.alignment == .right)
        }
        let body = area.inset(top: 1)
        let focused = canvas.isFocused(self)
        let count = dataSource.rowCount
        for line in 0..<min(body.height, max(0, count - topRow)) {
            let row = topRow + line
            let all = dataSource.cells(forRow: row)
            let texts = shown.map { $0 < all.count ? all[$0] : "" }
            let role: Role = row == selectedRow ? (focused ? .focused : .selection) : .normal
            let rowRect = body.row(line)
            if row == selectedRow { canvas.fill(rowRect, role: role) }
            for (index, (column, cell)) in zip(columns, cells).enumerated() {
                let rect = Rect(x: cell.x, y: rowRect.y, width: cell.width, height: 1)
                canvas.line(index < texts.count ? texts[index] : "", in: rect, role: role, alignRight: column.alignment == .right)
            }
        }
    }
}
