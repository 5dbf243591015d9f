import Foundation
import Testing
@testable import EventLog

/// Issue 11, items 7, 8 and 12 at the EventLog's level.
@Suite struct KeyFileTrustTests {
    /// A script run by someone who can open the log (so holds the data key) adds a slot of its own
    /// and even authenticates the file: the log's record of the key file tells.
    @Test func aSlotAddedByAScriptOpensNothing() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.append(type: 1, payload: Data("a case".utf8))
            try log.addUser("bob", passphrase: "bob passphrase", kdf: testKDF)  // generation 2, recorded in the log
            log.close()
            let paths = DataDirectory(directory)
            var keyFile = try EventLog.readKeyFile(paths, PosixFileSystem())
            let dataKey = try EventLog.unlock(keyFile, user: alice, passphrase: alicePassphrase, in: paths).keys.current
            keyFile.slots.append(try Keyring.makeSlot(user: "mallory", passphrase: "mallory passphrase", kdf: testKDF,
                                                      dataKey: dataKey, keysetID: keyFile.keysetID))
            keyFile.mac = Keyring.mac(of: keyFile, dataKey: dataKey)
            try writeBytes(keyFile.encoded(), to: URL(fileURLWithPath: paths.keyFilePath))
            #expect(throws: EventLogError.keyFileAltered(directory: paths.path)) {
                try EventLog.open(at: directory, user: "mallory", passphrase: "mallory passphrase")
            }
            #expect(throws: EventLogError.keyFileAltered(directory: paths.path)) {
                try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            }
            // Without the data key the MAC cannot be made: the file is refused as altered too.
            keyFile.generation += 1
            try writeBytes(keyFile.encoded(), to: URL(fileURLWithPath: paths.keyFilePath))
            #expect(throws: EventLogError.keyFileAltered(directory: paths.path)) {
                try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            }
        }
    }

    /// Disabling a user moves the log to a new data key; the key file from before opens nothing
    /// and writes nothing, for anyone, while the current one reads every record.
    @Test func removingAUserRetiresTheDataKey() throws {
        try withTemporaryDirectory { directory in
            var log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.addUser("bob", passphrase: "bob passphrase", kdf: testKDF)
            try log.append(type: 1, payload: Data("before".utf8))
            try log.writeSealedFile(named: "note", contents: Data("sealed before".utf8))
            let keyFilePath = URL(fileURLWithPath: DataDirectory(directory).keyFilePath)
            let before = try fileBytes(keyFilePath)
            log = try log.removeUser("bob")
            try log.append(type: 1, payload: Data("after".utf8))
            #expect(try readAll(log).map { String(decoding: $0.payload, as: UTF8.self) } == ["before", "after"])
            #expect(try log.readSealedFile(named: "note") == Data("sealed before".utf8))
            log.close()

            #expect(throws: EventLogError.wrongPassphrase(user: "bob")) {
                try EventLog.open(at: directory, user: "bob", passphrase: "bob passphrase")
            }
            let after = try fileBytes(keyFilePath)
            try writeBytes(before, to: keyFilePath)
            for (user, passphrase) in [("bob", "bob passphrase"), (alice, alicePassphrase)] {
                #expect(throws: EventLogError.keyFileOutdated(directory: directory.path)) {
                    try EventLog.open(at: directory, user: user, passphrase: passphrase)
                }
                #expect(throws: EventLogError.keyFileOutdated(directory: directory.path)) {
                    try EventLog.open(at: directory, user: user, passphrase: passphrase, mode: .readOnly)
                }
            }
            try writeBytes(after, to: keyFilePath)
            let reopened = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(try readAll(reopened).count == 2)
            #expect(try reopened.users() == [alice])
            reopened.close()
        }
    }

    /// After a passphrase change, the old key file (with the old passphrase) is refused.
    @Test func anOlderKeyFileIsRefusedAfterAPassphraseChange() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            let keyFilePath = URL(fileURLWithPath: DataDirectory(directory).keyFilePath)
            let before = try fileBytes(keyFilePath)
            try log.changePassphrase(user: alice, from: alicePassphrase, to: "a new passphrase", kdf: testKDF)
            log.close()
            try writeBytes(before, to: keyFilePath)
            #expect(throws: EventLogError.keyFileOutdated(directory: directory.path)) {
                try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            }
        }
    }

    /// Slot ids are random, and the same passphrase in NFC and NFD is one key.
    @Test func slotIdsSayNothingAndPassphrasesAreNormalised() throws {
        try withTemporaryDirectory { directory in
            let composed = "Мой ёжик, қазақ тілі"
            let log = try EventLog.create(at: directory, user: alice, passphrase: composed.decomposedStringWithCanonicalMapping,
                                          kdf: testKDF)
            log.close()
            let keyFile = try EventLog.readKeyFile(DataDirectory(directory), PosixFileSystem())
            #expect(keyFile.slots[0].id != Keyring.version1Tag(for: alice, keysetID: keyFile.keysetID))
            try EventLog.open(at: directory, user: alice, passphrase: composed, mode: .readOnly).close()
            try EventLog.open(at: directory, user: alice, passphrase: "Мой ёжик,\u{00A0}қазақ тілі", mode: .readOnly).close()
        }
    }

    @Test func weakSlotsAreCountedWithoutAPassphrase() throws {
        try withTemporaryDirectory { directory in
            try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF).close()
            #expect(EventLog.weakKeySlotCount(at: directory) == 1)
            #expect(KDFParameters.standard.isWeak == false)
            #expect(KDFParameters.fastForTests.isWeak)
            #expect(KDFParameters(logN: 17, r: 8, p: 1).isAtLeast(.standard))
            #expect(!KDFParameters(logN: 17, r: 1, p: 8).isAtLeast(.standard))
        }
    }

    @Test func recordType255IsTheLogsOwn() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            defer { log.close() }
            #expect(throws: EventLogError.reservedRecordType(255)) { try log.append(type: 255, payload: Data()) }
            try log.addUser("bob", passphrase: "bob passphrase", kdf: testKDF)
            #expect(try readAll(log).isEmpty)  // the key file's records are not handed out
        }
    }

    /// A crash after the log recorded the retirement of the data key, before the new key file was
    /// written: the old key file still opens (nothing is lost), except for the user being removed,
    /// and the next open for writing finishes the change.
    @Test func anInterruptedRetirementIsFinishedOnTheNextWritableOpen() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.addUser("bob", passphrase: "bob passphrase", kdf: testKDF)
            try log.append(type: 1, payload: Data("kept".utf8))
            let keyFile = log.secrets.withLock { $0.keyFile }
            let bob = try #require(EventLog.slotIndex(of: "bob", in: keyFile, dataKey: try log.dataKey()))
            let retirement = KeyFileRecord.keyRetired(generation: keyFile.generation + 1, dropped: [keyFile.slots[bob].id])
            _ = try log.requireWriter().commit([LogWriter.Item(type: KeyFileRecord.type, payload: Data(retirement.encoded()))])
            log.close()  // the "crash": the new key file was never written

            #expect(throws: EventLogError.keyFileOutdated(directory: directory.path)) {
                try EventLog.open(at: directory, user: "bob", passphrase: "bob passphrase", mode: .readOnly)
            }
            let reader = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            #expect(try readAll(reader).count == 1)
            reader.close()
            let writer = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(try writer.users() == [alice])
            try writer.append(type: 1, payload: Data("after".utf8))
            #expect(try readAll(writer).count == 2)
            writer.close()
            let again = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            #expect(try readAll(again).count == 2)
            again.close()
            #expect(throws: EventLogError.wrongPassphrase(user: "bob")) {
                try EventLog.open(at: directory, user: "bob", passphrase: "bob passphrase", mode: .readOnly)
            }
        }
    }
}
