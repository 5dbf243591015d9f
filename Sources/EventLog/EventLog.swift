import Crypto
import Foundation
import Synchronization

/// An encrypted, append-only, crash-safe log of opaque records in a data directory.
///
/// Appends return only once durable. Only one process writes (an exclusive lock file); any number
/// may read. The format is described in docs/log-format.md.
///
/// Thread safety: all methods may be called from any thread. Appends from several threads share
/// syncs (group commit); reads run beside appends and see everything acknowledged before they began.
public final class EventLog: Sendable {
    /// The data directory.
    public let directory: URL
    /// What opening found and repaired.
    public let recovery: RecoveryReport
    /// What the full read at open time saw (the same data `verify` reports).
    public let openingRead: ReadReport

    let fileSystem: any FileSystem
    let paths: DataDirectory
    let header: LogHeader
    let file: any OpenFile
    let writer: LogWriter?
    let writerLock: (any WriterLock)?
    let secrets: Mutex<Secrets>
    let clock: @Sendable () -> UInt64
    /// Where frames start, from the opening read: lets `records(withSequences:)` read a few
    /// records back without reading the log from the start.
    let frameIndex: FrameIndex
    /// What the log's own records say (kept values, maintenance).
    let notes: Mutex<LogNotes>
    /// What the opening read saw of the key file's history (see `KeyFileRecord`), in this log and,
    /// in a shared folder, in the other devices' logs.
    let keyFileHistory: KeyFileHistory
    /// In a shared folder: what opening read of every other device's log.
    public let peers: [PeerLogReport]
    /// Where the opening read left the log, and what it derived from the log's own records: a
    /// snapshot written later continues from here (nil for an empty or damaged log).
    let openingPoint: SnapshotPoint?
    /// The snapshot the open resumed from: the frames up to its end were not read by the open
    /// (`verifyFramesCoveredBySnapshot` reads them).
    let resumedFrom: SnapshotPoint?
    /// In a shared folder: where this open moved a state directory of another case file that
    /// stood in this one's place (see `StateBinding`).
    let stateSetAside = Mutex<URL?>(nil)
    public var setAsideState: URL? { stateSetAside.withLock { $0 } }

    /// The data keys and the key file as last written; the keys are dropped on close.
    struct Secrets: Sendable {
        var dataKeys: DataKeys?
        var keyFile: KeyFile
        /// False once `reopened` handed the writer lock to a new log.
        var ownsLock = true
    }

    /// True when appends are refused: opened `.readOnly`, or damage was found on open.
    public var isReadOnly: Bool { writer == nil }

    /// The failure that stopped the writer, if any; the log must be reopened to append again.
    public var writerFailure: WriteFailure? { writer?.stoppedBy }

    /// Bytes the header and the acknowledged records take. The file is usually larger: the rest
    /// is space reserved for the next appends.
    public var committedBytes: UInt64 { writer?.committedTail.endOffset ?? openingRead.endOffset }

    /// The log file grows in steps of this many bytes (see docs/log-format.md, "Durability rules").
    public static let reservationStep = FrameLayout.reservationStep

    // MARK: - Creating and opening

    /// Creates a new log in `directory` (created with mode 0700 if missing) with one user, and
    /// opens it for writing.
    public static func create(at directory: URL, user: String, passphrase: String,
                              kdf: KDFParameters = .standard) throws -> EventLog {
        try create(at: directory, user: user, passphrase: passphrase, kdf: kdf,
                   fileSystem: PosixFileSystem(), clock: wallClockMicroseconds)
    }

    /// Opens the log in `directory` as `user`.
    ///
    /// A wrong passphrase throws `EventLogError.wrongPassphrase` before anything on disk is touched.
    /// With `.readWrite`, a torn tail is cut off, and damage before the last record makes the log
    /// open read-only instead; both are described in `recovery`.
    public static func open(at directory: URL, user: String, passphrase: String,
                            mode: OpenMode = .readWrite) throws -> EventLog {
        try open(at: directory, user: user, passphrase: passphrase, mode: mode,
                 fileSystem: PosixFileSystem(), clock: wallClockMicroseconds)
    }

