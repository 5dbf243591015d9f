import Foundation
import RefugeTestSupport
import Testing
@testable import EventLog

/// Test 4: records swapped, deleted, duplicated or spliced in (also from another log with the same
/// key) fail authentication: a hard error, and nothing is changed.
@Suite struct TamperTests {
    /// The damaged-free log, and a second log with the same key (a salvage copy) and one more record.
    static func makeLogs(in parent: URL) throws -> (directory: URL, original: [UInt8], frames: [FrameLocation], other: [UInt8], otherFrames: [FrameLocation]) {
        let directory = parent.appendingPathComponent("log")
        let twin = parent.appendingPathComponent("twin")
        _ = try TornTailTests.makeLog(in: directory)
        _ = try EventLog.salvage(from: directory, to: twin, user: alice, passphrase: alicePassphrase)
        let log = try EventLog.open(at: twin, user: alice, passphrase: alicePassphrase)
        try log.append(type: 1, payload: Data("extra".utf8))
        log.close()
        let original = try fileBytes(logURL(directory))
        let other = try fileBytes(logURL(twin))
        return (directory, original, frameLocations(original), other, frameLocations(other))
    }

    static func bytes(_ file: [UInt8], _ frame: FrameLocation) -> [UInt8] { Array(file[frame.offset..<frame.end]) }

    /// Rewrites a frame's sequence number and fixes its checksum, as a forger would.
    static func renumber(_ frame: [UInt8], to sequence: UInt64) -> [UInt8] {
        var bytes = frame
        withUnsafeBytes(of: sequence.littleEndian) { bytes.replaceSubrange(8..<16, with: $0) }
        let crc = CRC32C.checksum(bytes[4...])
        withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange(0..<4, with: $0) }
        return bytes
    }

    @Test func rearrangedOrForeignFramesAreRejectedAndNothingChanges() throws {
        try withTemporaryDirectory { parent in
            let (directory, original, frames, other, otherFrames) = try Self.makeLogs(in: parent)
            let header = Array(original.prefix(LogHeader.size))
            let f = frames.map { Self.bytes(original, $0) }
            let k = 12
            var cases: [(String, [UInt8])] = [
                ("swapped", header + f[..<k].joined() + f[k + 1] + f[k] + f[(k + 2)...].joined()),
                ("deleted", header + f[..<k].joined() + f[(k + 1)...].joined()),
                ("deleted last two", header + f.dropLast(2).joined() + f.last!),
                ("duplicated", header + f[...k].joined() + f[k...].joined()),
                ("duplicated last", original + f.last!),
                ("spliced from twin log", header + f[..<k].joined() + Self.bytes(other, otherFrames[k]) + f[(k + 1)...].joined()),
                ("appended from twin log", original + Self.bytes(other, otherFrames.last!)),
                ("deleted and renumbered", header + f[..<k].joined()
                    + zip(frames[(k + 1)...], f[(k + 1)...]).map { Self.renumber($1, to: $0.firstSequence - (frames[k + 1].firstSequence - frames[k].firstSequence)) }.joined()),
            ]
            var foreignHeader = LogHeader.decodeForTests(header)
            foreignHeader.fileID[0] ^= 1
            cases.append(("header file id changed", foreignHeader.encoded() + f.joined()))

            for (name, bytes) in cases {
                try writeBytes(bytes, to: logURL(directory))
                let before = try DirectorySnapshot(directory).entries.filter { $0.key != "lock" }
                for mode in [OpenMode.readWrite, .readOnly] {
                    #expect(Comment(rawValue: name)) {
                        try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: mode)
                    } throws: { error in
                        guard case .tampered = error as? EventLogError else { return false }
                        return true
                    }
                }
                #expect(throws: EventLogError.self) { try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase) }
                #expect(try DirectorySnapshot(directory).entries.filter { $0.key != "lock" } == before, "\(name): nothing may change")
            }
        }
    }

    @Test func aKeyFileOfAnotherLogIsRefused() throws {
        try withTemporaryDirectory { parent in
            let first = parent.appendingPathComponent("first")
            let second = parent.appendingPathComponent("second")
            _ = try EventLog.create(at: first, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            _ = try EventLog.create(at: second, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try FileManager.default.removeItem(at: second.appendingPathComponent("keys"))
            try FileManager.default.copyItem(at: first.appendingPathComponent("keys"), to: second.appendingPathComponent("keys"))
            #expect(throws: EventLogError.keyFileMismatch(directory: second.path)) {
                try EventLog.open(at: second, user: alice, passphrase: alicePassphrase)
            }
        }
    }
}

extension LogHeader {
    static func decodeForTests(_ bytes: [UInt8]) -> LogHeader { try! decode(bytes) }
}
