import Crypto

/// User management. Only the key file changes, replaced atomically, so a crash at any step leaves
/// the old or the new set of passphrases working. Requires the log open for writing (the writer
/// lock keeps two processes from replacing the key file at once).
extension EventLog {
    /// The users who can open the log, sorted.
    public func users() throws -> [String] {
        let key = try dataKey()
        let keyFile = secrets.withLock { $0.keyFile }
        return keyFile.slots.map { Keyring.userName(in: $0, dataKey: key, keysetID: keyFile.keysetID) ?? "(unreadable slot)" }
            .sorted()
    }

    /// Gives `user` a slot opening the log with `passphrase`.
    public func addUser(_ user: String, passphrase: String, kdf: KDFParameters = .standard) throws {
        try Self.validate(user: user, passphrase: passphrase, kdf: kdf)
        try replaceKeyFile { keyFile, dataKey in
            let tag = Keyring.userTag(for: user, keysetID: keyFile.keysetID)
            guard !keyFile.slots.contains(where: { $0.userTag == tag }) else { throw EventLogError.userExists(user) }
            guard keyFile.slots.count < KeyFile.maxSlots else { throw EventLogError.io("the key file is full") }
            keyFile.slots.append(try Keyring.makeSlot(user: user, passphrase: passphrase, kdf: kdf,
                                                      dataKey: dataKey, keysetID: keyFile.keysetID))
        }
    }

    /// Removes `user`'s slot. The last user cannot be removed.
    public func removeUser(_ user: String) throws {
        try replaceKeyFile { keyFile, _ in
            let tag = try Self.slot(of: user, in: keyFile).userTag
            guard keyFile.slots.count > 1 else { throw EventLogError.cannotRemoveLastUser }
            keyFile.slots.removeAll { $0.userTag == tag }
        }
    }

    /// Replaces `user`'s passphrase; the old one must be given (a wrong one changes nothing).
    public func changePassphrase(user: String, from oldPassphrase: String, to newPassphrase: String,
                                 kdf: KDFParameters = .standard) throws {
        try Self.validate(user: user, passphrase: newPassphrase, kdf: kdf)
        try replaceKeyFile { keyFile, dataKey in
            let slot = try Self.slot(of: user, in: keyFile)
            _ = try Self.unlock(keyFile, user: user, passphrase: oldPassphrase)
            let index = keyFile.slots.firstIndex(of: slot)!
            keyFile.slots[index] = try Keyring.makeSlot(user: user, passphrase: newPassphrase, kdf: kdf,
                                                        dataKey: dataKey, keysetID: keyFile.keysetID)
        }
    }

    /// Applies `change` to a copy of the key file and writes it atomically. On a storage error the
    /// in-memory copy is reloaded from disk, which holds the old or the new version.
    private func replaceKeyFile(_ change: (inout KeyFile, SymmetricKey) throws -> Void) throws {
        _ = try requireWriter()
        let key = try dataKey()
        var keyFile = secrets.withLock { $0.keyFile }
        try change(&keyFile, key)
        do {
            try AtomicReplace.write(keyFile.encoded(), to: paths.keyFilePath, in: fileSystem)
        } catch {
            if let reloaded = try? Self.readKeyFile(paths, fileSystem) { secrets.withLock { $0.keyFile = reloaded } }
            throw EventLogError(error)
        }
        secrets.withLock { $0.keyFile = keyFile }
    }
}
