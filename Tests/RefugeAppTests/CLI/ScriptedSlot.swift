import Foundation
@testable import EventLog

/// What an insider's script could do with the data key: add a slot of its own and authenticate
/// the key file again.
enum ScriptedSlot {
    static func add(user: String, passphrase: String, to directory: URL, unlockingWith owner: String, _ ownerPassphrase: String) throws {
        let paths = DataDirectory(directory)
        var keyFile = try EventLog.readKeyFile(paths, PosixFileSystem())
        let dataKey = try EventLog.unlock(keyFile, user: owner, passphrase: ownerPassphrase, in: paths).keys.current
        keyFile.slots.append(try Keyring.makeSlot(user: user, passphrase: passphrase, kdf: .fastForTests,
                                                  dataKey: dataKey, keysetID: keyFile.keysetID))
        keyFile.mac = Keyring.mac(of: keyFile, dataKey: dataKey)
        try Data(keyFile.encoded()).write(to: URL(fileURLWithPath: paths.keyFilePath))
    }
}
