import CaseModel
import EventLog
import Foundation
import RefugeApp

/// Figure 1: from a valid passphrase to every case replayed, as the app opens (`CaseBook.open`: one
/// pass reading, verifying and decrypting every frame, then decode and replay; the list screen's
/// own rows, built on sign-in, are not included), beside SQLite opening its
/// database and loading the list's columns for every case. The parts are timed too, to show where
/// the time goes.
enum ColdOpenFigure {
    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let runs = suite.options.openRuns(size: fixture.size)
        let ours = try Samples.collect(runs) {
            let book = try CaseBook.open(at: fixture.directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase)
            precondition(book.store.caseCount == fixture.size, "the case file lost cases")
            book.close()
        }
        let peer = try Samples.collect(runs) {
            let rows = try SQLitePeer.open(at: fixture.databasePath).loadCaseList()
            precondition(rows.count == fixture.size, "SQLite lost cases")
        }
        let limit = suite.target(size: fixture.size, small: 300, large: 3_000)
        suite.add(Figure("cold_open", "cold open, no KDF", size: fixture.size, unit: .milliseconds,
                         samples: ours.scaled(by: 1000), peer: peer.scaled(by: 1000),
                         targets: [.atMost(limit), .peerRatioAtMost(1.5)]))
        try measureParts(fixture, suite, runs: runs)
    }

    /// The open split into the app's steps, each repeated on its own: the log's one pass (read,
    /// verify and decrypt every frame, handing each record over), decoding, and replay.
    private static func measureParts(_ fixture: CaseloadFixture, _ suite: Suite, runs: Int) throws {
        var pass = Samples(), decode = Samples(), replay = Samples()
        for _ in 0..<runs {
            var records: [LogRecord] = []
            let passSeconds = try Stopwatch.seconds {
                try EventLog.open(at: fixture.directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase,
                                  mode: .readOnly) { records.append($0) }.close()
            }
            let (decoded, decodeSeconds) = Stopwatch.time {
                records.map { EventCodec.decode(recordType: $0.type, payload: $0.payload) }
            }
            records = []
            let replaySeconds = Stopwatch.seconds { _ = CaseStore.replay(decoded, keepsHistory: true) }
            pass.add(passSeconds); decode.add(decodeSeconds); replay.add(replaySeconds)
        }
        for (key, title, samples) in [("cold_open_log", "  open: read + verify + decrypt", pass),
                                      ("cold_open_decode", "  open: decode", decode),
                                      ("cold_open_replay", "  open: replay", replay)] {
            suite.add(Figure(key, title, size: fixture.size, unit: .milliseconds, samples: samples.scaled(by: 1000)))
        }
    }
}
