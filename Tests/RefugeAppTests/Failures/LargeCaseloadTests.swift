import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// 20,000 cases: the list moves to the end and back a page, a search narrows it, and the table
/// asks its source only for the rows on screen.
@Suite("Large caseload")
struct LargeCaseloadTests {
    static let caseCount = 20_000
    static let families = ["Ахмедова", "Karimov", "Жумабаева", "Yusupova", "Назарова", "Rakhimov", "Омарова", "Sadykova",
                           "Абдуллаев", "Tursunova"]
    static let givens = ["Гульнара", "Bakhtiyor", "Айгерим", "Madina", "Дильноза", "Bekzod", "Жанар", "Zarina"]

    /// The case file gets its 20,000 registrations, 5,000 a year from 2022, as one history in
    /// batches, as `refuge demo` does.
    static func caseFile() throws -> CaseFileFixture {
        let fixture = try CaseFileFixture(signIn: false)
        let book = try CaseBook.open(at: fixture.directory, user: "anna", passphrase: AppHarness.passphrase)
        defer { book.close() }
        let events = book.withFactory { factory in
            (0..<caseCount).flatMap { index in
                factory.openCase(values: AppHarness.person(families[index % families.count], givens[index / families.count % givens.count]),
                                 openedOn: CalendarDate(year: 2022 + index / 5_000, month: 1, day: 10)!)
            }
        }
        try book.appendHistory(events)
        return fixture
    }

    @Test func theListOfTwentyThousandCasesAsksOnlyForWhatItShows() throws {
        let fixture = try Self.caseFile()
        let app = try #require(fixture.app)
        app.signIn()
        if app.top is AgendaScreen { app.press(.escape) }  // the invented intakes leave follow-ups due
        let list = try #require(app.top as? CaseListScreen)
        let source = list.source
        let asking = RowRequestCounter(source)  // how many rows the table asks for: only those it shows
        list.table.dataSource = asking
        #expect(source.rowCount == Self.caseCount)
        #expect(app.shows("Shown \(Words(.en).number(Self.caseCount))"))
        let screenful = app.terminal.size.height

        var asked = asking.rowsRequested
        app.press(.end)
        #expect(list.table.selectedRow == Self.caseCount - 1)
        #expect(app.shows("2025-5000 "))
        #expect(asking.rowsRequested - asked <= screenful)

        asked = asking.rowsRequested
        app.press(.pageUp)
        let selected = list.table.selectedRow
        #expect(selected > Self.caseCount - screenful && selected < Self.caseCount - 10)
        #expect(app.shows("2025-\(selected - 15_000 + 1) "))  // numbers follow the intake order here
        #expect(!app.shows("2025-5000 "))
        #expect(asking.rowsRequested - asked <= screenful)

        // A Latin search finds the Cyrillic name: exactly the cases the store finds, still a screenful each time.
        let found = try #require(app.book?.store.search("zhumabaeva"))
        #expect(found.count == Self.caseCount / Self.families.count)
        asked = asking.rowsRequested
        app.type("/")
        app.type("zhumabaeva")
        #expect(source.rowCount == found.count)
        #expect(app.shows("Shown \(Words(.en).number(found.count))"))
        let store = try #require(app.book?.store)
        #expect((0..<source.rowCount).allSatisfy { store[source.summary(at: $0)!.id]?[.familyName] == .text("Жумабаева") })
        #expect(app.shows("2022-0003 "))
        #expect(asking.rowsRequested - asked <= screenful * ("zhumabaeva".count + 1))  // one redraw per letter
    }
}

/// Passes a table's requests on to `source`, counting the rows asked for.
final class RowRequestCounter: TableDataSource {
    let source: any TableDataSource
    private(set) var rowsRequested = 0

    init(_ source: any TableDataSource) { self.source = source }

    var rowCount: Int { source.rowCount }

    func cells(forRow row: Int) -> [String] {
        rowsRequested += 1
        return source.cells(forRow: row)
    }

    func sort(byColumn column: Int, ascending: Bool) { source.sort(byColumn: column, ascending: ascending) }
}
