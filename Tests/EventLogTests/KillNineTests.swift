import Foundation
import RefugeTestSupport
import Testing
@testable import EventLog

/// Test 6: a writer process killed with SIGKILL at random moments never loses a record it
/// acknowledged. The writer is the EventLogStress executable, built with the tests.
///
/// Longer runs: `EVENTLOG_KILL_ROUNDS=5000 swift test --filter KillNineTests`
/// (`EVENTLOG_KILL_SEED` picks another random sequence).
@Suite struct KillNineTests {
    /// The same credentials EventLogStress uses.
    static let user = "stress"
    static let passphrase = "stress passphrase"

    @Test func killingTheWriterAtRandomMomentsNeverLosesAnAcknowledgedRecord() throws {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["EVENTLOG_KILL_ROUNDS"].flatMap { Int($0) } ?? 200
        let seed = environment["EVENTLOG_KILL_SEED"].flatMap { UInt64($0) } ?? 2026
        let binary = BuiltProducts.executable("EventLogStress")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "EventLogStress not found next to the tests")
        var generator = SeededGenerator(seed: seed)

        try withTemporaryDirectory { parent in
            // A fresh log every `roundsPerLog` rounds keeps each child's recovery scan short in
            // long runs; within a log, every round continues what the killed writers left.
            let roundsPerLog = 250
            var acknowledged: [UInt64: String] = [:]
            var killedWhileAppending = 0
            var totalAcknowledged = 0
            for round in 0..<rounds {
                let data = parent.appendingPathComponent("data-\(round / roundsPerLog)")
                let process = Process()
                process.executableURL = binary
                process.arguments = ["writer", data.path, "3"]
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                try process.run()
                // Most kills land while appending: after the writer's first acknowledgement, so that
                // a slow, busy machine still kills mid-stream rather than before the first append.
                // Every fifth lands at any moment, including creation, opening and recovery.
                var bytes = Data()
                if round % 5 != 0 {
                    while !Self.hasCompleteAck(bytes) {
                        let chunk = output.fileHandleForReading.availableData
                        if chunk.isEmpty { break }
                        bytes += chunk
                    }
                }
                usleep(UInt32.random(in: 0...(round % 5 == 0 ? 40_000 : 15_000), using: &generator))
                kill(process.processIdentifier, SIGKILL)
                bytes += output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                #expect(process.terminationReason == .uncaughtSignal, "round \(round): the writer exited by itself")

                // Only complete lines count: a line cut by the kill was not fully printed.
                let text = String(decoding: bytes, as: UTF8.self)
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                lines.removeLast()
                var acksThisRound = 0
                for line in lines {
                    let fields = line.split(separator: " ", maxSplits: 2)
                    if fields.first == "error" { Issue.record("round \(round): \(line)") }
                    guard fields.count == 3, fields[0] == "ack", let sequence = UInt64(fields[1]) else { continue }
                    let payload = String(fields[2])
                    if let earlier = acknowledged[sequence], earlier != payload {
                        Issue.record("round \(round): sequence \(sequence) acknowledged twice: \(earlier), then \(payload)")
                    }
                    acknowledged[sequence] = payload
                    acksThisRound += 1
                }
                if acksThisRound > 0 { killedWhileAppending += 1 }
                if round % roundsPerLog == roundsPerLog - 1 || round == rounds - 1 {
                    try Self.expectAllPresent(acknowledged, in: data)
                    totalAcknowledged += acknowledged.count
                    acknowledged = [:]
                }
            }
            #expect(killedWhileAppending >= rounds / 2, "most kills must land while appending (\(killedWhileAppending) of \(rounds))")
            #expect(totalAcknowledged > rounds)
        }
    }

    /// True once `output` holds a whole "ack …" line.
    static func hasCompleteAck(_ output: Data) -> Bool {
        String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().contains { $0.hasPrefix("ack ") }
    }

    /// Reopens the log (recovering it) and checks every acknowledged record is there.
    static func expectAllPresent(_ acknowledged: [UInt64: String], in data: URL) throws {
        let log = try EventLog.open(at: data, user: user, passphrase: passphrase)
        defer { log.close() }
        #expect(log.recovery.damage.isEmpty, "\(log.recovery)")
        var found: [UInt64: String] = [:]
        try log.forEachRecord { found[$0.sequence] = String(decoding: $0.payload, as: UTF8.self) }
        let lost = acknowledged.filter { found[$0.key] != $0.value }
        #expect(lost.isEmpty, "\(lost.count) acknowledged records lost, e.g. \(lost.keys.sorted().prefix(5))")
    }
}