    /// Opens like `open(at:user:passphrase:mode:)` and hands every readable record to `body`
    /// during the read that opening does anyway, so a caller that replays the whole log reads
    /// and decrypts it once instead of twice. Records of a torn tail are not delivered.
    ///
    /// With `snapshot`, this device's snapshot of the log (`writeSnapshot`), when there is one that
    /// opens and the log holds the frame it ends with, is handed over first: if `snapshot` accepts
    /// its contents, only the records after it are delivered. A snapshot that is missing, does not
    /// match or is refused changes nothing: every record is delivered.
    public static func open(at directory: URL, user: String, passphrase: String, mode: OpenMode = .readWrite,
                            snapshot: ((Data) -> Bool)? = nil,
                            eachRecord body: (LogRecord) throws -> Void) throws -> EventLog {
        try open(DataDirectory(directory), user: user, passphrase: passphrase, mode: mode,
                 fileSystem: PosixFileSystem(), clock: wallClockMicroseconds, snapshot: snapshot) { try LogRecord.deliver($1, from: $0, to: body) }
    }

    static func create(at directory: URL, user: String, passphrase: String, kdf: KDFParameters,
                       fileSystem: any FileSystem, clock: @escaping @Sendable () -> UInt64) throws -> EventLog {
        try validate(user: user, passphrase: passphrase, kdf: kdf)
        let paths = DataDirectory(directory)
        try io { () throws(FileSystemError) in try fileSystem.createDirectory(paths.path) }
        guard !fileSystem.fileExists(paths.logPath) else { throw EventLogError.alreadyExists(directory: paths.path) }
        let dataKey = SymmetricKey(size: .bits256)
        let keysetID = Keyring.randomBytes(16)
        let slot = try Keyring.makeSlot(user: user, passphrase: passphrase, kdf: kdf, dataKey: dataKey, keysetID: keysetID)
        let keyFile = KeyFile(keysetID: keysetID, generation: 0, sealedHistory: [], slots: [slot], mac: [])
        return try makeLog(paths, fileSystem: fileSystem, keyFile: keyFile, dataKey: dataKey, clock: clock)
    }

    /// Writes a new, empty log and its key file into `paths` (whose directory exists) and opens
    /// it for writing: the last step of `create` and `salvage`. Every frame of the new log is
    /// sealed under `dataKey`, so its key file keeps no retired keys; it is generation 1, which a
    /// new log holds without a record (so that the caller's first record is number 1).
    static func makeLog(_ paths: DataDirectory, fileSystem: any FileSystem, keyFile oldKeyFile: KeyFile, dataKey: SymmetricKey,
                        headerVersion: UInt16 = 1, clock: @escaping @Sendable () -> UInt64) throws -> EventLog {
        var keyFile = oldKeyFile
        keyFile.generation = 1
        keyFile.sealedHistory = []
        keyFile.mac = Keyring.mac(of: keyFile, dataKey: dataKey)
        let lock = try acquireLock(paths, fileSystem)
        do {
            let header = LogHeader(version: headerVersion, fileID: Keyring.randomBytes(16), keysetID: keyFile.keysetID)
            try io { () throws(FileSystemError) in
                // The key file first: the log file's appearance is what makes the log exist.
                try AtomicReplace.write(keyFile.encoded(), to: paths.keyFilePath, in: fileSystem)
                try AtomicReplace.write(header.encoded(), to: paths.logPath, in: fileSystem)
            }
            return try openLocked(paths: paths, fileSystem: fileSystem, header: header, keyFile: keyFile,
                                  keys: DataKeys(current: dataKey), lock: lock, clock: clock)
        } catch {
            lock.release()
            throw error
        }
    }

    static func open(at directory: URL, user: String, passphrase: String, mode: OpenMode,
                     fileSystem: any FileSystem, clock: @escaping @Sendable () -> UInt64, salvaging: Bool = false,
                     deliver: (UInt64, ArraySlice<RecordContent>) throws -> Void = { _, _ in }) throws -> EventLog {
        try open(DataDirectory(directory), user: user, passphrase: passphrase, mode: mode, fileSystem: fileSystem,
                 clock: clock, salvaging: salvaging, deliver: deliver)
    }

