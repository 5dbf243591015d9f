import Foundation
import RefugeTestSupport
import Testing
@testable import EventLog

/// Test 5 and user management on real files.
@Suite struct KeyTests {
    @Test func aWrongPassphraseChangesNoByteAndNoModificationTime() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.append(type: 1, payload: Data("something".utf8))
            try log.writeSealedFile(named: "draft", contents: Data("draft".utf8))
            log.close()
            let before = try DirectorySnapshot(directory)
            usleep(20_000)  // so that any write would show in the modification times

            let wrong = EventLogError.wrongPassphrase(user: alice)
            #expect(throws: wrong) { try EventLog.open(at: directory, user: alice, passphrase: "wrong") }
            #expect(throws: wrong) { try EventLog.open(at: directory, user: alice, passphrase: "wrong", mode: .readOnly) }
            #expect(throws: wrong) { try EventLog.verify(at: directory, user: alice, passphrase: "wrong") }
            #expect(throws: wrong) { try EventLog.salvage(from: directory, to: directory.appendingPathComponent("x"), user: alice, passphrase: "wrong") }
            // Slots carry no names in clear: an unknown user is told apart from a wrong passphrase by nothing.
            #expect(throws: EventLogError.wrongPassphrase(user: "mallory")) { try EventLog.open(at: directory, user: "mallory", passphrase: "x") }

            let reopened = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(throws: wrong) { try reopened.changePassphrase(user: alice, from: "wrong", to: "new one", kdf: testKDF) }
            reopened.close()
            var after = try DirectorySnapshot(directory)
            after.entries["lock"] = before.entries["lock"]  // the successful open took the lock
            #expect(after == before)
        }
    }

    @Test func usersCanBeAddedRemovedAndChangePassphrases() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.append(type: 1, payload: Data("shared".utf8))
            try log.addUser("Бахыт", passphrase: "бахыт passphrase", kdf: testKDF)
            try log.addUser("carol", passphrase: "carol passphrase", kdf: testKDF)
            #expect(throws: EventLogError.userExists("carol")) { try log.addUser("carol", passphrase: "x", kdf: testKDF) }
            #expect(throws: EventLogError.invalidUserName("")) { try log.addUser("", passphrase: "x", kdf: testKDF) }
            #expect(throws: EventLogError.emptyPassphrase) { try log.addUser("dave", passphrase: "", kdf: testKDF) }
            #expect(try log.users() == ["alice", "carol", "Бахыт"])
            try log.changePassphrase(user: "carol", from: "carol passphrase", to: "carol's new one", kdf: testKDF)
            let afterRemoval = try log.removeUser(alice)  // a new data key: the log to use from now on
            #expect(try afterRemoval.users() == ["carol", "Бахыт"])
            afterRemoval.close()

            #expect(throws: EventLogError.wrongPassphrase(user: alice)) { try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase) }
            #expect(throws: EventLogError.wrongPassphrase(user: "carol")) {
                try EventLog.open(at: directory, user: "carol", passphrase: "carol passphrase")
            }
            let carol = try EventLog.open(at: directory, user: "carol", passphrase: "carol's new one")
            #expect(try readAll(carol).map(\.payload) == [Data("shared".utf8)])
            carol.close()
            let bakhyt = try EventLog.open(at: directory, user: "Бахыт", passphrase: "бахыт passphrase")
            let alone = try bakhyt.removeUser("carol")
            #expect(throws: EventLogError.cannotRemoveLastUser) { try alone.removeUser("Бахыт") }
            alone.close()

            let reader = try EventLog.open(at: directory, user: "Бахыт", passphrase: "бахыт passphrase", mode: .readOnly)
            #expect(throws: EventLogError.self) { try reader.addUser("eve", passphrase: "x", kdf: testKDF) }
        }
    }

    @Test func sealedFilesRoundTripAndRefuseForeignOrDamagedContents() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            #expect(try log.readSealedFile(named: "draft") == nil)
            try log.writeSealedFile(named: "draft", contents: Data("first draft".utf8))
            try log.writeSealedFile(named: "draft", contents: Data("second draft".utf8))
            try log.writeSealedFile(named: "index-cache", contents: Data(count: 100_000))
            #expect(try log.readSealedFile(named: "draft") == Data("second draft".utf8))
            #expect(try log.readSealedFile(named: "index-cache") == Data(count: 100_000))
            #expect(throws: EventLogError.invalidSealedFileName("../escape")) { try log.writeSealedFile(named: "../escape", contents: Data()) }

            let draft = directory.appendingPathComponent("draft.sealed")
            try FileManager.default.copyItem(at: draft, to: directory.appendingPathComponent("other.sealed"))
            #expect(throws: EventLogError.damagedSealedFile(name: "other")) { try log.readSealedFile(named: "other") }
            var bytes = try fileBytes(draft)
            bytes[bytes.count / 2] ^= 1
            try writeBytes(bytes, to: draft)
            #expect(throws: EventLogError.damagedSealedFile(name: "draft")) { try log.readSealedFile(named: "draft") }
            try log.removeSealedFile(named: "draft")
            #expect(try log.readSealedFile(named: "draft") == nil)
        }
    }
}
