import Foundation
import RefugeTestSupport
import Testing
@testable import EventLog

/// A file written by a newer format version is refused by name, before anything is written: the
/// log header, the key file and a sealed file each carry a version after their magic.
@Suite struct NewerFormatTests {
    /// A log with a record and a sealed file, whose `file` then gets format version `version`.
    private func logWithBumpedVersion(of file: String, to version: UInt16, in directory: URL) throws {
        let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
        try log.append(type: 1, payload: Data("kept".utf8))
        try log.writeSealedFile(named: "draft", contents: Data("draft".utf8))
        log.close()
        let path = directory.appendingPathComponent(file)
        var bytes = try Data(contentsOf: path)
        bytes[8] = UInt8(version & 0xFF)
        bytes[9] = UInt8(version >> 8)
        try bytes.write(to: path)
    }

    @Test(arguments: [("events.log", LogHeader.version + 1), ("keys", KeyFile.version + 1)])
    func aNewerLogOrKeyFileIsRefusedAndUnchanged(file: String, version: UInt16) throws {
        try withTemporaryDirectory { directory in
            try logWithBumpedVersion(of: file, to: version, in: directory)
            let before = try DirectorySnapshot(directory)
            usleep(20_000)  // so that any write would show in the modification times
            let newer = EventLogError.newerFormat(path: directory.appendingPathComponent(file).path, version: version)
            #expect(throws: newer) { try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase) }
            #expect(throws: newer) { try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly) }
            #expect(throws: newer) { try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase) }
            #expect(try DirectorySnapshot(directory) == before)
            #expect(newer.description.contains("was made by a newer Refuge (file format version \(version)); upgrade Refuge"))
        }
    }

    @Test func aNewerSealedFileIsRefusedAndUnchanged() throws {
        try withTemporaryDirectory { directory in
            let version = SealedFileFormat.version + 1
            try logWithBumpedVersion(of: "draft.sealed", to: version, in: directory)
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            defer { log.close() }
            let path = directory.appendingPathComponent("draft.sealed")
            let before = try Data(contentsOf: path)
            #expect(throws: EventLogError.newerFormat(path: path.path, version: version)) { try log.readSealedFile(named: "draft") }
            #expect(try Data(contentsOf: path) == before)
        }
    }

    /// A damaged version field that is not newer still reads as damage, not as a newer format.
    @Test func anOlderOrZeroVersionIsNotMistakenForANewerOne() throws {
        try withTemporaryDirectory { directory in
            try logWithBumpedVersion(of: "keys", to: 0, in: directory)
            #expect(throws: EventLogError.damagedKeyFile(path: directory.appendingPathComponent("keys").path)) {
                try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            }
        }
    }
}