    /// Opens the log at `paths`; `readPeers`, given the unlocked keys, reads the other devices'
    /// logs of a shared folder before this one is checked against the key file's history.
    static func open(_ paths: DataDirectory, user: String, passphrase: String, mode: OpenMode,
                     fileSystem: any FileSystem, clock: @escaping @Sendable () -> UInt64, salvaging: Bool = false,
                     readPeers: (DataKeys, KeyFile) -> PeerReading = { _, _ in PeerReading() },
                     snapshot: ((Data) -> Bool)? = nil,
                     deliver: (UInt64, ArraySlice<RecordContent>) throws -> Void = { _, _ in }) throws -> EventLog {
        let (header, keyFile) = try readHeaderAndKeyFile(paths, fileSystem)
        // The marker of a shared folder is no log: the folder is opened with a state directory.
        if paths.logName == DataDirectory.singleLogName, header.version >= 2 { throw EventLogError.notJoined(folder: paths.path) }
        let unlocked = try unlock(keyFile, user: user, passphrase: passphrase, in: paths)
        let peers = readPeers(unlocked.keys, keyFile)
        let log: EventLog
        var reunlocked = unlocked
        if mode == .readWrite {
            let lock = try acquireLock(paths, fileSystem)
            do {
                // Re-read under the lock: a passphrase change may have replaced the key file meanwhile.
                let (_, current) = try readHeaderAndKeyFile(paths, fileSystem)
                if current != keyFile { reunlocked = try unlock(current, user: user, passphrase: passphrase, in: paths) }
                log = try openLocked(paths: paths, fileSystem: fileSystem, header: header, keyFile: current,
                                     keys: reunlocked.keys, lock: lock, clock: clock, salvaging: salvaging, peers: peers,
                                     snapshot: snapshot, deliver: deliver)
            } catch {
                lock.release()
                throw error
            }
        } else {
            log = try openLocked(paths: paths, fileSystem: fileSystem, header: header, keyFile: keyFile,
                                 keys: unlocked.keys, lock: nil, clock: clock, salvaging: salvaging, peers: peers,
                                 snapshot: snapshot, deliver: deliver)
        }
        do {
            return try log.reconcileKeyFile(reunlocked, passphrase: passphrase)
        } catch {
            log.close()
            throw error
        }
    }

    /// Scans the log and sets up reading and (with a lock) writing.
    static func openLocked(paths: DataDirectory, fileSystem: any FileSystem, header: LogHeader,
                                   keyFile: KeyFile, keys: DataKeys, lock: (any WriterLock)?,
                                   clock: @escaping @Sendable () -> UInt64, salvaging: Bool = false,
                                   peers: PeerReading = PeerReading(),
                                   snapshot: ((Data) -> Bool)? = nil,
                                   deliver: (UInt64, ArraySlice<RecordContent>) throws -> Void = { _, _ in }) throws -> EventLog {
        let file = try io { () throws(FileSystemError) in
            try fileSystem.open(paths.logPath, mode: lock == nil ? .read : .readWrite)
        }
        do {
            let size = try io { () throws(FileSystemError) in try file.size() }
            var notes = LogNotes()
            var state = LogState.read(paths, fileSystem, key: keys.current, fileID: header.fileID)
            var keyFileHistory = KeyFileHistory()
            let scanner = LogScanner(file: file, fileSize: size, keys: keys, fileID: header.fileID,
                                     reservationStep: fileSystem.appendReservation, salvaging: salvaging)
            let resumed = try snapshot.flatMap { accept in
                try resumptionPoint(paths, fileSystem, keys: keys, fileID: header.fileID, scanner: scanner, accept: accept)
            }
            if let resumed {
                notes = resumed.notes
                keyFileHistory = resumed.keyFileHistory
                // This device wrote the snapshot from a log it trusted, and the log holds the frame it
                // ends with: a state naming an earlier record is older evidence of the same log.
                if case .state(let found) = state, found.lastSequence < resumed.lastSequence { state = .none }
            }
            let watched: UInt64? = if case .state(let state) = state { state.lastSequence } else { nil }
            let scan = try scanNoticingRetiredKey(keyFile, directory: paths.path, history: &keyFileHistory) { history in
                try scanner.scan(watching: watched, from: resumed) { first, records in
                    history.note(records, firstSequence: first)
                    notes.note(records)
                    try deliver(first, records)
                }
            }
            let openingPoint = scan.point(notes: notes, keyFileHistory: keyFileHistory)
            keyFileHistory.merge(peers.keyFileHistory)
            var recovery = RecoveryReport(tornTail: scan.report.tornTail, tailWasCut: false,
                                          damage: scan.report.damage, removedTemporaryFiles: [])
            recovery.rollback = LogState.check(state, against: scan)
            var writer: LogWriter?
            var heldLock = lock
            if lock != nil, !scan.report.damage.isEmpty || recovery.rollback?.isRollback == true {
                heldLock?.release()  // damaged or rolled back: read-only, and another process may salvage
                heldLock = nil
            } else if lock != nil {
                if scan.report.tornTail != nil {
                    recovery.cutTailCopy = try io { () throws(FileSystemError) in
                        let copy = try keepCutTail(of: file, from: scan.report.endOffset, size: size, paths, fileSystem, clock())
                        try file.truncate(to: scan.report.endOffset)
                        try file.sync()
                        return copy
                    }
                    recovery.tailWasCut = true
                }
                recovery.removedTemporaryFiles = removeLeftovers(paths, fileSystem)
                let tail = LogTail(endOffset: scan.report.endOffset,
                                   fileEnd: recovery.tailWasCut ? scan.report.endOffset : size,
                                   nextSequence: (scan.report.lastSequence ?? 0) + 1,
                                   previousTag: scan.lastTag, lastTimestamp: scan.report.lastTimestamp ?? 0)
                writer = LogWriter(
                    file: file, sealer: FrameSealer(key: keys.current, fileID: header.fileID), tail: tail,
                    reservation: fileSystem.appendReservation, clock: clock,
                    reverify: { acknowledged in
                        reverify(paths: paths, fileSystem: fileSystem, keys: keys, fileID: header.fileID,
                                 acknowledgedThrough: acknowledged)
                    })
            }
            return EventLog(directory: URL(fileURLWithPath: paths.path), recovery: recovery, openingRead: scan.report,
                            frameIndex: scan.index, notes: notes, keyFileHistory: keyFileHistory, peers: peers.reports,
                            openingPoint: openingPoint, resumedFrom: resumed,
                            fileSystem: fileSystem, paths: paths, header: header, file: file, writer: writer,
                            writerLock: heldLock, secrets: Secrets(dataKeys: keys, keyFile: keyFile),
                            clock: clock)
        } catch {
            file.close()
            throw error
        }
    }

