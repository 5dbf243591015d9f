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

@Suite("A cell")
struct CellTests {
    static let graphemes: [Character] = [
        " ", "a", "Ж", "ә", "Ұ", "漢", "e\u{301}", "\u{E9}", "🇰🇿", "👩\u{200D}👩\u{200D}👧", "❤\u{FE0F}",
        Character("a" + String(repeating: "\u{301}\u{316}", count: 15)),
    ]

    @Test func isEightBytesWithNothingToRetain() {
        #expect(MemoryLayout<Cell>.size == 8)
        #expect(_isPOD(Cell.self))
    }

    @Test func keepsItsGraphemeStyleAndHalf() {
        let styles = [Style.plain, Style(foreground: .red, background: .white, bold: true),
                      Style(foreground: .default, background: .black, reverse: true, underline: true, dim: true)]
        for grapheme in Self.graphemes {
            for style in styles {
                for isContinuation in [false, true] {
                    let cell = Cell(grapheme, style: style, isContinuation: isContinuation)
                    #expect(cell.text == grapheme && cell.text.unicodeScalars.elementsEqual(grapheme.unicodeScalars))
                    #expect(cell.style == style)
                    #expect(cell.isContinuation == isContinuation)
                    #expect(cell == Cell(grapheme, style: style, isContinuation: isContinuation))
                }
            }
        }
        var restyled = Cell("Ж", style: .plain, isContinuation: true)
        restyled.style = Style(foreground: .cyan)
        #expect(restyled == Cell("Ж", style: Style(foreground: .cyan), isContinuation: true))
    }

    @Test func cellsDifferWhenTheirBytesDiffer() {
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("a") != Cell("a", style: Style(bold: true)))
        #expect(Cell("e\u{301}") != Cell("\u{E9}"))  // the terminal is sent other bytes
    }
}

@Suite("A table cell's line")
struct CellGridLineTests {
    static let texts = ["", "a", "Айгерим", "Әбілқызы Жанар", "漢字漢字", "a漢b字c", "Ке\u{0301}нже", "\u{301}x", "x\u{1B}y", "🇰🇿 flag", "abcdefghij"]

    /// `line` draws what writing the padded text draws, over every width, place and alignment,
    /// and over a row that already holds wide graphemes.
    @Test(arguments: texts)
    func drawsWhatThePaddedTextDraws(text: String) {
        for width in 0...12 {
            for x in [-2, 0, 3, 8] {
                for alignRight in [false, true] {
                    let area = Rect(x: x, y: 0, width: width, height: 1)
                    var before = CellGrid(size: Size(width: 12, height: 1))
                    before.write("字漢字漢字漢", at: .zero)
                    var expected = before
                    if !area.isEmpty {
                        expected.write(DisplayWidth.pad(text, to: width, alignRight: alignRight), at: area.origin, style: Style(bold: true), clip: area)
                    }
                    var drawn = before
                    drawn.line(text, in: area, style: Style(bold: true), alignRight: alignRight)
                    #expect(drawn == expected, "\(text) in \(width) at \(x), right: \(alignRight)")
                }
            }
        }
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
