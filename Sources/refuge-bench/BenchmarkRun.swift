import Foundation

/// The whole suite in order: log figures first (no caseload needed), then each caseload size,
/// then the terminal. Prints the table and, last, the JSON line.
struct BenchmarkRun {
    let options: Options

    func run() throws {
        let suite = try Suite(options: options)
        defer { suite.workspace.remove() }
        suite.progress("\(suite.machine.summary); SQLite \(SQLiteDatabase.version); files in \(suite.workspace.disk.path)")
        // Found first, so a missing `refuge` fails the run at once rather than after every other figure.
        let refuge = options.wants("tty") ? try RefugeExecutable.besideBenchmark() : nil

        /// Runs one group of figures when the options ask for it, saying so on standard error.
        func step(_ group: String, _ label: String, _ measure: () throws -> Void) throws {
            guard options.wants(group) else { return }
            suite.progress(label)
            try measure()
        }
        try step("kdf", "KDF") { try KDFFigure.measure(suite) }
        try step("append", "append latency (\(options.appendCount) appends)") { try AppendFigure.measure(suite) }
        try step("read", "read throughput (\(options.readRecords) records)") { try ReadThroughputFigure.measure(suite) }

        // The figures measured on every caseload size (saves on the first size only).
        let caseloadFigures: [(group: String, label: String, everySize: Bool, measure: (CaseloadFixture, Suite) throws -> Void)] = [
            ("open", "  cold open", true, ColdOpenFigure.measure),
            ("snapshot", "  open from the snapshot", true, SnapshotOpenFigure.measure),
            ("memory", "  memory", true, MemoryFigure.measure),
            ("search", "  search", true, SearchFigure.measure),
            ("frame", "  frames", true, FrameFigure.measure),
            ("frame", "  a burst of search letters", true, SearchBurstFigure.measure),
            ("save", "  saves (\(options.saveCount) intakes and edits)", false, SaveFigure.measure),
        ]
        for (position, size) in options.sizes.enumerated() where caseloadFigures.contains(where: { options.wants($0.group) }) {
            suite.progress("caseload of \(size) cases: generating")
            let fixture = try CaseloadFixture.build(size: size, in: suite.workspace)
            suite.note("generate_seconds_\(size)", fixture.generateSeconds)
            suite.note("write_log_seconds_\(size)", fixture.writeLogSeconds)
            suite.note("write_sqlite_seconds_\(size)", fixture.writeDatabaseSeconds)
            suite.note("events_\(size)", Double(fixture.eventCount))
            suite.note("log_mib_\(size)", Double(fixture.logBytes) / 1_048_576)
            suite.progress("  \(fixture.eventCount) events in \(fixture.saveCount) saves, log \(fixture.logBytes / 1_048_576) MiB; "
                + String(format: "generated in %.1f s, log written in %.1f s, SQLite in %.1f s",
                         fixture.generateSeconds, fixture.writeLogSeconds, fixture.writeDatabaseSeconds))
            for figure in caseloadFigures where figure.everySize || position == 0 {
                try step(figure.group, figure.label) { try figure.measure(fixture, suite) }
            }
        }
        try step("import", "import (\(options.importRows) rows)") { try ImportFigure.measure(suite) }
        if let refuge {
            suite.progress("terminal bytes: refuge under a pseudo-terminal (\(options.terminalCases) cases)")
            try TerminalBytesFigure.measure(refuge, suite)
        }

        let figures = suite.figures
        if !options.jsonOnly {
            print("refuge-bench (\(options.modeName)) on \(suite.machine.summary); SQLite \(SQLiteDatabase.version)")
            print(TableReport(figures: figures).render())
        }
        print(JSONReport(mode: options.modeName, machine: suite.machine, notes: suite.notes, figures: figures).render())
    }
}
