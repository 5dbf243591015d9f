import Foundation
import Testing
@testable import EventLog

/// Issue 11, items 2 and 5: salvage copies every frame before a bad one and every frame after it
/// that still authenticates in sequence, says exactly what it skipped, and holds the writer lock.
@Suite struct SalvageTests {
    static func salvaged(_ parent: URL, changing change: ([UInt8], [FrameLocation]) -> [UInt8])
        throws -> (records: [LogRecord], frames: [FrameLocation], report: SalvageReport, copies: [LogRecord]) {
        let source = parent.appendingPathComponent("source")
        let target = parent.appendingPathComponent("target")
        let (records, frames) = try TornTailTests.makeLog(in: source)
        try writeBytes(change(try fileBytes(logURL(source)), frames), to: logURL(source))
        let report = try EventLog.salvage(from: source, to: target, user: alice, passphrase: alicePassphrase)
        let log = try EventLog.open(at: target, user: alice, passphrase: alicePassphrase, mode: .readOnly)
        defer { log.close() }
        #expect(log.recovery.damage.isEmpty)
        return (records, frames, report, try readAll(log))
    }

    static func sequences(of frame: FrameLocation, in frames: [FrameLocation]) -> ClosedRange<UInt64> {
        let next = frames.first { $0.offset == frame.end }?.firstSequence ?? 61
        return frame.firstSequence...(next - 1)
    }

    /// A forger changes a frame and fixes its checksum: the frame fails authentication. Salvage
    /// skips that frame only; the frames after it still chain to its stored tag.
    @Test func aTamperedFrameIsSkippedAndEveryFrameAfterItIsCopied() throws {
        try withTemporaryDirectory { parent in
            let k = 12
            let (records, frames, report, copies) = try Self.salvaged(parent) { bytes, frames in
                var changed = bytes
                changed[frames[k].offset + 40] ^= 1
                let crc = CRC32C.checksum(changed[(frames[k].offset + 4)..<frames[k].end])
                withUnsafeBytes(of: crc.littleEndian) { changed.replaceSubrange(frames[k].offset..<(frames[k].offset + 4), with: $0) }
                return changed
            }
            let lost = Self.sequences(of: frames[k], in: frames)
            #expect(report.source.damage.count == 1)
            #expect(report.source.damage.first?.lostSequences == lost)
            #expect(report.source.damage.first?.offsets == UInt64(frames[k].offset)..<UInt64(frames[k].end))
            #expect(report.source.damage.first?.problem == .authenticationFailed)
            #expect(copies.map(\.payload) == records.filter { !lost.contains($0.sequence) }.map(\.payload))
            #expect(report.description.contains("records \(lost.lowerBound)") || report.description.contains("record \(lost.lowerBound)"))
        }
    }

    /// A frame duplicated in place is out of sequence: skipped, nothing lost, the rest copied.
    @Test func aDuplicatedFrameIsSkippedWithNothingLost() throws {
        try withTemporaryDirectory { parent in
            let k = 20
            let (records, _, report, copies) = try Self.salvaged(parent) { bytes, frames in
                Array(bytes[..<frames[k].end]) + Array(bytes[frames[k].offset...])
            }
            #expect(report.source.damage.count == 1)
            #expect(report.source.damage.first?.lostSequences == nil)
            #expect(copies.map(\.payload) == records.map(\.payload))
        }
    }

    /// A frame from another log with the same key spliced in: it does not authenticate, and the
    /// frame after it chained to the tag it replaced, so it cannot be verified; the frames after
    /// those two chain to intact tags and are copied.
    @Test func aSplicedForeignFrameEndsWhatCanBeVerified() throws {
        try withTemporaryDirectory { parent in
            let (source, original, frames, other, otherFrames) = try TamperTests.makeLogs(in: parent)
            let k = 12
            let spliced = Array(original[..<frames[k].offset]) + TamperTests.bytes(other, otherFrames[k])
                + Array(original[frames[k].end...])
            try writeBytes(spliced, to: logURL(source))
            let report = try EventLog.salvage(from: source, to: parent.appendingPathComponent("target"),
                                              user: alice, passphrase: alicePassphrase)
            let lost = frames[k].firstSequence...(frames[k + 2].firstSequence - 1)
            #expect(report.source.damage.map(\.lostSequences) == [lost])
            #expect(report.copiedRecords == 60 - lost.count)
        }
    }

    @Test func salvageHoldsTheWriterLock() throws {
        try withTemporaryDirectory { parent in
            let source = parent.appendingPathComponent("source")
            _ = try TornTailTests.makeLog(in: source)
            let writer = try EventLog.open(at: source, user: alice, passphrase: alicePassphrase)
            #expect(throws: EventLogError.self) {
                try EventLog.salvage(from: source, to: parent.appendingPathComponent("target"), user: alice, passphrase: alicePassphrase)
            }
            writer.close()
            _ = try EventLog.salvage(from: source, to: parent.appendingPathComponent("target"), user: alice, passphrase: alicePassphrase)
            #expect(try EventLog.open(at: source, user: alice, passphrase: alicePassphrase).isReadOnly == false, "released")
        }
    }
}

/// Issue 11, items 5 and 6: the log keeps values and what was done to it, in its own records.
@Suite struct LogNoteTests {
    @Test func keptValuesAndMaintenanceSurviveReopeningAndSalvageAndStayOutOfTheCallersRecords() throws {
        try withTemporaryDirectory { parent in
            let source = parent.appendingPathComponent("source")
            let (records, _) = try TornTailTests.makeLog(in: source)
            let log = try EventLog.open(at: source, user: alice, passphrase: alicePassphrase)
            try log.keep(Data("secret".utf8), named: "pseudonym-secret")
            // A note as logs wrote them before actions were stored as facts: an English sentence.
            try log.recordMaintenance(.described("backup to /tmp/old.tar"), by: alice)
            try log.recordMaintenance(.backup(records: 60, file: "/tmp/x.tar"), by: alice)
            #expect(throws: EventLogError.self) { try log.append(type: 254, payload: Data()) }
            log.close()

            let reopened = try EventLog.open(at: source, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            #expect(reopened.keptValue(named: "pseudonym-secret") == Data("secret".utf8))
            #expect(reopened.maintenanceHistory.map(\.fact) == [.described("backup to /tmp/old.tar"), .backup(records: 60, file: "/tmp/x.tar")])
            #expect(reopened.maintenanceHistory.first?.user == alice)
            #expect(try readAll(reopened) == records, "the log's own records are not the caller's")
            reopened.close()

            let target = parent.appendingPathComponent("target")
            _ = try EventLog.salvage(from: source, to: target, user: alice, passphrase: alicePassphrase)
            let salvaged = try EventLog.open(at: target, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            #expect(salvaged.keptValue(named: "pseudonym-secret") == Data("secret".utf8))
            #expect(salvaged.maintenanceHistory.map(\.user) == [alice, alice, alice])
            // What salvage did is kept as facts, for each reader to word in its language.
            guard case .salvage(let salvage)? = salvaged.maintenanceHistory.last?.fact else {
                Issue.record("no salvage note: \(salvaged.maintenanceHistory)")
                return
            }
            #expect(salvage.source == source.path && salvage.copiedRecords == 60 && salvage.skipped.isEmpty && salvage.otherLogs == 0)
            salvaged.close()
            let report = try EventLog.verify(at: target, user: alice, passphrase: alicePassphrase)
            #expect(report.description.contains("salvage of"))
        }
    }
}
