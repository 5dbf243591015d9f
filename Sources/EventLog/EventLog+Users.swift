import Crypto
import Foundation
import Synchronization

/// A key file opened with one user's passphrase.
struct UnlockedKeyFile {
    var keyFile: KeyFile
    var keys: DataKeys
    var slotIndex: Int
    var slot: KeySlot { keyFile.slots[slotIndex] }
}

/// User management and the key file's trust. Every change writes the key file's next generation
/// (authenticated under the data key, replaced atomically) and then records its digest in the log,
/// so a crash at any step leaves the old or the new set of passphrases working, and a key file
/// the log did not record is refused. Changes require the log open for writing (the writer lock
/// keeps two processes from replacing the key file at once).
extension EventLog {
    /// The users who can open the log, sorted.
    public func users() throws -> [String] {
        let key = try dataKey()
        let keyFile = secrets.withLock { $0.keyFile }
        return keyFile.slots.map { Keyring.userName(in: $0, dataKey: key, keysetID: keyFile.keysetID) ?? "(unreadable slot)" }
            .sorted()
    }

    /// How many key slots in `directory` are below the standard cost (scrypt N=2^17, r=8, p=1),
    /// such as those debug builds make for tests: `verify` warns about them. Read without a
    /// passphrase (a slot's cost is stored in clear); nil when there is no readable key file.
    public static func weakKeySlotCount(at directory: URL) -> Int? {
        (try? readKeyFile(DataDirectory(directory), PosixFileSystem()))?.slots.filter(\.kdf.isWeak).count
    }

    /// Whether opening `directory` for writing will rewrite its key file of version 1 in the current
    /// format (or `user`'s slot, still of version 1), so that a caller can say so before it happens.
    public static func keyFileUpgradePending(at directory: URL, user: String) -> Bool {
        let paths = DataDirectory(directory)
        guard let keyFile = try? readKeyFile(paths, PosixFileSystem()), !hasNewerSealedFiles(paths, PosixFileSystem()) else {
            return false
        }
        let tag = Keyring.version1Tag(for: user, keysetID: keyFile.keysetID)
        return keyFile.isVersion1 || keyFile.slots.contains { $0.kind == .passphraseWrapsDataKey && $0.id == tag }
    }

    /// A sealed file of a newer format means a newer Refuge wrote here: this one upgrades nothing.
    static func hasNewerSealedFiles(_ paths: DataDirectory, _ fileSystem: any FileSystem) -> Bool {
        let names = (try? fileSystem.listDirectory(paths.state)) ?? []
        return names.filter { $0.hasSuffix(DataDirectory.sealedSuffix) }.contains { name in
            guard let bytes = try? AtomicReplace.read(paths.state + "/" + name, in: fileSystem, limit: SealedFileFormat.maxFileSize)
            else { return false }
            return SealedFileFormat.newerVersion(of: bytes) != nil
        }
    }

    /// Gives `user` a slot opening the log with `passphrase`.
    public func addUser(_ user: String, passphrase: String, kdf: KDFParameters = .standard) throws {
        try Self.validate(user: user, passphrase: passphrase, kdf: kdf)
        try replaceKeyFile { keyFile, dataKey in
            guard Self.slotIndex(of: user, in: keyFile, dataKey: dataKey) == nil else { throw EventLogError.userExists(user) }
            guard keyFile.slots.count < KeyFile.maxSlots else { throw EventLogError.io("the key file is full") }
            keyFile.slots.append(try Keyring.makeSlot(user: user, passphrase: passphrase, kdf: kdf,
                                                      dataKey: dataKey, keysetID: keyFile.keysetID))
        }
    }

