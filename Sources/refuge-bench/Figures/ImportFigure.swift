import CaseModel
import Foundation
import RefugeApp

/// Figure 5: importing a spreadsheet of cases as `refuge import` does: `CaseImporter` reads and
/// checks every row, then reads the rows again and streams their events into the log a frame at a
/// time, closed by the import's commit (`CaseBook.importCases`). The CSV is what
/// `export --identifiable` writes.
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
            let importer = CaseImporter(context: context)
            let (check, parseSeconds) = try Stopwatch.time { importer.check(try CSVTable(string: csv)) }
            if let failure = check.failure { throw ImportFailed(description: "\(failure)") }
            let (imported, appendSeconds) = try Stopwatch.time { try book.importCases(try CSVTable(string: csv), with: importer) }
            precondition(imported == rows, "the import lost rows")
            parse.add(parseSeconds); append.add(appendSeconds); total.add(parseSeconds + appendSeconds)
        }
        suite.add(Figure("import_csv", "import CSV", size: rows, unit: .milliseconds, samples: total.scaled(by: 1000)))
        suite.add(Figure("import_csv_parse", "  import: read + check", size: rows, unit: .milliseconds, samples: parse.scaled(by: 1000)))
        suite.add(Figure("import_csv_append", "  import: read again + append", size: rows, unit: .milliseconds, samples: append.scaled(by: 1000)))
    }

    struct ImportFailed: Error, CustomStringConvertible { var description: String }
}
