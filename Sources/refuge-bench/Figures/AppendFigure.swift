import EventLog
import Foundation

/// Issue 3's append figure: one 300-byte record appended and synced (`EventLog.append`), beside a
/// bare write+fdatasync of the bytes each append added to the file, and beside SQLite (WAL,
/// synchronous=FULL) inserting the same payload in its own transaction.
enum AppendFigure {
    static func measure(_ suite: Suite) throws {
        let count = suite.options.appendCount
        let payload = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let directory = suite.workspace.onDisk("append")
        let log = try EventLog.create(at: directory, user: "bench", passphrase: "bench passphrase", kdf: .fastForTests)
        let logPath = directory.appendingPathComponent(CaseloadFixture.logFileName).path
        let before = SaveFigure.fileSize(logPath)
        let ours = try Samples.collect(count) { try log.append(type: 1, payload: payload) }
        let frameBytes = (SaveFigure.fileSize(logPath) - before) / count
        log.close()
        let bare = BareWrite.samples(bytes: frameBytes, count: count, in: suite.workspace.disk)
        let peer = try SQLitePeer.create(at: suite.workspace.onDisk("append.sqlite").path)
        let sqlite = try Samples.collect(count) { try peer.append(payload, time: 0) }
        suite.note("append_frame_bytes", Double(frameBytes))
        suite.add(Figure("append_300", "append 300 B + sync", size: count, unit: .microseconds,
                         samples: ours.scaled(by: 1e6), peer: sqlite.scaled(by: 1e6), baseline: bare.scaled(by: 1e6),
                         targets: [.baselineRatioAtMost(1.2), .peerRatioAtMost(1)]))
    }
}
