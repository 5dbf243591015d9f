import Foundation
import RefugeTestSupport
import Testing
@testable import EventLog

/// Issue 17: a writer killed with SIGKILL while it writes its snapshot (EventLogStress
/// `snapshot-writer`: a snapshot of 1.5 MiB after every append) loses no acknowledged record, and
/// the next open either uses a whole snapshot whose contents match the frame it is bound to, or
/// none; in both cases it ends up with every record.
@Suite struct SnapshotKillNineTests {
    @Test func killingTheWriterWhileItWritesTheSnapshotLosesNothingAndOpensCorrectly() throws {
        let binary = BuiltProducts.executable("EventLogStress")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "EventLogStress not found next to the tests")
        var generator = SeededGenerator(seed: 17)
        try withTemporaryDirectory { parent in
            let data = parent.appendingPathComponent("data")
            var acknowledged: Set<UInt64> = []
            var resumed = 0
            for round in 0..<12 {
                let process = Process()
                process.executableURL = binary
                process.arguments = ["snapshot-writer", data.path]
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                try process.run()
                var bytes = Data()
                // After a first snapshot, so that the kill lands in a later one (or in an append).
                while !String(decoding: bytes, as: UTF8.self).contains("snapshot ") {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                }
                usleep(UInt32.random(in: 0...30_000, using: &generator))
                kill(process.processIdentifier, SIGKILL)
                bytes += output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                for line in lines where line.hasPrefix("ack ") {
                    if let sequence = UInt64(line.split(separator: " ")[1]) { acknowledged.insert(sequence) }
                }
                #expect(!lines.contains { $0.hasPrefix("error") }, "round \(round)")

                var handed: Data?
                var delivered: [UInt64] = []
                let log = try EventLog.open(at: data, user: KillNineTests.user, passphrase: KillNineTests.passphrase,
                                            snapshot: { handed = $0; return true }) { delivered.append($0.sequence) }
                #expect(log.recovery.damage.isEmpty && log.recovery.rollback == nil, "round \(round): \(log.recovery)")
                let last = log.openingRead.lastSequence ?? 0
                if let handed, let coverage = log.snapshotCoverage {
                    resumed += 1
                    // The contents are the ones written for the frame the snapshot is bound to.
                    #expect(handed == Self.contents(covering: coverage), "round \(round): the snapshot's contents do not match its frame")
                    #expect(delivered == Array((coverage + 1)..<(last + 1)))
                } else {
                    #expect(handed == nil && delivered == Array(1...max(1, last)).filter { $0 <= last })
                }
                #expect(try log.verifyFramesCoveredBySnapshot().isEmpty)
                var all: Set<UInt64> = []
                try log.forEachRecord { all.insert($0.sequence) }
                #expect(acknowledged.isSubset(of: all), "round \(round): acknowledged records lost")
                log.close()
            }
            #expect(resumed > 0, "no open used a snapshot")
        }
    }

    /// What `EventLogStress snapshot-writer` writes for a snapshot covering `sequence`.
    static func contents(covering sequence: UInt64) -> Data {
        var bytes = Array("\(sequence):".utf8)
        bytes += (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: UInt64($0) &* 31 &+ sequence) }
        return Data(bytes)
    }
}
