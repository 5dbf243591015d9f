import CaseModel
import Foundation
import RefugeApp

/// Figure 5: importing a spreadsheet of cases as the app will: `CaseImporter` reads and validates
/// every row, then the events go into the log as one atomic batch (one write, one sync) and are
/// folded into the open case file. The CSV is what `export --identifiable` writes.
enum ImportFigure {
    static func measure(_ suite: Suite) throws {
        let rows = suite.options.importRows
        let store = CaseStore.replay(SyntheticCaseload(seed: 77).events(caseCount: rows), keepsHistory: false)
        let csv = CaseExporter(pseudonymSecret: Array(repeating: 7, count: 32)).csv(store.records, variant: .identifiable)
        let context = ValidationContext.current()
        var parse = Samples(), append = Samples(), total = Samples()
        for run in 0..<suite.options.repeatRuns {
            let book = try CaseBook.create(at: suite.workspace.onDisk("import-\(run)"), organisation: "Bench",
                                           user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase, kdf: .fastForTests)
            defer { book.close() }
            let (result, parseSeconds) = Stopwatch.time {
                book.withFactory { CaseImporter(context: context).events(csv: csv, factory: &$0) }
            }
            guard case .success(let events) = result else { throw ImportFailed(description: "\(result)") }
            let appendSeconds = try Stopwatch.seconds { try book.append(events) }
            precondition(book.store.caseCount == rows, "the import lost rows")
            parse.add(parseSeconds); append.add(appendSeconds); total.add(parseSeconds + appendSeconds)
        }
        suite.add(Figure("import_csv", "import CSV", size: rows, unit: .milliseconds, samples: total.scaled(by: 1000)))
        suite.add(Figure("import_csv_parse", "  import: read + validate", size: rows, unit: .milliseconds, samples: parse.scaled(by: 1000)))
        suite.add(Figure("import_csv_append", "  import: batch append + fold", size: rows, unit: .milliseconds, samples: append.scaled(by: 1000)))
    }

    struct ImportFailed: Error, CustomStringConvertible { var description: String }
}
