/// One screen cell: a grapheme and its style. The right half of a wide grapheme is a continuation
/// cell with no text of its own, so that overwriting either half can clear both.
public struct Cell: Hashable, Sendable {
    public var text: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A rectangular grid of cells that widgets draw into. Every write is clipped to the grid (and to
/// an optional region), and a wide grapheme is never split at an edge: where only one column is
/// left it becomes a space.
public struct CellGrid: Hashable, Sendable {
    public private(set) var size: Size
    private var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills `rect` (clipped to the grid) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            if r.x > 0 { clearWideHalf(x: r.x, y: y) }
            if r.maxX < size.width { clearWideHalf(x: r.maxX - 1, y: y) }
            for x in r.x..<r.maxX { self[x, y] = cell }
        }
    }

    /// Sets the style of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y].style = style } }
    }

    /// Writes `text` starting at `point`, clipped to `clip` (default: the whole grid). Returns the
    /// number of columns written. Control characters are shown as "�" — they never reach the screen.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard point.y >= area.y, point.y < area.maxY else { return 0 }
        var x = point.x
        for grapheme in text {
            let shown = Self.visible(grapheme)
            let width = shown.displayWidth
            if x >= area.maxX { break }
            if x < area.x {  // scrolled off to the left: skip, but keep counting columns
                x += width
                continue
            }
            if x + width > area.maxX {  // a wide grapheme at the right edge: never split it
                put(Cell(" ", style: style), x: x, y: point.y)
                x += 1
                break
            }
            put(Cell(shown, style: style), x: x, y: point.y)
            if width == 2 { put(Cell(" ", style: style, isContinuation: true), x: x + 1, y: point.y) }
            x += width
        }
        return max(0, x - point.x)
    }

    /// The grid as lines of text (continuation cells omitted), for tests and diagnostics.
    public var rows: [String] { (0..<size.height).map(row) }

    /// Row `y` as text (continuation cells omitted).
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<size.width where !self[x, y].isContinuation { line.append(self[x, y].text) }
        return line
    }

    /// Row `y` as text with trailing spaces removed.
    public func trimmedRow(_ y: Int) -> String {
        var line = row(y)
        while line.last == " " { line.removeLast() }
        return line
    }

    /// A copy of this grid resized to `newSize`, keeping what fits.
    public func resized(to newSize: Size) -> CellGrid {
        var grid = CellGrid(size: newSize)
        for y in 0..<min(size.height, newSize.height) {
            for x in 0..<min(size.width, newSize.width) { grid[x, y] = self[x, y] }
        }
        return grid
    }

    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        clearWideHalf(x: x, y: y)
        self[x, y] = cell
    }

    /// Overwriting one half of a wide grapheme blanks the other half.
    private mutating func clearWideHalf(x: Int, y: Int) {
        let current = self[x, y]
        if current.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if current.text.displayWidth == 2, x + 1 < size.width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: current.style)
        }
    }

    /// What is drawn for a grapheme: control characters become U+FFFD, a lone combining mark is
    /// drawn over a space.
    static func visible(_ grapheme: Character) -> Character {
        guard let first = grapheme.unicodeScalars.first else { return " " }
        // Printable ASCII is most of every screen and needs no lookup in the Unicode tables.
        if (0x20..<0x7F).contains(first.value) { return grapheme }
        switch first.properties.generalCategory {
        case .control: return "\u{FFFD}"
        case .nonspacingMark, .enclosingMark: return Character(" " + String(grapheme))
        default: return grapheme
        }
    }
}
