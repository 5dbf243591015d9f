import Foundation
import Testing
@testable import EventLog

/// `records(withSequences:)`: a few records read back through the frame index, as the app reads
/// one case's history.
@Suite struct RecordsBySequenceTests {
    /// Over `FrameIndex.stride` frames, some of them batches.
    static func makeLog(in directory: URL) throws -> EventLog {
        let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: tinyKDF)
        var index = 0
        for frame in 0..<300 {
            let size = frame % 7 == 3 ? 5 : 1
            let items = (0..<size).map { (type: UInt8((index + $0) % 9), payload: distinctPayload(index + $0, length: 10 + (index + $0) % 90)) }
            if size == 1 { try log.append(type: items[0].type, payload: items[0].payload) } else { try log.appendBatch(items) }
            index += size
        }
        return log
    }

    @Test func anySubsetComesBackAsAFullReadGivesIt() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            try Self.makeLog(in: directory).close()
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            defer { log.close() }
            let all = try readAll(log)
            #expect(log.frameIndex.entries.count > 3)
            #expect(try log.records(withSequences: all.map(\.sequence)) == all)
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<20 {
                let subset = all.filter { _ in Bool.random(using: &generator) }.map(\.sequence).shuffled()
                #expect(try log.records(withSequences: subset) == all.filter { Set(subset).contains($0.sequence) })
            }
            #expect(try log.records(withSequences: [0, UInt64(all.count) + 1, UInt64(all.count) + 50]).isEmpty)
            // Records appended after the open are found too (walking past the last index entry).
            let appended = try log.appendBatch([(type: 1, payload: Data("late-a".utf8)), (type: 2, payload: Data("late-b".utf8))])
            let late = try log.records(withSequences: [appended.upperBound, 1, appended.lowerBound])
            #expect(late.map(\.sequence) == [1, appended.lowerBound, appended.upperBound])
            #expect(late.last?.payload == Data("late-b".utf8))
        }
    }

    /// The first session of a new case file reads its history from the log it just created,
    /// whose opening read saw no frame to index.
    @Test func aLogCreatedInThisProcessFindsItsRecords() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let log = try Self.makeLog(in: directory)
            defer { log.close() }
            let all = try readAll(log)
            #expect(log.frameIndex.entries.isEmpty)
            #expect(try log.records(withSequences: [1, 2, UInt64(all.count)]) == [all[0], all[1], all[all.count - 1]])
        }
    }

    @Test func recordsLostToDamageAreLeftOutAndTheRestAreFound() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            try Self.makeLog(in: directory).close()
            var bytes = try fileBytes(logURL(directory))
            let frames = frameLocations(bytes)
            for victim in [frames[70], frames[200]] { bytes[(victim.offset + victim.end) / 2] ^= 0x10 }
            try writeBytes(bytes, to: logURL(directory))
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            defer { log.close() }
            #expect(log.recovery.damage.count == 2)
            let readable = try readAll(log)
            let everything = (1...UInt64(readable.count + 20)).map { $0 }
            #expect(try log.records(withSequences: everything) == readable)
        }
    }

    /// The sparse index against a full scan: for every sequence number, the frame the index walk
    /// finds is the frame that holds it, in a log of single records and batches, in the index an
    /// open continued from a snapshot's (the boundary between the two included), and in a log
    /// made by salvage.
    @Test func theSparseIndexFindsTheFrameOfEverySequenceAsAFullScanDoes() throws {
        try withTemporaryDirectory(inMemory: true) { parent in
            let directory = parent.appendingPathComponent("log")
            let log = try Self.makeLog(in: directory)  // 300 frames, every seventh a batch of five
            try log.writeSnapshot(Data("state".utf8)) { _ in true }
            for index in 0..<150 {
                if index % 5 == 0 {
                    try log.appendBatch([(type: 1, payload: distinctPayload(index)), (type: 2, payload: distinctPayload(index + 1))])
                } else {
                    try log.append(type: 3, payload: distinctPayload(index, length: 10 + index))
                }
            }
            log.close()

            func expectEveryFrameFound(_ directory: URL, snapshot: Bool) throws {
                let frames = frameLocations(try fileBytes(logURL(directory)))
                var handed = false
                let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly,
                                            snapshot: snapshot ? { _ in handed = true; return true } : nil) { _ in }
                defer { log.close() }
                #expect(handed == snapshot)
                let all = try readAll(log)
                var frame = 0
                for sequence in 1...(log.openingRead.lastSequence ?? 0) {
                    while frame + 1 < frames.count, frames[frame + 1].firstSequence <= sequence { frame += 1 }
                    #expect(try log.frameStart(holding: sequence) == UInt64(frames[frame].offset), "sequence \(sequence)")
                }
                #expect(try log.records(withSequences: all.map(\.sequence)) == all)
                let boundary = log.snapshotCoverage ?? 300
                let around = Array((boundary > 70 ? boundary - 70 : 1)...(boundary + 70))
                #expect(try log.records(withSequences: around.reversed()) == all.filter { around.contains($0.sequence) })
            }
            try expectEveryFrameFound(directory, snapshot: true)
            try expectEveryFrameFound(directory, snapshot: false)
            let salvaged = parent.appendingPathComponent("salvaged")
            _ = try EventLog.salvage(from: directory, to: salvaged, user: alice, passphrase: alicePassphrase)
            try expectEveryFrameFound(salvaged, snapshot: false)
        }
    }
}
