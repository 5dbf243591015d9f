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

        if options.wants("kdf") {
            suite.progress("KDF")
            try KDFFigure.measure(suite)
        }
        if options.wants("append") {
            suite.progress("append latency (\(options.appendCount) appends)")
            try AppendFigure.measure(suite)
        }
        if options.wants("read") {
            suite.progress("read throughput (\(options.readRecords) records)")
            try ReadThroughputFigure.measure(suite)
        }
        let caseloadGroups = ["open", "memory", "search", "frame", "save"]

        for (position, size) in options.sizes.enumerated() where caseloadGroups.contains(where: options.wants) {
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
            if options.wants("open") {
                suite.progress("  cold open")
                try ColdOpenFigure.measure(fixture, suite)
            }
            if options.wants("memory") {
                suite.progress("  memory")
                try MemoryFigure.measure(fixture, suite)
            }
            if options.wants("search") {
                suite.progress("  search")
                try SearchFigure.measure(fixture, suite)
            }
            if options.wants("frame") {
                suite.progress("  frames")
                try FrameFigure.measure(fixture, suite)
            }
            if position == 0, options.wants("save") {
                suite.progress("  saves (\(options.saveCount) intakes and edits)")
                try SaveFigure.measure(fixture, suite)
            }
        }
        if options.wants("import") {
            suite.progress("import (\(options.importRows) rows)")
            try ImportFigure.measure(suite)
        }
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