    /// Removes `user`'s slot and moves the log to a new data key for everything written from now
    /// on; the old key is kept, sealed under the new one, to read what it sealed. A copy of the
    /// key file from before opens nothing written after, and can write nothing (see
    /// `KeyFileRecord.keyRetired`). The last user cannot be removed. Returns the log to use from
    /// now on; this one is closed.
    @discardableResult
    public func removeUser(_ user: String) throws -> EventLog {
        // In a shared folder the key file has one writer at a time, like every change to it: the
        // other devices take the new key once the key file and this log reach them, and refuse
        // to open with the old key file from then on (docs/log-format.md, "Changing the data key
        // in a shared folder").
        let writer = try requireWriter()
        let keys = try dataKeys()
        let keyFile = secrets.withLock { $0.keyFile }
        guard let index = Self.slotIndex(of: user, in: keyFile, dataKey: keys.current) else { throw EventLogError.noSuchUser(user) }
        guard keyFile.slots.count > 1 else { throw EventLogError.cannotRemoveLastUser }
        let waiting = keyFile.slots.enumerated().filter { $0.offset != index && $0.element.kind == .passphraseWrapsDataKey }
            .map { Keyring.userName(in: $0.element, dataKey: keys.current, keysetID: keyFile.keysetID) ?? "?" }
        guard waiting.isEmpty else { throw EventLogError.slotsAwaitingUpgrade(users: waiting.sorted()) }
        let dropped = [keyFile.slots[index].id]
        let retirement = KeyFileRecord.keyRetired(generation: max(keyFile.generation, 1) + 1, dropped: dropped)
        let last = try writer.commit([LogWriter.Item(type: KeyFileRecord.type, payload: Data(retirement.encoded()))]).lowerBound
        return try finishRetirement(keyFile, keys: keys, dropping: dropped, retiredThrough: last)
    }

    /// Replaces `user`'s passphrase; the old one must be given (a wrong one changes nothing).
    public func changePassphrase(user: String, from oldPassphrase: String, to newPassphrase: String,
                                 kdf: KDFParameters = .standard) throws {
        try Self.validate(user: user, passphrase: newPassphrase, kdf: kdf)
        try replaceKeyFile { keyFile, dataKey in
            guard let index = Self.slotIndex(of: user, in: keyFile, dataKey: dataKey) else { throw EventLogError.noSuchUser(user) }
            guard let opened = try Keyring.open(keyFile.slots[index], passphrase: oldPassphrase, keysetID: keyFile.keysetID) else {
                throw EventLogError.wrongPassphrase(user: user)
            }
            if let privateKey = opened.privateKey {
                try Keyring.wrap(privateKey, in: &keyFile.slots[index], passphrase: newPassphrase, kdf: kdf, keysetID: keyFile.keysetID)
            } else {
                keyFile.slots[index] = try Keyring.makeSlot(user: user, passphrase: newPassphrase, kdf: kdf,
                                                            dataKey: dataKey, keysetID: keyFile.keysetID)
            }
        }
    }

    // MARK: - Unlocking

