import CaseModel
import EventLog
import Foundation
import RefugeApp

/// Issue 17: sign-in to the list drawn, without the KDF: the application's open from its snapshot
/// (`CaseBook.open(…usesSnapshot: true)`: the snapshot decrypted and read back, then only the frames
/// after it) and the case list as sign-in shows it (`showList`); beside SQLite's list load.
/// Also the same open after 1,000 saves past the snapshot (notes, which wait beside the cases'
/// bytes, and answers changed, which decode their cases), the background read of the frames the
/// snapshot covers, one case's file (its answers and its history read back from the log), and the
/// peak memory of a process that opened from the snapshot, and of one that only opened the log
/// from it (the caller's part kept, not decoded).
enum SnapshotOpenFigure {
    static let newEvents = 1_000
    /// The rows of a first screen: 24 lines less the title, the header, the search line, the
    /// columns' heading and the bar.
    static let screenful = 20

    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let runs = suite.options.openRuns(size: fixture.size)
        // A copy of the case file, so that the other figures' file stays as it was.
        let directory = suite.workspace.onDisk("snapshot-\(fixture.size)")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: fixture.directory, to: directory)
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("events.log.snapshot"))
        let write = try Stopwatch.seconds {
            let book = try open(directory)
            book.close()  // the first open read the log whole; closing writes the snapshot
        }
        suite.note("snapshot_write_seconds_\(fixture.size)", write)
        let snapshot = directory.appendingPathComponent("events.log.snapshot")
        let bytes = (try? FileManager.default.attributesOfItem(atPath: snapshot.path)[.size] as? Int) ?? 0
        suite.note("snapshot_mib_\(fixture.size)", Double(bytes) / 1_048_576)

        let peer = try Samples.collect(runs) {
            let rows = try SQLitePeer.open(at: fixture.databasePath).loadCaseList()
            precondition(rows.count == fixture.size, "SQLite lost cases")
        }
        var verify = Samples(), caseFile = Samples()
        let withSnapshot = try openSamples(directory, fixture, runs: runs) { book in
            verify.add(try Stopwatch.seconds {
                // At the priority the application gives it (it yields the cores to anything else).
                let damage = try book.log.verifyFramesCoveredBySnapshot(priority: .background)
                precondition(damage.isEmpty, "the covered frames did not verify")
            })
            let middle = book.store.summaries[book.store.caseCount / 2].id
            caseFile.add(try Stopwatch.seconds {
                let history = try book.history(of: middle)
                precondition(!history.isEmpty && book.store[middle] != nil, "the case has no history")
            })
        }
        let agenda = try openSamples(directory, fixture, runs: runs, show: showAgenda) { _ in }
        let wholeAgenda = try openSamples(directory, fixture, runs: runs, show: showWholeAgenda) { _ in }
        suite.note("agenda_signin_whole_ms_\(fixture.size)", wholeAgenda.scaled(by: 1000).median)
        let ratio = suite.target(size: fixture.size, small: 2, large: 2)
        suite.add(Figure("open_snapshot", "open from the snapshot to the list, no KDF", size: fixture.size, unit: .milliseconds,
                         samples: withSnapshot.scaled(by: 1000), peer: peer.scaled(by: 1000),
                         targets: fixture.size >= 100_000 ? [.atMost(1_000), .peerRatioAtMost(ratio)] : [.peerRatioAtMost(ratio)]))
        suite.add(Figure("background_verify", "  background read of covered frames", size: fixture.size, unit: .milliseconds,
                         samples: verify.scaled(by: 1000)))
        suite.add(Figure("case_file_open", "one case's file (answers + history)", size: fixture.size, unit: .milliseconds,
                         samples: caseFile.scaled(by: 1000), targets: [.atMost(20)]))
        suite.add(Figure("agenda_signin", "open from the snapshot to a coordinator's agenda", size: fixture.size,
                         unit: .milliseconds, samples: agenda.scaled(by: 1000)))

        let memory = try ChildProcess.run(["--child-open-snapshot", directory.path])
        let peerMemory = try ChildProcess.run(["--child-sqlite-open", fixture.databasePath])
        suite.add(Figure("peak_memory_snapshot", "peak memory after open from snapshot", size: fixture.size, unit: .mebibytes,
                         value: memory["peak_mib"] ?? 0, peer: peerMemory["peak_mib"],
                         targets: fixture.size >= 100_000 ? [.atMost(300)] : [.peerRatioAtMost(2)]))
        let logMemory = try ChildProcess.run(["--child-open-log-snapshot", directory.path])
        precondition((logMemory["bytes"] ?? 0) > 0, "the log's open did not use the snapshot")
        suite.add(Figure("peak_memory_snapshot_log", "  peak memory, the log's open alone", size: fixture.size, unit: .mebibytes,
                         value: logMemory["peak_mib"] ?? 0))

        let edited = suite.workspace.onDisk("snapshot-edits-\(fixture.size)")
        try? FileManager.default.removeItem(at: edited)
        try FileManager.default.copyItem(at: directory, to: edited)
        try appendPastTheSnapshot(edited) { store, caseID, index in
            .fieldsSet(caseID: caseID, changes: [FieldChange(key: .alias, old: store[caseID]?[.alias], new: .text("Айгерім \(index)"))])
        }
        let afterEdits = try openSamples(edited, fixture, runs: runs) { _ in }
        try? FileManager.default.removeItem(at: edited)

        try appendPastTheSnapshot(directory) { _, caseID, index in .noteAdded(caseID: caseID, text: "Follow-up call \(index).") }
        let after = try openSamples(directory, fixture, runs: runs) { _ in }
        suite.add(Figure("open_snapshot_1000_new", "open from snapshot + 1,000 new events", size: fixture.size,
                         unit: .milliseconds, samples: after.scaled(by: 1000), peer: peer.scaled(by: 1000),
                         targets: [.peerRatioAtMost(3)]))
        suite.add(Figure("open_snapshot_1000_edits", "  the same, 1,000 changed answers", size: fixture.size,
                         unit: .milliseconds, samples: afterEdits.scaled(by: 1000), peer: peer.scaled(by: 1000)))
        try? FileManager.default.removeItem(at: directory)
    }

    static func open(_ directory: URL) throws -> CaseBook {
        try CaseBook.open(at: directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase, usesSnapshot: true)
    }

    /// What the application does after the open to show the case list (`CaseListScreen`): the
    /// list's rows taken from the store, the header's counts by status and of overdue follow-ups,
    /// and the cells of the first screenful of rows. Returns the cells, so that none is skipped.
    static func showList(_ store: CaseStore, today: CalendarDate) -> [[String]] {
        let list = CaseListSource(language: .ru, today: { today })
        list.load(store)
        let counts = list.counts()
        precondition(counts.active + counts.followUp + counts.closed == store.caseCount && list.overdueCount() >= 0, "the list lost cases")
        let shown = (0..<min(screenful, list.rowCount)).map { list.cells(forRow: $0) }
        precondition(shown.count == min(screenful, store.caseCount), "the list showed too few rows")
        return shown
    }

    /// What the application does after the open when something is due (`AgendaScreen`, a
    /// coordinator's: everyone's follow-ups): the agenda's lines and the header's counts from the
    /// summaries, and the cells of the first screenful of lines, each with its case's name and
    /// what is to be done, read from the cases of those lines.
    static func showAgenda(_ store: CaseStore, today: CalendarDate) -> [[String]] {
        // Sign-in asks first whether anything is due (`AgendaScreen.hasSomethingDue`).
        guard Agenda.hasItems(in: store, today: today) else { return [] }
        let outline = AgendaOutline(store: store, today: today)
        var shown: [[String]] = []
        var row = 0
        while row < min(screenful, outline.lines.count) {
            let group = outline.followUps(around: row, in: { store[$0] }, settings: store.caseworkSettings)
            for (index, item) in zip(group.lines, group.followUps) where index < screenful {
                shown.append([item.due.dotted, item.caseNumber.description, item.owner,
                              store.position(of: item.caseID).map { store.summaries[$0].displayName } ?? "", item.detail])
            }
            row = group.lines.upperBound
        }
        precondition(shown.count == min(screenful, outline.lines.count), "the agenda lost its lines")
        return shown
    }

    /// The agenda as sign-in showed it before branch `list2`, for comparison in the same run: the
    /// whole agenda made from every case with a follow-up due (`Agenda(store:)`), and every line's
    /// cells made at once.
    static func showWholeAgenda(_ store: CaseStore, today: CalendarDate) -> [[String]] {
        guard Agenda.hasItems(in: store, today: today) else { return [] }
        let lines = Agenda(store: store, today: today).items.map { item in
            [item.due.dotted, item.caseNumber.description, item.owner,
             store.position(of: item.caseID).map { store.summaries[$0].displayName } ?? "", item.detail]
        }
        return Array(lines.prefix(screenful))
    }

    /// Sign-in to the first screen timed (the open and `show`, the case list unless told);
    /// `after` runs on each open book, untimed.
    private static func openSamples(_ directory: URL, _ fixture: CaseloadFixture, runs: Int,
                                    show: (CaseStore, CalendarDate) -> [[String]] = showList,
                                    after: (CaseBook) throws -> Void) throws -> Samples {
        var samples = Samples()
        let today = ValidationContext.current().today
        for _ in 0..<runs {
            var opened: CaseBook?
            var shown: [[String]] = []
            samples.add(try Stopwatch.seconds {
                let book = try open(directory)
                opened = book
                shown = show(book.store, today)
            })
            let book = opened!
            precondition(book.store.caseCount == fixture.size && book.log.snapshotCoverage != nil, "the open did not use the snapshot")
            precondition(shown.count <= screenful && shown.allSatisfy { !$0.isEmpty }, "the first screen showed an empty row")
            try after(book)
            book.log.close()  // not `book.close()`: the snapshot stays where it was
        }
        return samples
    }

    /// 1,000 saves past the snapshot on 1,000 cases, each its own durable append as the app makes
    /// them, written through the log alone so that the snapshot is not written again; `body` makes
    /// the event of the `index`th save, on `caseID`.
    private static func appendPastTheSnapshot(_ directory: URL, _ body: (CaseStore, CaseID, Int) -> EventBody) throws {
        let book = try open(directory)
        let cases = book.store.summaries.map(\.id)
        var factory = EventFactory(author: CaseloadFixture.user, device: book.device,
                                   clock: HybridLogicalClock(latest: book.store.lastMergeKey?.time ?? .zero))
        for index in 0..<newEvents {
            let event = factory.make(body(book.store, cases[index % cases.count], index))
            let encoded = EventCodec.encode(event)
            try book.log.append(type: encoded.recordType, payload: encoded.payload)
        }
        book.log.close()
    }
}
