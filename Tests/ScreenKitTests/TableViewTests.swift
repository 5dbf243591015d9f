import Testing
import Terminal
@testable import ScreenKit

@Suite struct TableViewTests {
    func tableApp(_ source: NumberedRows, width: Int = 80, height: Int = 24) -> (Application, VirtualTerminal, TableView) {
        let (app, terminal) = makeApp(width: width, height: height)
        let table = TableView(columns: [TableColumn("Name"), TableColumn("Double", width: .fixed(8), alignment: .right)], dataSource: source)
        app.push(Screen(title: "Rows", root: table))
        app.runUntilIdle()
        return (app, terminal, table)
    }

    @Test func showsHeaderRowsAlignmentAndSelection() {
        let (app, terminal, _) = tableApp(NumberedRows(3), width: 40, height: 12)
        #expect(Array(body(terminal).prefix(4)) == ["Name" + String(repeating: " ", count: 30) + "Double", "Row 0" + String(repeating: " ", count: 34) + "0",
                                                   "Row 1" + String(repeating: " ", count: 34) + "2", "Row 2" + String(repeating: " ", count: 34) + "4"])
        #expect(terminal.style(x: 0, y: 1) == app.theme[.header])
        #expect(terminal.style(x: 0, y: 2) == app.theme[.focused])
        #expect(terminal.style(x: 39, y: 2) == app.theme[.focused])
        #expect(terminal.style(x: 0, y: 3) == app.theme[.normal])
    }

    @Test func twoHundredThousandVirtualRowsAskOnlyForWhatIsVisible() {
        let source = NumberedRows(200_000)
        let (app, terminal, table) = tableApp(source)
        #expect(source.requested.count <= 21)
        source.resetRequests()
        terminal.press(.end)
        app.runUntilIdle()
        #expect(table.selectedRow == 199_999)
        #expect(terminal.row(2).hasPrefix("Row 199979"))
        #expect(terminal.row(22).hasPrefix("Row 199999"))
        #expect(source.requested.count <= 21)
        #expect(source.requested.allSatisfy { $0 >= 199_979 })
        source.resetRequests()
        terminal.press(.pageUp)
        app.runUntilIdle()
        #expect(table.selectedRow == 199_978)
        #expect(terminal.row(2).hasPrefix("Row 199978"))
        #expect(terminal.style(x: 0, y: 2) == app.theme[.focused])
        terminal.press(.pageDown, .up, .up)
        app.runUntilIdle()
        #expect(table.selectedRow == 199_997)
        terminal.press(.home, .down, .pageDown)
        app.runUntilIdle()
        #expect(table.selectedRow == 22)
        #expect(terminal.row(22).hasPrefix("Row 22"))
        #expect(source.requested.count <= 21 * 5)
    }

    @Test func afterAFilterTheSelectionStaysInRange() {
        let source = NumberedRows(200_000)
        let (app, terminal, table) = tableApp(source)
        terminal.press(.end)
        app.runUntilIdle()
        source.filter = 7
        table.reload()
        source.resetRequests()
        app.setNeedsRedraw()
        app.runUntilIdle()
        #expect(table.selectedRow == 28_571)
        #expect(terminal.row(22).hasPrefix("Row 199997"))
        #expect(source.requested.count <= 21)
        source.filter = 50_000
        table.reload()
        app.setNeedsRedraw()
        app.runUntilIdle()
        #expect(table.selectedRow == 3)
        #expect(Array(body(terminal).prefix(5)).map { String($0.prefix(10)) } == ["Name", "Row 0", "Row 50000", "Row 100000", "Row 150000"].map { DisplayWidth.pad($0, to: 10) })
    }

    @Test func sortKeyCyclesColumnAndDirectionShownInHeader() {
        let source = NumberedRows(10)
        let (app, terminal, table) = tableApp(source, width: 40, height: 12)
        #expect(terminal.row(11).contains("6Sort"))
        terminal.press(.function(6))
        app.runUntilIdle()
        #expect(terminal.row(1).hasPrefix("Name▲"))
        terminal.press(.function(6))
        app.runUntilIdle()
        #expect(terminal.row(1).hasPrefix("Name▼"))
        #expect(terminal.row(2).hasPrefix("Row 9"))
        terminal.press(.function(6))
        app.runUntilIdle()
        #expect(table.sortColumn == 1)
        #expect(terminal.row(1).hasSuffix("Double▲"))
    }

    @Test func emptyAndNarrowTablesDoNotCrash() {
        let (app, terminal, table) = tableApp(NumberedRows(0), width: 40, height: 12)
        terminal.press(.down, .end, .pageUp, .enter)
        app.runUntilIdle()
        #expect(table.selectedRow == 0)
        let canvas = Canvas(size: Size(width: 12, height: 4), theme: .monochrome, strings: .english, focused: nil)
        TableView(columns: [TableColumn("Имя"), TableColumn("Число", width: .fixed(8), alignment: .right)], dataSource: NumberedRows(9))
            .draw(in: Rect(x: 1, y: 1, width: 6, height: 2), on: canvas)
        #expect(canvas.grid.rows[0].allSatisfy { $0 == " " } && canvas.grid.rows[3].allSatisfy { $0 == " " })
        #expect(canvas.grid.rows[1] == " Имя        ")  // issue 12: the main (flexible) column is the last to go
    }

    @Test func enterActivatesTheSelectedRow() {
        let (app, terminal, table) = tableApp(NumberedRows(5))
        var activated: Int?
        table.onActivate = { activated = $0 }
        terminal.press(.down, .down, .enter)
        app.runUntilIdle()
        #expect(activated == 2)
    }

    /// The table learns its page when laid out, before the first frame, so PgDn pressed before
    /// anything was drawn moves a whole page, not one row.
    @Test func pageDownBeforeTheFirstDrawMovesAWholePage() {
        let (app, terminal) = makeApp()
        let table = TableView(columns: [TableColumn("Name")], dataSource: NumberedRows(100))
        app.push(Screen(title: "Rows", root: table))
        terminal.press(.pageDown)
        app.runUntilIdle()
        #expect(table.selectedRow == 21)  // 24 rows less the top line, the bottom bar and the header
        #expect(terminal.row(22).hasPrefix("Row 21"))
    }
}
