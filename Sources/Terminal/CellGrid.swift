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

    /// Whether row `y` holds the same cells here and in `other` (of the same width).
    func rowEquals(_ y: Int, in other: CellGrid) -> Bool {
        let start = y * size.width
        return cells[start..<start + size.width] == other.cells[start..<start + size.width]
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
        var pen = Pen(at: point, look: Look(style), area: (clip ?? bounds).intersection(bounds))
        guard pen.isInside else { return 0 }
        for grapheme in text where pen.draw(Glyph(grapheme), on: &self) {}
        return max(0, pen.x - point.x)
    }

    /// Writes `text` cut with "…" or padded with blanks to exactly `area`'s first row, in one pass:
    /// what `write(DisplayWidth.pad(text, to: area.width), at: area.origin, clip: area)` draws,
    /// without building the padded string (a table draws one of these per cell).
    public mutating func line(_ text: some StringProtocol, in area: Rect, style: Style = .plain, alignRight: Bool = false) {
        guard !area.isEmpty else { return }
        if alignRight {
            write(DisplayWidth.pad(String(text), to: area.width, alignRight: true), at: area.origin, style: style, clip: area)
            return
        }
        var pen = Pen(at: area.origin, look: Look(style), area: area.intersection(bounds))
        guard pen.isInside else { return }
        let end = area.maxX
        var cutAt = area.x  // where "…" goes if the text is cut: it must leave that one column
        for grapheme in text {
            let glyph = Glyph(grapheme)
            if pen.x + glyph.width > end {
                pen.x = cutAt
                _ = pen.draw(.ellipsis, on: &self)
                break
            }
            guard pen.draw(glyph, on: &self) else { return }
            if pen.x < end { cutAt = pen.x }
        }
        while pen.x < end, pen.draw(.space, on: &self) {}
    }

    /// Where the next grapheme of a write goes, and the rules of placing it.
    private struct Pen {
        var x: Int
        let y: Int
        let look: Look
        let area: Rect

        init(at point: Point, look: Look, area: Rect) {
            x = point.x
            y = point.y
            self.look = look
            self.area = area
        }

        var isInside: Bool { y >= area.y && y < area.maxY }

        /// Draws `glyph` at the pen and moves it on; false once the area's right edge is reached.
        /// Left of the area the glyph is skipped but its columns counted (scrolled text); a wide
        /// glyph that would cross the right edge becomes a space, so it is never split.
        mutating func draw(_ glyph: Glyph, on grid: inout CellGrid) -> Bool {
            guard x < area.maxX else { return false }
            if x < area.x {
                x += glyph.width
                return true
            }
            if x + glyph.width > area.maxX {
                grid.put(Cell(.space, look), x: x, y: y)
                x += 1
                return false
            }
            grid.put(Cell(glyph, look), x: x, y: y)
            if glyph.isWide { grid.put(Cell(.space, look, isContinuation: true), x: x + 1, y: y) }
            x += glyph.width
            return true
        }
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
        } else if current.isWide, x + 1 < size.width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: current.style)
        }
    }
}
