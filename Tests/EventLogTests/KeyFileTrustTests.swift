import Foundation
import Testing
@testable import EventLog

/// Issue 11, items 7, 8 and 12 at the EventLog's level.
@Suite struct KeyFileTrustTests {
    /// A script run by someone who can open the log (so holds the data key) adds a slot of its own.
    @Test func aSlotAddedByAScriptOpensNothing() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.append(type: 1, payload: Data("a case".utf8))
            log.close()
            let paths = DataDirectory(directory)
            var keyFile = try EventLog.readKeyFile(paths, PosixFileSystem())
            let dataKey = try EventLog.unlock(keyFile, user: alice, passphrase: alicePassphrase)
            keyFile.slots.append(try Keyring.makeSlot(user: "mallory", passphrase: "mallory passphrase", kdf: testKDF,
                                                      dataKey: dataKey, keysetID: keyFile.keysetID))
            try writeBytes(keyFile.encoded(), to: URL(fileURLWithPath: paths.keyFilePath))
            #expect(throws: (any Error).self) { try EventLog.open(at: directory, user: "mallory", passphrase: "mallory passphrase") }
        }
    }
}
