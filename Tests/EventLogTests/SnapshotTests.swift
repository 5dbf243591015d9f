import Foundation
import Testing
@testable import EventLog

/// Issue 17: the snapshot beside the log. An open resumes after it only when it opens under the
/// data key, belongs to this log, and the log holds the frame it ends with; anything else is
/// ignored and the log read whole. The frames it covers are still read by a full verifying read.
@Suite struct SnapshotTests {
    static func snapshotURL(_ directory: URL) -> URL { directory.appendingPathComponent("events.log.snapshot") }

    /// A log of `count` records (one frame each) with a snapshot ("state") of all of them, then
    /// `after` more records.
    static func makeLog(in directory: URL, count: Int = 10, after: Int = 0) throws {
        let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
        try log.keep(Data("secret".utf8), named: "kept-value")
        for index in 0..<count { try log.append(type: 1, payload: distinctPayload(index)) }
        try log.writeSnapshot(Data("state".utf8)) { _ in true }
        for index in count..<count + after { try log.append(type: 1, payload: distinctPayload(index)) }
        log.close()
    }

    /// Opens with the snapshot: what it handed over (nil: ignored) and the records delivered.
    static func open(_ directory: URL, mode: OpenMode = .readWrite) throws -> (EventLog, Data?, [UInt64]) {
        var handed: Data?
        var delivered: [UInt64] = []
        let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: mode,
                                    snapshot: { handed = $0; return true }) { delivered.append($0.sequence) }
        return (log, handed, delivered)
    }

    @Test func anOpenResumesAfterTheSnapshotAndKeepsWhatTheLogDerived() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 10, after: 3)
            let (log, handed, delivered) = try Self.open(directory)
            defer { log.close() }
            #expect(handed == Data("state".utf8))
            #expect(delivered == [12, 13, 14])  // record 1 is the kept value
            #expect(log.snapshotCoverage == 11)
            #expect(log.keptValue(named: "kept-value") == Data("secret".utf8))
            #expect(log.openingRead.lastSequence == 14 && log.openingRead.recordCount == 14)
            #expect(try log.records(withSequences: [2, 7, 13]).map(\.payload) == [distinctPayload(0), distinctPayload(5), distinctPayload(11)])
            // It goes on appending after the last frame, and the frames it skipped verify.
            #expect(try log.append(type: 1, payload: Data("next".utf8)) == 15)
            #expect(try log.verifyFramesCoveredBySnapshot().isEmpty)
            #expect(try readAll(log).count == 14)
        }
    }

    @Test func aMissingSnapshotOrARefusedOneReadsTheWholeLog() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 4)
            var delivered: [UInt64] = []
            let refused = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase,
                                            snapshot: { _ in false }) { delivered.append($0.sequence) }
            #expect(delivered == [2, 3, 4, 5] && refused.snapshotCoverage == nil)
            refused.close()
            try FileManager.default.removeItem(at: Self.snapshotURL(directory))
            let (log, handed, all) = try Self.open(directory)
            #expect(handed == nil && all == [2, 3, 4, 5])
            log.close()
        }
    }

    @Test func aTornSnapshotIsIgnored() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 5)
            let whole = try fileBytes(Self.snapshotURL(directory))
            for length in stride(from: 0, to: whole.count, by: 7) {
                try writeBytes(Array(whole.prefix(length)), to: Self.snapshotURL(directory))
                let (log, handed, delivered) = try Self.open(directory, mode: .readOnly)
                #expect(handed == nil, "cut at \(length)")
                #expect(delivered == Array(2...6))
                log.close()
            }
        }
    }

    @Test func aBitFlippedAnywhereInTheSnapshotMakesItIgnored() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 3)
            let whole = try fileBytes(Self.snapshotURL(directory))
            for offset in whole.indices {
                var flipped = whole
                flipped[offset] ^= 1 << UInt8(offset % 8)
                try writeBytes(flipped, to: Self.snapshotURL(directory))
                let (log, handed, delivered) = try Self.open(directory, mode: .readOnly)
                #expect(handed == nil, "bit flipped at \(offset)")
                #expect(delivered == Array(2...4))
                log.close()
            }
        }
    }

    @Test func aSnapshotFromAnotherCaseFileIsIgnored() throws {
        try withTemporaryDirectory { parent in
            let mine = parent.appendingPathComponent("mine")
            let other = parent.appendingPathComponent("other")
            try Self.makeLog(in: mine, count: 3)
            try Self.makeLog(in: other, count: 3)
            try writeBytes(try fileBytes(Self.snapshotURL(other)), to: Self.snapshotURL(mine))
            let (log, handed, delivered) = try Self.open(mine)
            #expect(handed == nil && delivered == [2, 3, 4])
            log.close()
        }
    }

    /// The log put back to an older copy (or its end cut): the frame the snapshot ends with is
    /// not there, so the snapshot is newer than the log and is not used.
    @Test func aSnapshotNewerThanTheLogIsIgnored() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            for index in 0..<4 { try log.append(type: 1, payload: distinctPayload(index)) }
            let older = try fileBytes(logURL(directory))
            for index in 4..<8 { try log.append(type: 1, payload: distinctPayload(index)) }
            try log.writeSnapshot(Data("state".utf8)) { _ in true }
            log.close()
            try writeBytes(older, to: logURL(directory))
            let (reopened, handed, delivered) = try Self.open(directory)
            #expect(handed == nil && delivered == [1, 2, 3, 4])
            #expect(reopened.isReadOnly)  // and the state file reports the rollback, as before
            reopened.close()
        }
    }

    /// Salvage makes a new log (new file id): the old log's snapshot, copied beside it, is not its.
    @Test func aSnapshotOlderThanASalvageIsIgnored() throws {
        try withTemporaryDirectory { parent in
            let source = parent.appendingPathComponent("source")
            let salvaged = parent.appendingPathComponent("salvaged")
            try Self.makeLog(in: source, count: 5)
            _ = try EventLog.salvage(from: source, to: salvaged, user: alice, passphrase: alicePassphrase)
            try writeBytes(try fileBytes(Self.snapshotURL(source)), to: Self.snapshotURL(salvaged))
            let (log, handed, delivered) = try Self.open(salvaged)
            #expect(handed == nil)
            #expect(delivered.count >= 5)
            log.close()
        }
    }

    /// The open does not read the frames the snapshot covers; the background read does, and
    /// finds a bit flipped in an old one exactly as a full open does.
    @Test func aBitFlippedInAnOldFrameIsFoundByTheReadOfTheCoveredFrames() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 10, after: 2)
            var bytes = try fileBytes(logURL(directory))
            let frames = frameLocations(bytes)
            let old = frames[3]  // sequence 4, well inside the snapshot
            bytes[old.offset + 40] ^= 0x10
            try writeBytes(bytes, to: logURL(directory))

            let (log, handed, delivered) = try Self.open(directory)
            #expect(handed != nil && delivered == [12, 13])
            let damage = try log.verifyFramesCoveredBySnapshot()
            #expect(damage.count == 1)
            #expect(damage.first?.lostSequences == 4...4)
            log.close()
            // The full open finds the same damage and opens read-only.
            let full = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(full.isReadOnly && full.recovery.damage.map(\.lostSequences) == [4...4])
            full.close()
        }
    }

    /// A bit flipped in the frame the snapshot ends with: the snapshot is not used, and the open
    /// reports the damage as always.
    @Test func damageToTheFrameTheSnapshotEndsWithIsFoundByTheOpen() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 6, after: 2)
            var bytes = try fileBytes(logURL(directory))
            let bound = frameLocations(bytes).first { $0.firstSequence == 7 }!
            bytes[bound.offset + 40] ^= 0x01
            try writeBytes(bytes, to: logURL(directory))
            let (log, handed, _) = try Self.open(directory)
            #expect(handed == nil)
            #expect(log.isReadOnly && log.recovery.damage.map(\.lostSequences) == [7...7])
            log.close()
        }
    }

    /// Records appended around the caller's state (a streamed import appends without folding)
    /// are not covered by it: no snapshot is written then. The log's own records may follow.
    @Test func aSnapshotIsNotWrittenOverRecordsTheCallerDidNotFold() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            for index in 0..<3 { try log.append(type: 1, payload: distinctPayload(index)) }
            try log.keep(Data("x".utf8), named: "kept")
            #expect(try log.writeSnapshot(Data("state".utf8)) { $0 <= 3 })
            try log.append(type: 1, payload: distinctPayload(9))
            #expect(try !log.writeSnapshot(Data("stale".utf8)) { $0 <= 3 })
            log.close()
            let (reopened, handed, delivered) = try Self.open(directory)
            #expect(handed == Data("state".utf8) && delivered == [5])
            reopened.close()
        }
    }

    /// A crash while the snapshot is replaced leaves the old one (and a temporary file the next
    /// writer removes): the open still matches and nothing is lost.
    @Test func anInterruptedReplacementLeavesTheOldSnapshot() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory, count: 4, after: 1)
            let temporary = directory.appendingPathComponent("events.log.snapshot.tmp")
            try writeBytes(Array(try fileBytes(Self.snapshotURL(directory)).prefix(40)), to: temporary)
            let (log, handed, delivered) = try Self.open(directory)
            #expect(handed == Data("state".utf8) && delivered == [6])
            #expect(!FileManager.default.fileExists(atPath: temporary.path))
            log.close()
        }
    }
}