    private init(directory: URL, recovery: RecoveryReport, openingRead: ReadReport, frameIndex: FrameIndex,
                 notes: LogNotes, keyFileHistory: KeyFileHistory, peers: [PeerLogReport],
                 openingPoint: SnapshotPoint?, resumedFrom: SnapshotPoint?, fileSystem: any FileSystem,
                 paths: DataDirectory, header: LogHeader, file: any OpenFile, writer: LogWriter?,
                 writerLock: (any WriterLock)?, secrets: Secrets, clock: @escaping @Sendable () -> UInt64) {
        self.directory = directory
        self.recovery = recovery
        self.openingRead = openingRead
        self.frameIndex = frameIndex
        self.notes = Mutex(notes)
        self.keyFileHistory = keyFileHistory
        self.peers = peers
        self.openingPoint = openingPoint
        self.resumedFrom = resumedFrom
        self.fileSystem = fileSystem
        self.paths = paths
        self.header = header
        self.file = file
        self.writer = writer
        self.writerLock = writerLock
        self.secrets = Mutex(secrets)
        self.clock = clock
    }

    /// Opens the log again for writing with the key this one holds, after a failed write or sync
    /// stopped its writer (a full disk that has since been cleared). The files are scanned and
    /// verified from disk as on any open — a half-written frame is cut — and no passphrase is
    /// needed. The writer lock passes to the new log; on success this one is closed, on failure it
    /// is left as it was.
    public func reopened(eachRecord body: (LogRecord) throws -> Void = { _ in }) throws -> EventLog {
        try reopened(keys: dataKeys(), eachRecord: body)
    }

    /// `reopened` with `keys` (after the data key changed).
    func reopened(keys: DataKeys, eachRecord body: (LogRecord) throws -> Void = { _ in }) throws -> EventLog {
        guard let writerLock else { throw EventLogError.readOnly(reason: .openedReadOnly) }
        let (_, keyFile) = try Self.readHeaderAndKeyFile(paths, fileSystem)
        let fresh = try Self.openLocked(paths: paths, fileSystem: fileSystem, header: header, keyFile: keyFile,
                                        keys: keys, lock: writerLock, clock: clock, peers: PeerReading(reports: peers),
                                        deliver: { try LogRecord.deliver($1, from: $0, to: body) })
        secrets.withLock { $0.ownsLock = false }
        close()
        return fresh
    }

    deinit { close() }

