/// What a terminal shows: the cells, and where the cursor is (nil hides it).
public struct Frame: Hashable, Sendable {
    public var grid: CellGrid
    public var cursor: Point?

    public init(grid: CellGrid, cursor: Point? = nil) {
        self.grid = grid
        self.cursor = cursor
    }

    public init(size: Size) { self.init(grid: CellGrid(size: size)) }

    public var size: Size { grid.size }
}

/// A run of changed cells on one row: what a backend must redraw.
public struct FrameChange: Hashable, Sendable {
    public var row: Int
    public var columns: Range<Int>
}

extension Frame {
    /// The runs of cells that differ between `previous` and `self`. Everything, when the sizes
    /// differ or there is no previous frame; nothing, when the frames are equal.
    public func changes(since previous: Frame?) -> [FrameChange] {
        guard let previous, previous.size == size else {
            return (0..<size.height).map { FrameChange(row: $0, columns: 0..<size.width) }
        }
        var changes: [FrameChange] = []
        for y in 0..<size.height where !grid.rowEquals(y, in: previous.grid) {
            var x = 0
            while x < size.width {
                guard grid[x, y] != previous.grid[x, y] else { x += 1; continue }
                var start = x
                if grid[x, y].isContinuation, start > 0 { start -= 1 }  // redraw a wide grapheme whole
                var end = x + 1
                while end < size.width, grid[end, y] != previous.grid[end, y] { end += 1 }
                if end < size.width, grid[end, y].isContinuation { end += 1 }
                if let last = changes.last, last.row == y, last.columns.upperBound >= start {
                    changes[changes.count - 1].columns = last.columns.lowerBound..<end
                } else {
                    changes.append(FrameChange(row: y, columns: start..<end))
                }
                x = end
            }
        }
        return changes
    }
}
