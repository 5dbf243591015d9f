import EventLog
import Foundation
import RefugeApp

/// Figure 6: the peak resident memory of a fresh process that opens the case file and shows the
/// list (ours), or opens the database and loads the list (SQLite). A child process per size, so
/// no earlier work has raised the peak.
enum MemoryFigure {
    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let ours = try ChildProcess.run(["--child-open", fixture.directory.path])
        let peer = try ChildProcess.run(["--child-sqlite-open", fixture.databasePath])
        precondition(ours["rows"] == Double(fixture.size) && peer["rows"] == Double(fixture.size), "an open lost cases")
        let limit = suite.target(size: fixture.size, small: 100, large: 1_000)
        suite.add(Figure("peak_memory", "peak memory after open", size: fixture.size, unit: .mebibytes,
                         value: ours["peak_mib"] ?? 0, peer: peer["peak_mib"], targets: [.atMost(limit)]))
    }

    static func childOpen(directory: URL, usesSnapshot: Bool = false) throws {
        let book = try CaseBook.open(at: directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase,
                                     usesSnapshot: usesSnapshot)
        ChildProcess.reply(["rows": Double(book.store.caseCount), "peak_mib": ProcessMemory.peakMiB ?? 0])
    }

    /// The log's part of an open from the snapshot alone: the snapshot read and checked and the
    /// frames after it read, the caller's part kept (as a store keeping its cases as bytes would)
    /// and not decoded.
    static func childOpenLog(directory: URL) throws {
        var kept: Data?
        let log = try EventLog.open(at: directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase,
                                    mode: .readOnly, snapshot: { kept = $0; return true }) { _ in }
        ChildProcess.reply(["bytes": Double(kept?.count ?? 0), "peak_mib": ProcessMemory.peakMiB ?? 0])
        log.close()
    }

    static func childSQLiteOpen(path: String) throws {
        let rows = try SQLitePeer.open(at: path).loadCaseList().count
        ChildProcess.reply(["rows": Double(rows), "peak_mib": ProcessMemory.peakMiB ?? 0])
    }
}