    /// Waits for appends in flight, releases the writer lock and drops the data key. Further
    /// calls throw `EventLogError.closed`. Call it when the app locks, too.
    public func close() {
        writer?.close()
        if let writer, writer.stoppedBy == nil, let keys = secrets.withLock({ $0.ownsLock ? $0.dataKeys : nil }) {
            let tail = writer.committedTail
            if tail.nextSequence - 1 != openingRead.lastSequence ?? 0 {
                LogState(lastSequence: tail.nextSequence - 1, lastTag: tail.previousTag)
                    .write(paths, fileSystem, key: keys.current, fileID: header.fileID)
            }
        }
        if secrets.withLock({ $0.ownsLock }) { writerLock?.release() }
        file.close()
        secrets.withLock { $0.dataKeys = nil }
    }

    // MARK: - Appending

    /// Appends one record and returns its sequence number once it is durable. Types 0-253 are the
    /// caller's; 254 is the log's own (255 is kept for the key file's records).
    @discardableResult
    public func append(type: UInt8, payload: Data) throws -> UInt64 {
        guard type != LogNote.recordType, type != KeyFileRecord.type else { throw EventLogError.reservedRecordType(type) }
        return try requireWriter().commit([LogWriter.Item(type: type, payload: payload)]).lowerBound
    }

    /// Appends records atomically (after a crash all of them are read back or none) with one
    /// write and one sync, and returns their sequence numbers once durable.
    @discardableResult
    public func appendBatch(_ items: [(type: UInt8, payload: Data)]) throws -> ClosedRange<UInt64> {
        if let reserved = items.first(where: { $0.type == LogNote.recordType || $0.type == KeyFileRecord.type }) {
            throw EventLogError.reservedRecordType(reserved.type)
        }
        return try requireWriter().commit(items.map { LogWriter.Item(type: $0.type, payload: $0.payload) })
    }

    func requireWriter() throws(EventLogError) -> LogWriter {
        guard let writer else {
            if !recovery.damage.isEmpty { throw .readOnly(reason: .damage) }
            if let rollback = recovery.rollback, rollback.isRollback { throw .readOnly(reason: .rollback(rollback)) }
            throw .readOnly(reason: .openedReadOnly)
        }
        return writer
    }

    // MARK: - Reading

    /// Streams every readable record in order to `body`, skipping (and reporting) damage. Memory
    /// stays bounded whatever the log size. Sees every record acknowledged before the call.
    @discardableResult
    public func forEachRecord(_ body: (LogRecord) throws -> Void) throws -> ReadReport {
        try forEachFrame { try LogRecord.deliver($1, from: $0, to: body) }
    }

    /// Like `forEachRecord`, one frame (one atomic commit) at a time; `salvaging` reads past
    /// frames that do not authenticate, reporting them as damage.
    func forEachFrame(salvaging: Bool = false, _ body: (UInt64, ArraySlice<RecordContent>) throws -> Void) throws -> ReadReport {
        let keys = try dataKeys()
        return try LogScanner(file: file, fileSize: try readableEnd(), keys: keys, fileID: header.fileID,
                              reservationStep: fileSystem.appendReservation, salvaging: salvaging).scan(body).report
    }

    /// How far a read may go: what the writer acknowledged, or (read-only) the whole file.
    func readableEnd() throws(EventLogError) -> UInt64 {
        if let writer { return writer.committedTail.endOffset }
        return try io { () throws(FileSystemError) in try file.size() }
    }

    /// The current data key: what everything written now is sealed under.
    func dataKey() throws(EventLogError) -> SymmetricKey { try dataKeys().current }

    func dataKeys() throws(EventLogError) -> DataKeys {
        guard let keys = secrets.withLock({ $0.dataKeys }) else { throw .closed }
        return keys
    }

    // MARK: - Helpers shared with the other files

    static func validate(user: String, passphrase: String, kdf: KDFParameters) throws(EventLogError) {
        guard Keyring.isValidUserName(user) else { throw .invalidUserName(user) }
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        guard kdf.isAcceptable else { throw .unacceptableKDFParameters(kdf) }
    }

