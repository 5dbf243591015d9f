import Foundation
import Testing
@testable import EventLog

/// A state directory notes the case file it belongs to, so that one left behind by another case
/// file at the same path is set aside instead of read as tampering (docs/log-format.md, "The state
/// binding"), while a rolled-back log of the same case file is still reported.
@Suite struct StateBindingTests {
    static func shared(_ root: URL, _ name: String = "Refuge", state: String = "state") -> SharedFolder {
        SharedFolder(folder: root.appendingPathComponent(name), state: root.appendingPathComponent(state))
    }

    static func create(_ shared: SharedFolder) throws -> EventLog {
        try EventLog.create(in: shared, user: alice, passphrase: alicePassphrase, kdf: testKDF)
    }

    static func open(_ shared: SharedFolder, _ mode: OpenMode = .readWrite) throws -> EventLog {
        try EventLog.open(in: shared, user: alice, passphrase: alicePassphrase, mode: mode, eachRecord: { _ in })
    }

    static func entries(_ url: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    }

    @Test func aCaseFileDeletedAndMadeAgainAtTheSamePathSetsTheOldStateAside() throws {
        try withTemporaryDirectory { root in
            let shared = Self.shared(root)
            let first = try Self.create(shared)
            try first.writeSealedFile(named: "device", contents: Data("first".utf8))
            try first.append(type: 1, payload: Data("a note".utf8))
            first.close()
            try FileManager.default.removeItem(at: shared.folder)

            let second = try Self.create(shared)
            defer { second.close() }
            #expect(try second.readSealedFile(named: "device") == nil, "the old case file's device id is not this one's")
            let aside = try #require(second.setAsideState)
            #expect(Self.entries(aside).contains("device.sealed"), "set aside, never deleted: \(Self.entries(aside))")
            #expect(aside.deletingLastPathComponent() == shared.state.deletingLastPathComponent())
            try second.writeSealedFile(named: "device", contents: Data("second".utf8))
            #expect(try second.readSealedFile(named: "device") == Data("second".utf8))
        }
    }

    @Test func aStateOfAnotherCaseFileNowInTheFolderIsSetAsideAndThisLaptopJoins() throws {
        try withTemporaryDirectory { root in
            let shared = Self.shared(root)
            let mine = try Self.create(shared)
            try mine.writeSealedFile(named: "device", contents: Data("mine".utf8))
            mine.close()
            // The folder is replaced by another case file (synced in from elsewhere).
            let other = Self.shared(root, "Other", state: "other-state")
            try Self.create(other).close()
            try FileManager.default.removeItem(at: shared.folder)
            try FileManager.default.copyItem(at: other.folder, to: shared.folder)

            var setAside = ""
            do {
                _ = try Self.open(shared)
                Issue.record("a state of another case file opened")
            } catch EventLogError.stateOfAnotherCaseFile(_, let path) {
                setAside = path
            }
            #expect(Self.entries(URL(fileURLWithPath: setAside)).contains("device.sealed"))
            let joined = try EventLog.join(shared, user: alice, passphrase: alicePassphrase)
            defer { joined.close() }
            #expect(try joined.readSealedFile(named: "device") == nil)
            #expect(joined.setAsideState == nil, "nothing more to set aside")
        }
    }

    @Test func aRolledBackLogOfTheSameCaseFileIsStillReported() throws {
        try withTemporaryDirectory { root in
            let shared = Self.shared(root)
            let log = try Self.create(shared)
            try log.append(type: 1, payload: Data("one".utf8))
            let name = log.logFileName
            log.close()
            let logURL = shared.folder.appendingPathComponent(name)
            let older = try Data(contentsOf: logURL)
            let again = try Self.open(shared)
            try again.append(type: 1, payload: Data("two".utf8))
            again.close()
            try older.write(to: logURL)

            let rolledBack = try Self.open(shared)
            defer { rolledBack.close() }
            #expect(rolledBack.recovery.rollback?.isRollback == true)
            #expect(rolledBack.isReadOnly)
            #expect(rolledBack.setAsideState == nil)
            #expect(Self.entries(shared.state).contains(name + ".state"), "the anchor stays where it was")
        }
    }

    @Test func aStateMadeBeforeTheBindingLearnsItAtTheNextWritableOpen() throws {
        try withTemporaryDirectory { root in
            let shared = Self.shared(root)
            try Self.create(shared).close()
            let note = shared.state.appendingPathComponent(StateBinding.fileName)
            let written = try Data(contentsOf: note)
            try FileManager.default.removeItem(at: note)
            try Self.open(shared, .readOnly).close()
            #expect(!FileManager.default.fileExists(atPath: note.path), "a read-only open writes nothing")
            try Self.open(shared).close()
            #expect(try Data(contentsOf: note) == written)
        }
    }

    @Test func theBindingReadsBackAndRefusesWhatIsNotOne() {
        let binding = StateBinding(keysetID: Array(0..<16), logFileID: Array(16..<32))
        #expect(StateBinding(binding.encoded) == binding)
        #expect(StateBinding(Array("keyset 00\nlog zz\n".utf8)) == nil)
        #expect(StateBinding([]) == nil)
    }
}