    /// The data keys from the slot `passphrase` opens for `user`; throws before anything is written.
    ///
    /// Slot ids are random, so every slot is tried (as LUKS and age do), as many at once as there
    /// are cores (each scrypt takes its own 128 MiB); a slot counts only if the name sealed in it
    /// is `user`'s. A slot of version 1 is found by its old tag.
    static func unlock(_ keyFile: KeyFile, user: String, passphrase: String, in paths: DataDirectory) throws -> UnlockedKeyFile {
        let name = Keyring.normalized(user)
        let oldTag = Keyring.version1Tag(for: user, keysetID: keyFile.keysetID)
        let candidates = keyFile.slots.indices.filter { index in
            let slot = keyFile.slots[index]
            return slot.kdf.isAcceptable && (slot.kind == .publicKey || slot.id == oldTag)
        }
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        for start in stride(from: 0, to: candidates.count, by: width) {
            let batch = Array(candidates[start..<min(start + width, candidates.count)])
            let opened = SlotAttempts(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { position in
                let slot = keyFile.slots[batch[position]]
                guard let result = try? Keyring.open(slot, passphrase: passphrase, keysetID: keyFile.keysetID),
                      Keyring.userName(in: slot, dataKey: result.dataKey, keysetID: keyFile.keysetID) == name else { return }
                opened.set(position, SendableKey(key: result.dataKey))
            }
            guard let (position, dataKey) = opened.first else { continue }
            guard keyFile.isVersion1 || Keyring.isAuthentic(keyFile, dataKey: dataKey.key),
                  let retired = Keyring.openHistory(keyFile.sealedHistory, under: dataKey.key, keysetID: keyFile.keysetID)
            else { throw EventLogError.keyFileAltered(directory: paths.path) }
            return UnlockedKeyFile(keyFile: keyFile, keys: DataKeys(current: dataKey.key, retired: retired), slotIndex: batch[position])
        }
        throw EventLogError.wrongPassphrase(user: user)
    }

    /// Runs the opening scan; a frame that fails authentication after the record retiring this
    /// key file's data key means the key file is an old copy, and is reported as such.
    static func scanNoticingRetiredKey<T>(_ keyFile: KeyFile, directory: String, history: inout KeyFileHistory,
                                          _ scan: (inout KeyFileHistory) throws -> T) throws -> T {
        do {
            return try scan(&history)
        } catch EventLogError.tampered(let offset, let sequence, let detail) {
            if let retirement = history.lastRetirement, retirement.generation > keyFile.generation, sequence > retirement.sequence {
                throw EventLogError.keyFileOutdated(directory: directory)
            }
            throw EventLogError.tampered(offset: offset, sequence: sequence, detail: detail)
        }
    }

    /// Holds the key file against the log's record of it, after the opening read. With the
    /// writer: records a change the log missed, finishes an interrupted change of the data key,
    /// and upgrades a key file (or the user's slot) of version 1. Returns the log to use.
    func reconcileKeyFile(_ unlocked: UnlockedKeyFile, passphrase: String) throws -> EventLog {
        switch keyFileHistory.verdict(on: unlocked.keyFile) {
        case .current:
            break
        case .outdated:
            throw EventLogError.keyFileOutdated(directory: paths.path)
        case .altered:
            throw EventLogError.keyFileAltered(directory: paths.path)
        case .unrecorded:
            // Recorded only once the file is durable: its replacement may have stopped before the
            // directory was synced, and a record of a file a power cut then takes back would lock
            // everyone out.
            if !isReadOnly, (try? fileSystem.syncDirectory(paths.path)) != nil { try recordKeyFile(unlocked.keyFile) }
        case .interruptedRetirement(let dropped):
            guard recovery.damage.isEmpty, !dropped.contains(unlocked.slot.id) else {
                throw EventLogError.keyFileOutdated(directory: paths.path)
            }
            guard !isReadOnly, let retirement = keyFileHistory.lastRetirement else { return self }
            // Every remaining slot had its key pair when the change began, so nothing is left to upgrade.
            return try finishRetirement(unlocked.keyFile, keys: unlocked.keys, dropping: dropped,
                                        retiredThrough: retirement.sequence)
        }
        guard !isReadOnly, unlocked.keyFile.isVersion1 || unlocked.slot.kind == .passphraseWrapsDataKey,
              !Self.hasNewerSealedFiles(paths, fileSystem) else { return self }
        let keysetID = unlocked.keyFile.keysetID
        guard let user = Keyring.userName(in: unlocked.slot, dataKey: unlocked.keys.current, keysetID: keysetID) else { return self }
        // A weak slot (made by a test build) keeps its cost only in a test build.
        let kdf = unlocked.slot.kdf.isWeak && !KDFParameters.isDebugBuild ? .standard : unlocked.slot.kdf
        try replaceKeyFile { keyFile, dataKey in
            guard unlocked.slotIndex < keyFile.slots.count, keyFile.slots[unlocked.slotIndex].id == unlocked.slot.id else { return }
            keyFile.slots[unlocked.slotIndex] = try Keyring.makeSlot(user: user, passphrase: passphrase, kdf: kdf,
                                                                     dataKey: dataKey, keysetID: keysetID)
        }
        return self
    }

    /// Records `keyFile`'s generation and digest in the log.
    func recordKeyFile(_ keyFile: KeyFile) throws {
        let record = KeyFileRecord.written(generation: keyFile.generation, digest: Keyring.digest(of: keyFile))
        _ = try requireWriter().commit([LogWriter.Item(type: KeyFileRecord.type, payload: Data(record.encoded()))])
    }

    // MARK: - Private

    static func slotIndex(of user: String, in keyFile: KeyFile, dataKey: SymmetricKey) -> Int? {
        let name = Keyring.normalized(user)
        return keyFile.slots.firstIndex { Keyring.userName(in: $0, dataKey: dataKey, keysetID: keyFile.keysetID) == name }
    }

    /// The second half of a change of data key, after the log recorded the old key's retirement
    /// through sequence `retiredThrough`: a new key sealed to every remaining slot, the old ones
    /// sealed under it, the key file written, the log reopened under the new key.
    private func finishRetirement(_ keyFile: KeyFile, keys: DataKeys, dropping dropped: [[UInt8]],
                                  retiredThrough: UInt64) throws -> EventLog {
        let newKey = SymmetricKey(size: .bits256)
        let keysetID = keyFile.keysetID
        var next = keyFile
        next.generation = max(keyFile.generation, 1) + 1
        next.slots = try keyFile.slots.filter { !dropped.contains($0.id) && $0.kind == .publicKey }.map { slot in
            guard let name = Keyring.userName(in: slot, dataKey: keys.current, keysetID: keysetID) else {
                throw EventLogError.keyFileAltered(directory: paths.path)
            }
            return try Keyring.seal(newKey, to: slot, user: name, keysetID: keysetID)
        }
        let retired = keys.retired + [DataKeys.RetiredKey(throughSequence: retiredThrough, key: keys.current)]
        next.sealedHistory = try Keyring.sealHistory(retired, under: newKey, keysetID: keysetID)
        next.mac = Keyring.mac(of: next, dataKey: newKey)
        try writeKeyFile(next)
        let fresh = try reopened(keys: DataKeys(current: newKey, retired: retired))
        try fresh.recordKeyFile(next)
        return fresh
    }

    /// Applies `change` to a copy of the key file, authenticates it as the next generation, writes
    /// it atomically and records it in the log.
    private func replaceKeyFile(_ change: (inout KeyFile, SymmetricKey) throws -> Void) throws {
        _ = try requireWriter()
        let key = try dataKey()
        var keyFile = secrets.withLock { $0.keyFile }
        try change(&keyFile, key)
        keyFile.generation = max(keyFile.generation, 1) + 1  // a file of version 1 becomes generation 2
        keyFile.mac = Keyring.mac(of: keyFile, dataKey: key)
        try writeKeyFile(keyFile)
        try recordKeyFile(keyFile)
    }

    /// On a storage error the in-memory copy is reloaded from disk, which holds the old or the new version.
    private func writeKeyFile(_ keyFile: KeyFile) throws {
        do {
            try AtomicReplace.write(keyFile.encoded(), to: paths.keyFilePath, in: fileSystem)
        } catch {
            if let reloaded = try? Self.readKeyFile(paths, fileSystem) { secrets.withLock { $0.keyFile = reloaded } }
            throw EventLogError(error)
        }
        secrets.withLock { $0.keyFile = keyFile }
    }
}

/// The data keys the slots of one batch opened, filled in from several threads.
private final class SlotAttempts: Sendable {
    private let keys: Mutex<[SendableKey?]>

    init(count: Int) { keys = Mutex(Array(repeating: nil, count: count)) }

    func set(_ position: Int, _ key: SendableKey) { keys.withLock { $0[position] = key } }

    /// The first in slot order.
    var first: (Int, SendableKey)? {
        keys.withLock { keys in keys.enumerated().first { $0.element != nil }.map { ($0.offset, $0.element!) } }
    }
}