    static func readHeaderAndKeyFile(_ paths: DataDirectory, _ fileSystem: any FileSystem) throws -> (LogHeader, KeyFile) {
        guard fileSystem.fileExists(paths.logPath) else { throw EventLogError.noSuchLog(directory: paths.path) }
        let headerBytes = try io { () throws(FileSystemError) in
            let file = try fileSystem.open(paths.logPath, mode: .read)
            defer { file.close() }
            return try file.read(at: 0, count: LogHeader.size)
        }
        let header: LogHeader
        do {
            header = try LogHeader.decode(headerBytes)
        } catch {
            switch error {
            case .notALog: throw EventLogError.notALog(path: paths.logPath)
            case .damaged: throw EventLogError.damagedHeader(path: paths.logPath)
            case .unsupportedVersion(let version):
                throw version > LogHeader.version ? EventLogError.newerFormat(path: paths.logPath, version: version)
                    : EventLogError.unsupportedVersion(path: paths.logPath, version: version)
            }
        }
        let keyFile = try readKeyFile(paths, fileSystem)
        guard keyFile.keysetID == header.keysetID else { throw EventLogError.keyFileMismatch(directory: paths.path) }
        return (header, keyFile)
    }

    static func readKeyFile(_ paths: DataDirectory, _ fileSystem: any FileSystem) throws -> KeyFile {
        guard fileSystem.fileExists(paths.keyFilePath) else { throw EventLogError.damagedKeyFile(path: paths.keyFilePath) }
        let bytes = try io { () throws(FileSystemError) in
            try AtomicReplace.read(paths.keyFilePath, in: fileSystem, limit: KeyFile.maxSize)
        }
        guard let bytes else { throw EventLogError.damagedKeyFile(path: paths.keyFilePath) }
        do {
            return try KeyFile.decode(bytes)
        } catch {
            if case .unsupportedVersion(let version) = error, version > KeyFile.version {
                throw EventLogError.newerFormat(path: paths.keyFilePath, version: version)
            }
            throw EventLogError.damagedKeyFile(path: paths.keyFilePath)
        }
    }

    static func acquireLock(_ paths: DataDirectory, _ fileSystem: any FileSystem) throws -> any WriterLock {
        do {
            return try fileSystem.acquireWriterLock(paths.lockPath, holder: lockHolderDescription())
        } catch let unavailable as LockUnavailable {
            throw EventLogError.lockedByAnotherProcess(holder: unavailable.holder)
        } catch let error as FileSystemError {
            throw EventLogError(error)
        }
    }

    /// Copies the bytes a torn-tail cut removes into a side file, durably, before the cut: they
    /// are ciphertext already, and a wrong verdict of "torn" must not lose anything. Trailing zeros
    /// are not kept (they hold nothing); nil when there is nothing else.
    private static func keepCutTail(of file: any OpenFile, from offset: UInt64, size: UInt64, _ paths: DataDirectory,
                                    _ fileSystem: any FileSystem, _ time: UInt64) throws(FileSystemError) -> String? {
        var bytes = try file.read(at: offset, count: Int(size - offset))
        guard let last = bytes.lastIndex(where: { $0 != 0 }) else { return nil }
        bytes.removeSubrange((last + 1)...)
        let path = paths.cutTailPath(offset: offset, time: time)
        try AtomicReplace.write(bytes, to: path, in: fileSystem)
        return path
    }

    /// Temporary files of an interrupted atomic replacement: the old file is intact beside them.
    private static func removeLeftovers(_ paths: DataDirectory, _ fileSystem: any FileSystem) -> [String] {
        var removed: [String] = []
        for (directory, shared) in paths.state == paths.path ? [(paths.path, false)] : [(paths.path, true), (paths.state, false)] {
            guard let names = try? fileSystem.listDirectory(directory) else { continue }
            for name in names.sorted() where paths.isOwnLeftover(name, inSharedFolder: shared) {
                if (try? fileSystem.remove(directory + "/" + name)) != nil { removed.append(name) }
            }
        }
        return removed
    }

    /// After a write failure: re-read the log from disk and check records 1...n are all there.
    private static func reverify(paths: DataDirectory, fileSystem: any FileSystem, keys: DataKeys,
                                 fileID: [UInt8], acknowledgedThrough: UInt64) -> Bool? {
        guard let file = try? fileSystem.open(paths.logPath, mode: .read) else { return nil }
        defer { file.close() }
        guard let size = try? file.size(),
              let scan = try? LogScanner(file: file, fileSize: size, keys: keys, fileID: fileID,
                                         reservationStep: fileSystem.appendReservation).scan({ _, _ in })
        else { return nil }
        return scan.report.damage.isEmpty && (scan.report.lastSequence ?? 0) >= acknowledgedThrough
    }
}

/// Runs a storage operation, turning its error into an `EventLogError`.
func io<T>(_ body: () throws(FileSystemError) -> T) throws(EventLogError) -> T {
    do { return try body() } catch { throw EventLogError(error) }
}
