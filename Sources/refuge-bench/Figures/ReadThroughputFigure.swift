import EventLog
import Foundation

/// Issue 3's read figure: a log of 300-byte records, each appended on its own (one frame per
/// record, the worst case for reading), read back in a child process: the verifying scan at open,
/// then `forEachRecord` decrypting everything, and the memory peak while doing it.
enum ReadThroughputFigure {
    static func measure(_ suite: Suite) throws {
        let count = suite.options.readRecords
        let staging = suite.workspace.inMemory("read")
        let payload = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        let writeSeconds = try Stopwatch.seconds {
            let log = try EventLog.create(at: staging, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase, kdf: .fastForTests)
            for _ in 0..<count { try log.append(type: 1, payload: payload) }
            log.close()
        }
        suite.note("read_fixture_write_seconds", writeSeconds)
        let directory = try suite.workspace.moveToDisk(staging, as: "read")
        let result = try ChildProcess.run(["--child-read", directory.path])
        let readSeconds = result["read_seconds"] ?? 0
        let records = result["records"] ?? 0
        let mebibytes = (result["payload_bytes"] ?? 0) / 1_048_576
        let targetRate = 1_000_000.0  // a million records in under a second
        suite.add(Figure("read_records_per_second", "read + decrypt", size: count, unit: .recordsPerSecond,
                         value: records / readSeconds, targets: [.atLeast(targetRate)]))
        suite.add(Figure("read_mib_per_second", "read + decrypt (payload)", size: count, unit: .mebibytesPerSecond,
                         value: mebibytes / readSeconds))
        suite.add(Figure("read_open_scan", "open: verifying scan", size: count, unit: .milliseconds,
                         value: (result["open_seconds"] ?? 0) * 1000))
        suite.add(Figure("read_peak_memory", "peak memory while reading", size: count, unit: .mebibytes,
                         value: result["peak_mib"] ?? 0))
    }

    /// The child's side: open, read everything, report.
    static func child(directory: URL) throws {
        let (log, openSeconds) = try Stopwatch.time {
            try EventLog.open(at: directory, user: CaseloadFixture.user, passphrase: CaseloadFixture.passphrase, mode: .readOnly)
        }
        var records = 0, bytes = 0
        let readSeconds = try Stopwatch.seconds {
            try log.forEachRecord { record in
                records += 1
                bytes += record.payload.count
            }
        }
        log.close()
        ChildProcess.reply(["open_seconds": openSeconds, "read_seconds": readSeconds, "records": Double(records),
                            "payload_bytes": Double(bytes), "peak_mib": ProcessMemory.peakMiB ?? 0])
    }
}
