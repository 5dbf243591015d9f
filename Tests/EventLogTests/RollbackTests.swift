import Foundation
import Testing
@testable import EventLog

/// Issue 11, item 9: the log alone cannot tell an older copy of itself from the real thing; the
/// device-local state file (last sequence and tag seen) can, and a writable open then stays
/// read-only.
@Suite struct RollbackTests {
    static func open(_ directory: URL) throws -> EventLog {
        try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
    }

    static func append(_ directory: URL, _ payloads: [String]) throws {
        let log = try open(directory)
        for payload in payloads { try log.append(type: 1, payload: Data(payload.utf8)) }
        log.close()
    }

    @Test func anOlderCopyPutBackIsReportedAndNotWrittenTo() throws {
        try withTemporaryDirectory { directory in
            _ = try TornTailTests.makeLog(in: directory)
            try Self.append(directory, ["one"])
            let older = try fileBytes(logURL(directory))
            try Self.append(directory, ["two", "three"])
            #expect(try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase).rollback == nil)

            try writeBytes(older, to: logURL(directory))
            let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(report.rollback == .shorter(lastSequence: 61, seen: 63))
            #expect(report.description.contains("WARNING"))
            let log = try Self.open(directory)
            #expect(log.isReadOnly && log.recovery.rollback == .shorter(lastSequence: 61, seen: 63))
            #expect(throws: EventLogError.self) { try log.append(type: 1, payload: Data("four".utf8)) }
            log.close()
            #expect(try fileBytes(logURL(directory)) == older)
        }
    }

    @Test func aZeroedLastFrameIsAShorterLogNotATornTailToCut() throws {
        try withTemporaryDirectory { directory in
            let (_, frames) = try TornTailTests.makeLog(in: directory)
            var bytes = try fileBytes(logURL(directory))
            let last = frames.last!
            bytes.replaceSubrange(last.offset..<last.end, with: [UInt8](repeating: 0, count: last.end - last.offset))
            try writeBytes(bytes, to: logURL(directory))
            let log = try Self.open(directory)
            #expect(log.isReadOnly && !log.recovery.tailWasCut)
            #expect(log.recovery.rollback == .shorter(lastSequence: last.firstSequence - 1, seen: 60))
            log.close()
            #expect(try fileBytes(logURL(directory)) == bytes)
        }
    }

    /// Two copies of one log (same file id) that went on separately: a frame of one spliced onto
    /// the other authenticates, since it chains to the same predecessor; the state file does not
    /// recognise it.
    @Test func aFrameFromADivergedCopySplicedInIsReported() throws {
        try withTemporaryDirectory { parent in
            let mine = parent.appendingPathComponent("mine")
            let copy = parent.appendingPathComponent("copy")
            _ = try TornTailTests.makeLog(in: mine)
            try FileManager.default.copyItem(at: mine, to: copy)
            try Self.append(mine, ["written here"])
            try Self.append(copy, ["written on the copy"])
            let theirs = try fileBytes(logURL(copy))
            let ours = try fileBytes(logURL(mine))
            let lastOfTheirs = frameLocations(theirs).last!
            try writeBytes(Array(ours[..<lastOfTheirs.offset]) + Array(theirs[lastOfTheirs.offset..<lastOfTheirs.end]),
                           to: logURL(mine))
            let report = try EventLog.verify(at: mine, user: alice, passphrase: alicePassphrase)
            #expect(report.status == .intact, "the frame itself authenticates")
            #expect(report.rollback == .different(sequence: 61))
            #expect(try Self.open(mine).isReadOnly)
        }
    }

    /// A copy restored through salvage is a new log (new file id, new state): nothing to warn
    /// about, and frames of one can never pass for frames of the other.
    @Test func aSalvagedCopyHasANewFileIDAndItsOwnState() throws {
        try withTemporaryDirectory { parent in
            let source = parent.appendingPathComponent("source")
            let target = parent.appendingPathComponent("target")
            _ = try TornTailTests.makeLog(in: source)
            _ = try EventLog.salvage(from: source, to: target, user: alice, passphrase: alicePassphrase)
            let old = try fileBytes(logURL(source))
            let new = try fileBytes(logURL(target))
            #expect(old[12..<28] != new[12..<28], "file ids differ")
            let log = try Self.open(target)
            #expect(!log.isReadOnly && log.recovery.rollback == nil)
            log.close()
        }
    }
}
