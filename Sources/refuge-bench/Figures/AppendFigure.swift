import EventLog
import Foundation

/// Issue 3's append figure: one 300-byte record appended and synced (`EventLog.append`), beside a
/// bare write+fdatasync of the bytes each append adds to the log (one frame, 364 bytes), and
/// beside SQLite (WAL, synchronous=FULL) inserting the same payload in its own transaction. The
/// log reserves space ahead of its appends, so a second row compares it with a bare write that
/// does the same (the floor of that technique). All take turns, so that the disk's moods (other
/// engineers build here) hit all of them alike.
enum AppendFigure {
    static func measure(_ suite: Suite) throws {
        let count = suite.options.appendCount
        let payload = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let directory = suite.workspace.onDisk("append")
        let log = try EventLog.create(at: directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase, kdf: .fastForTests)
        defer { log.close() }
        var before = log.committedBytes
        try log.append(type: 1, payload: payload)
        let frameBytes = Int(log.committedBytes - before)
        let bare = BareWrite(bytes: frameBytes, in: suite.workspace.disk)
        let reservedBare = BareWrite(bytes: frameBytes, in: suite.workspace.disk, reserving: EventLog.reservationStep)
        let peer = try SQLitePeer.create(at: suite.workspace.onDisk("append.sqlite").path)
        var ours = Samples(), bareSamples = Samples(), reservedSamples = Samples(), sqlite = Samples()
        before = log.committedBytes
        for _ in 0..<count {
            ours.add(try Stopwatch.seconds { try log.append(type: 1, payload: payload) })
            bareSamples.add(bare.measureOnce())
            reservedSamples.add(reservedBare.measureOnce())
            sqlite.add(try Stopwatch.seconds { try peer.append(payload, time: 0) })
        }
        precondition(Int(log.committedBytes - before) == count * frameBytes, "frames changed size")
        suite.note("append_frame_bytes", Double(frameBytes))
        suite.add(Figure("append_300", "append 300 B + sync", size: count, unit: .microseconds,
                         samples: ours.scaled(by: 1e6), peer: sqlite.scaled(by: 1e6), baseline: bareSamples.scaled(by: 1e6),
                         targets: [.baselineRatioAtMost(1.2), .peerRatioAtMost(1)]))
        suite.add(Figure("append_300_reserved", "append vs reserved bare", size: count, unit: .microseconds,
                         samples: ours.scaled(by: 1e6), baseline: reservedSamples.scaled(by: 1e6),
                         targets: [.baselineRatioAtMost(1.2)]))
    }
}
