import Testing
@testable import Terminal

@Suite("Cell grid writing and clipping")
struct CellGridTests {
    @Test func writesCyrillicAndCombiningMarksOneCellPerGrapheme() {
        var grid = CellGrid(size: Size(width: 10, height: 1))
        let used = grid.write("Ке\u{0301}н", at: .zero)
        #expect(used == 3)
        #expect(grid.rows[0] == "Ке\u{0301}н       ")
    }

    @Test func clipsAtTheRightEdge() {
        var grid = CellGrid(size: Size(width: 5, height: 2))
        grid.write("Жанар Әбілқызы", at: Point(x: 1, y: 0))
        #expect(grid.rows[0] == " Жана")
        grid.write("xyz", at: Point(x: 0, y: 5))  // below the grid: nothing happens
        #expect(grid.rows[1] == "     ")
    }

    @Test func wideGraphemeAtTheEdgeBecomesASpace() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.write("ab漢字", at: .zero)
        #expect(grid.rows[0] == "ab漢")
        var narrow = CellGrid(size: Size(width: 3, height: 1))
        narrow.write("ab漢", at: .zero)
        #expect(narrow.rows[0] == "ab ")
    }

    @Test func clipRegionLimitsTheWrite() {
        var grid = CellGrid(size: Size(width: 10, height: 1))
        grid.write("0123456789", at: .zero, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(grid.rows[0] == "  234     ")
    }

    @Test func overwritingHalfAWideGraphemeClearsTheOtherHalf() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.write("漢字", at: .zero)
        grid.write("x", at: Point(x: 1, y: 0))
        #expect(grid.rows[0] == " x字")
        grid.write("y", at: Point(x: 2, y: 0))
        #expect(grid.rows[0] == " xy ")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.write("a\u{1B}b", at: .zero)
        #expect(grid.rows[0] == "a\u{FFFD}b ")
    }

    @Test func resizeKeepsWhatFits() {
        var grid = CellGrid(size: Size(width: 4, height: 2))
        grid.write("abcd", at: .zero)
        let smaller = grid.resized(to: Size(width: 2, height: 1))
        #expect(smaller.rows == ["ab"])
    }
}

@Suite("Frame diff")
struct FrameDiffTests {
    @Test func nothingChangedEmitsNothing() {
        var frame = Frame(size: Size(width: 20, height: 3))
        frame.grid.write("Жанар", at: .zero)
        #expect(frame.changes(since: frame).isEmpty)
    }

    @Test func firstFrameAndNewSizeRedrawEverything() {
        let frame = Frame(size: Size(width: 5, height: 2))
        #expect(frame.changes(since: nil).count == 2)
        #expect(frame.changes(since: Frame(size: Size(width: 4, height: 2))).count == 2)
    }

    @Test func onlyChangedRunsAreReported() {
        let before = Frame(size: Size(width: 10, height: 2))
        var after = before
        after.grid.write("ab", at: Point(x: 3, y: 1))
        #expect(after.changes(since: before) == [FrameChange(row: 1, columns: 3..<5)])
    }

    @Test func aChangedWideGraphemeIsRedrawnWhole() {
        var before = Frame(size: Size(width: 6, height: 1))
        before.grid.write("漢", at: Point(x: 2, y: 0))
        var after = Frame(size: Size(width: 6, height: 1))
        after.grid.write("字", at: Point(x: 2, y: 0))
        #expect(after.changes(since: before) == [FrameChange(row: 0, columns: 2..<4)])
    }

    @Test func styleChangesCount() {
        var before = Frame(size: Size(width: 3, height: 1))
        before.grid.write("abc", at: .zero)
        var after = before
        after.grid.restyle(Rect(x: 1, y: 0, width: 1, height: 1), Style(reverse: true))
        #expect(after.changes(since: before) == [FrameChange(row: 0, columns: 1..<2)])
    }
}
