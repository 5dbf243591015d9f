import Crypto
import Foundation

/// A case file that several devices share (through Syncthing, a USB stick or any shared folder):
/// each device appends only to its own log, `events-NAME.log`, and reads every other one; the key
/// file is shared; everything a device keeps for itself lives in its state directory, which a
/// sync engine never sees. The layout is in docs/log-format.md, "A shared folder".
public struct SharedFolder: Sendable {
    /// The folder the devices share.
    public let folder: URL
    /// This device's own files for that folder: lock, sealed files, state files, sign-in failures.
    public let state: URL

    public init(folder: URL, state: URL) {
        self.folder = folder
        self.state = state
    }

    /// What the folder holds.
    public enum Layout: Sendable, Equatable {
        /// No case file.
        case none
        /// One log, `events.log` (format 1 and 2): moved into the shared layout by the first
        /// writable open.
        case singleLog
        /// Device logs.
        case shared
    }

    static let logPrefix = "events-"
    static let logSuffix = ".log"
    /// The state directory's note of this device's log name (in clear: the name is in the folder anyway).
    static let ownLogNote = "own-log"

    var folderPath: String { DataDirectory(folder).path }
    var statePath: String { DataDirectory(state).path }

    public var layout: Layout { layout(PosixFileSystem()) }

    func layout(_ fileSystem: any FileSystem) -> Layout {
        let marker = Self.headerVersion(of: folderPath + "/" + DataDirectory.singleLogName, fileSystem)
        // A newer Refuge's folder is opened as one log, which refuses it by its version.
        if let marker, marker > LogHeader.version { return .singleLog }
        if !deviceLogNames(fileSystem).isEmpty || marker == LogHeader.version { return .shared }
        return marker == nil ? .none : .singleLog
    }

    /// The device logs in the folder, sorted (Syncthing's temporary and conflict copies are not
    /// logs). A log that Syncthing is replacing at this very moment — its old file deleted, its
    /// new copy `.syncthing.NAME.tmp` not yet renamed over it — counts too, so that reading it
    /// waits for the rename instead of leaving it out.
    func deviceLogNames(_ fileSystem: any FileSystem) -> [String] {
        let entries = (try? fileSystem.listDirectory(folderPath)) ?? []
        let replacing = entries.filter { $0.hasPrefix(Self.syncthingTemporaryPrefix) && $0.hasSuffix(AtomicReplace.temporarySuffix) }
            .map { String($0.dropFirst(Self.syncthingTemporaryPrefix.count).dropLast(AtomicReplace.temporarySuffix.count)) }
        return Set(entries + replacing).filter(Self.isDeviceLogName).sorted()
    }

    static let syncthingTemporaryPrefix = ".syncthing."

    static func isDeviceLogName(_ name: String) -> Bool {
        guard name.hasPrefix(logPrefix), name.hasSuffix(logSuffix) else { return false }
        let middle = name.dropFirst(logPrefix.count).dropLast(logSuffix.count)
        return middle.count == 16 && middle.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    static func newDeviceLogName() -> String {
        logPrefix + Keyring.randomBytes(8).map { String(format: "%02x", $0) }.joined() + logSuffix
    }

    /// The name of this device's log, as its state directory notes it.
    func ownLogName(_ fileSystem: any FileSystem) -> String? {
        guard let bytes = try? AtomicReplace.read(statePath + "/" + Self.ownLogNote, in: fileSystem, limit: 256) ?? nil
        else { return nil }
        let name = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Self.isDeviceLogName(name) ? name : nil
    }

    func noteOwnLog(_ name: String, _ fileSystem: any FileSystem) throws(FileSystemError) {
        try fileSystem.createDirectory(statePath)
        try AtomicReplace.write(Array((name + "\n").utf8), to: statePath + "/" + Self.ownLogNote, in: fileSystem)
    }

    /// The other logs this device reads: every device log but its own, and a single log that its
    /// owner has not moved into the shared layout yet.
    func peerLogNames(own: String, _ fileSystem: any FileSystem) -> [String] {
        var names = deviceLogNames(fileSystem).filter { $0 != own }
        if Self.headerVersion(of: folderPath + "/" + DataDirectory.singleLogName, fileSystem) == 1 {
            names.insert(DataDirectory.singleLogName, at: 0)
        }
        return names
    }

    func paths(logName: String) -> DataDirectory { DataDirectory(folder: folder, state: state, logName: logName) }

    static func headerVersion(of path: String, _ fileSystem: any FileSystem) -> UInt16? {
        guard fileSystem.fileExists(path), let file = try? fileSystem.open(path, mode: .read) else { return nil }
        defer { file.close() }
        guard let bytes = try? file.read(at: 0, count: LogHeader.size), bytes.count >= 10 else { return 0 }
        return UInt16(bytes[8]) | UInt16(bytes[9]) << 8
    }
}

/// What opening read of the other devices' logs.
struct PeerReading: Sendable {
    var reports: [PeerLogReport] = []
    var keyFileHistory = KeyFileHistory()
}

/// What reading another device's log found. Another device's log is only read, never cut or
/// repaired: what is wrong with it is said here, and its owner repairs it.
public struct PeerLogReport: Sendable, Equatable, CustomStringConvertible {
    public enum Status: Sendable, Equatable {
        /// Read to its end.
        case intact
        /// It ends in the middle of a frame: still being written or carried (a folder synced
        /// half-way). Everything before was read; the rest arrives with the next copy.
        case incomplete
        /// Bad bytes before its end, or a frame that does not authenticate: its records are
        /// suspect. Those that read are kept and shown; its owner must check the log.
        case damaged(PeerDamage)
        /// A log of another case file (another key set): not read.
        case foreign
        /// Gone between listing and reading (a sync engine replacing it): read again next time.
        case vanished
        /// It could not be read at all (permissions, a damaged header).
        case unreadable(UnreadableLog)
    }

    /// Its file name in the folder.
    public let fileName: String
    public var status: Status
    public var recordCount = 0
    public var lastSequence: UInt64?
    /// When its last record was written (microseconds since 1970), by that device's clock.
    public var lastTimestamp: UInt64?
    /// Its size on disk.
    public var fileSize: UInt64 = 0

    public var description: String {
        let reach = "\(recordCount) records" + (lastSequence.map { ", last sequence \($0)" } ?? "")
            + (lastTimestamp.map { ", last written \(formatTimestamp($0))" } ?? "")
        let state = switch status {
        case .intact: "intact"
        case .incomplete: "still arriving (it ends in the middle of a record; the rest comes with the next copy)"
        case .damaged(let damage): "DAMAGED, its records are suspect (\(damage)); its own laptop must check it"
        case .foreign: "NOT READ: it belongs to another case file"
        case .vanished: "gone while it was read (being replaced by the sync); read again next time"
        case .unreadable(let reason): "NOT READ: \(reason)"
        }
        return "\(fileName): \(reach); \(state)"
    }

    /// Whether its records count as suspect.
    public var isSuspect: Bool { if case .damaged = status { true } else { false } }
}

extension EventLog {
    // MARK: - Shared folders

    /// Creates a new case file in a shared folder: the key file, this device's log and the
    /// folder's marker, with one user.
    public static func create(in shared: SharedFolder, user: String, passphrase: String,
                              kdf: KDFParameters = .standard) throws -> EventLog {
        let fileSystem = PosixFileSystem()
        try validate(user: user, passphrase: passphrase, kdf: kdf)
        guard shared.layout(fileSystem) == .none else { throw EventLogError.alreadyExists(directory: shared.folderPath) }
        // A key file without a log is a case file still arriving: never written over.
        if let missing = shared.missingPart(fileSystem) { throw EventLogError.incompleteFolder(folder: shared.folderPath, missing: missing) }
        // Files of a case file that was here before (deleted, then made anew at the same path).
        let setAside = try io { () throws(FileSystemError) -> URL? in
            shared.stateHoldsFiles(fileSystem) ? try shared.setStateAside(fileSystem, now: wallClockMicroseconds()) : nil
        }
        try io { () throws(FileSystemError) in
            try fileSystem.createDirectory(shared.folderPath)
            try fileSystem.createDirectory(shared.statePath)
        }
        let dataKey = SymmetricKey(size: .bits256)
        let keysetID = Keyring.randomBytes(16)
        let slot = try Keyring.makeSlot(user: user, passphrase: passphrase, kdf: kdf, dataKey: dataKey, keysetID: keysetID)
        let keyFile = KeyFile(keysetID: keysetID, generation: 0, sealedHistory: [], slots: [slot], mac: [])
        let name = SharedFolder.newDeviceLogName()
        try io { () throws(FileSystemError) in try shared.noteOwnLog(name, fileSystem) }
        let log = try makeLog(shared.paths(logName: name), fileSystem: fileSystem, keyFile: keyFile, dataKey: dataKey,
                              headerVersion: LogHeader.version, clock: wallClockMicroseconds)
        log.stateSetAside.withLock { $0 = setAside }
        do {
            try io { () throws(FileSystemError) in
                try shared.bindState(StateBinding(keysetID: keysetID, logFileID: log.header.fileID), fileSystem)
            }
            try writeMarker(shared, keysetID: keysetID, fileSystem)
        } catch {
            log.close()
            throw error
        }
        return log
    }

    /// Opens this device's log in a shared folder as `user`, reading every other device's log
    /// too: `eachRecord` gets this device's records, `eachPeerRecord` every other log's (the
    /// other log's file name and the record). A case file of one log is first moved into the
    /// shared layout, when opened for writing (read-only, it is read where it is). `snapshot` is
    /// asked, after the other logs were read, whether to take this device's snapshot of its own
    /// log (see `open(at:user:passphrase:mode:snapshot:eachRecord:)`).
    public static func open(in shared: SharedFolder, user: String, passphrase: String, mode: OpenMode = .readWrite,
                            snapshot: ((Data) -> Bool)? = nil,
                            eachRecord: (LogRecord) throws -> Void,
                            eachPeerRecord: (String, LogRecord) -> Void = { _, _ in }) throws -> EventLog {
        let fileSystem = PosixFileSystem()
        let deliver: (UInt64, ArraySlice<RecordContent>) throws -> Void = { try LogRecord.deliver($1, from: $0, to: eachRecord) }
        if shared.stateIsForeign(fileSystem) {
            // The folder now holds another case file than the one this state was made for.
            let setAside = try io { () throws(FileSystemError) in try shared.setStateAside(fileSystem, now: wallClockMicroseconds()) }
            throw EventLogError.stateOfAnotherCaseFile(folder: shared.folderPath, setAsideAt: setAside.path)
        }
        if let missing = shared.missingPart(fileSystem) { throw EventLogError.incompleteFolder(folder: shared.folderPath, missing: missing) }
        let own: String
        switch shared.layout(fileSystem) {
        case .none:
            throw EventLogError.noSuchLog(directory: shared.folderPath)
        case .singleLog where mode == .readOnly:
            return try open(DataDirectory(shared.folder), user: user, passphrase: passphrase, mode: .readOnly,
                            fileSystem: fileSystem, clock: wallClockMicroseconds, snapshot: snapshot, deliver: deliver)
        case .singleLog:
            own = try moveIntoSharedLayout(shared, fileSystem)
        case .shared:
            if let name = shared.ownLogName(fileSystem), fileSystem.fileExists(shared.folderPath + "/" + name) {
                own = name
            } else if let name = shared.ownLogName(fileSystem),
                      SharedFolder.headerVersion(of: shared.folderPath + "/" + DataDirectory.singleLogName, fileSystem) == 1 {
                own = try moveIntoSharedLayout(shared, fileSystem, named: name)  // a move a crash interrupted
            } else {
                throw EventLogError.notJoined(folder: shared.folderPath)
            }
        }
        let log = try open(shared.paths(logName: own), user: user, passphrase: passphrase, mode: mode,
                           fileSystem: fileSystem, clock: wallClockMicroseconds,
                           readPeers: { keys, keyFile in
                               readPeers(shared, own: own, keys: keys, keysetID: keyFile.keysetID, fileSystem, eachPeerRecord)
                           }, snapshot: snapshot, deliver: deliver)
        // A state made before it noted its case file learns it from the first writable open.
        if !log.isReadOnly, shared.stateBinding(fileSystem) == nil {
            try? shared.bindState(StateBinding(keysetID: log.header.keysetID, logFileID: log.header.fileID), fileSystem)
        }
        return log
    }

    /// Gives this device its own log in a shared folder made by another device, unlocked by a
    /// user's passphrase, and opens it.
    public static func join(_ shared: SharedFolder, user: String, passphrase: String,
                            eachRecord: (LogRecord) throws -> Void = { _ in },
                            eachPeerRecord: (String, LogRecord) -> Void = { _, _ in }) throws -> EventLog {
        let fileSystem = PosixFileSystem()
        if let missing = shared.missingPart(fileSystem) { throw EventLogError.incompleteFolder(folder: shared.folderPath, missing: missing) }
        guard shared.layout(fileSystem) != .none else { throw EventLogError.noSuchLog(directory: shared.folderPath) }
        if let own = shared.ownLogName(fileSystem), fileSystem.fileExists(shared.folderPath + "/" + own) {
            throw EventLogError.alreadyJoined(folder: shared.folderPath)
        }
        let keyFile = try readKeyFile(DataDirectory(shared.folder), fileSystem)
        _ = try unlock(keyFile, user: user, passphrase: passphrase, in: DataDirectory(shared.folder))
        let name = SharedFolder.newDeviceLogName()
        let header = LogHeader(version: LogHeader.version, fileID: Keyring.randomBytes(16), keysetID: keyFile.keysetID)
        // Whatever the state holds belongs to a log that is not in the folder (another case file's,
        // or this one's before it was deleted): its sealed files cannot open with the new log.
        let setAside = try io { () throws(FileSystemError) -> URL? in
            shared.stateHoldsFiles(fileSystem) ? try shared.setStateAside(fileSystem, now: wallClockMicroseconds()) : nil
        }
        try io { () throws(FileSystemError) in
            try fileSystem.createDirectory(shared.statePath)
            try AtomicReplace.write(header.encoded(), to: shared.folderPath + "/" + name, in: fileSystem)
            try shared.bindState(StateBinding(keysetID: header.keysetID, logFileID: header.fileID), fileSystem)
            try shared.noteOwnLog(name, fileSystem)
        }
        let log = try open(in: shared, user: user, passphrase: passphrase, eachRecord: eachRecord, eachPeerRecord: eachPeerRecord)
        log.stateSetAside.withLock { $0 = setAside }
        return log
    }

    /// The folder's `events.log` in a shared layout: a header of version 2 without frames, so that
    /// a Refuge that knows only one log refuses the folder as newer instead of starting a new log.
    private static func writeMarker(_ shared: SharedFolder, keysetID: [UInt8], _ fileSystem: any FileSystem) throws {
        let marker = LogHeader(version: LogHeader.version, fileID: Keyring.randomBytes(16), keysetID: keysetID)
        try io { () throws(FileSystemError) in
            try AtomicReplace.write(marker.encoded(), to: shared.folderPath + "/" + DataDirectory.singleLogName, in: fileSystem)
        }
    }

    /// Moves a case file of one log into the shared layout, under the log's writer lock: the
    /// device-local files go to the state directory, the log becomes this device's log (renamed,
    /// not rewritten: its file id, frames and records stay), and `events.log` becomes the marker.
    /// Each step can be repeated, so a move a crash interrupted is finished by the next open.
    private static func moveIntoSharedLayout(_ shared: SharedFolder, _ fileSystem: any FileSystem,
                                             named existing: String? = nil) throws -> String {
        let single = DataDirectory(shared.folder)
        // Refused before anything is touched: a file of a newer format, a sealed file included.
        let (header, _) = try readHeaderAndKeyFile(single, fileSystem)
        for entry in (try? fileSystem.listDirectory(single.path)) ?? [] where entry.hasSuffix(DataDirectory.sealedSuffix) {
            let path = single.path + "/" + entry
            if let bytes = try? AtomicReplace.read(path, in: fileSystem, limit: SealedFileFormat.maxFileSize),
               let version = SealedFileFormat.newerVersion(of: bytes) {
                throw EventLogError.newerFormat(path: path, version: version)
            }
        }
        let lock = try acquireLock(single, fileSystem)
        defer {
            lock.release()
            try? fileSystem.remove(single.lockPath)  // this device's lock lives in its state directory now
        }
        // A state not bound to this case file (made before states were bound) holds another
        // log's files: the move would mix them with this log's.
        if existing == nil, shared.stateHoldsFiles(fileSystem), shared.stateBinding(fileSystem)?.keysetID != header.keysetID {
            _ = try io { () throws(FileSystemError) in try shared.setStateAside(fileSystem, now: wallClockMicroseconds()) }
        }
        let name = existing ?? shared.ownLogName(fileSystem) ?? SharedFolder.newDeviceLogName()
        let target = shared.paths(logName: name)
        try io { () throws(FileSystemError) in
            try fileSystem.createDirectory(shared.statePath)
            try shared.bindState(StateBinding(keysetID: header.keysetID, logFileID: header.fileID), fileSystem)
            let entries = try fileSystem.listDirectory(single.path)
            let deviceLocal = entries.filter { $0.hasSuffix(DataDirectory.sealedSuffix) || $0 == SharedFolder.signInFailures }
            for entry in deviceLocal {
                try moveFile(single.path + "/" + entry, to: target.state + "/" + entry, fileSystem)
            }
            if fileSystem.fileExists(single.statePath) { try moveFile(single.statePath, to: target.statePath, fileSystem) }
            // The snapshot stays valid: the log keeps its file id and frames under its new name.
            if fileSystem.fileExists(single.snapshotPath) { try moveFile(single.snapshotPath, to: target.snapshotPath, fileSystem) }
            try shared.noteOwnLog(name, fileSystem)
            try fileSystem.rename(single.logPath, to: target.logPath)
            try fileSystem.syncDirectory(single.path)
        }
        try writeMarker(shared, keysetID: header.keysetID, fileSystem)
        return name
    }

    /// Copies then removes (the state directory may be on another file system than the folder).
    private static func moveFile(_ source: String, to destination: String, _ fileSystem: any FileSystem) throws(FileSystemError) {
        guard let bytes = try AtomicReplace.read(source, in: fileSystem, limit: SealedFileFormat.maxFileSize) else { return }
        try AtomicReplace.write(bytes, to: destination, in: fileSystem)
        try fileSystem.remove(source)
    }

    /// Reads every other device's log, never changing it.
    static func readPeers(_ shared: SharedFolder, own: String, keys: DataKeys, keysetID: [UInt8], _ fileSystem: any FileSystem,
                          _ body: (String, LogRecord) -> Void) -> PeerReading {
        var reading = PeerReading()
        for name in shared.peerLogNames(own: own, fileSystem) {
            reading.reports.append(readPeer(shared.folderPath + "/" + name, name: name, keys: keys, keysetID: keysetID,
                                            history: &reading.keyFileHistory, fileSystem) { body(name, $0) })
        }
        return reading
    }

    /// Reads one other device's log. A sync engine replaces such a file by renaming a new copy
    /// over it (the name is briefly absent, the inode changes): it is opened afresh for each read,
    /// and a missing file is tried again a few times before it counts as vanished.
    static func readPeer(_ path: String, name: String, keys: DataKeys, keysetID: [UInt8], history: inout KeyFileHistory,
                         _ fileSystem: any FileSystem, _ body: (LogRecord) -> Void) -> PeerLogReport {
        var report = PeerLogReport(fileName: name, status: .vanished)
        var opened: (any OpenFile)?
        for attempt in 0..<5 {
            if let file = try? fileSystem.open(path, mode: .read) { opened = file; break }
            if attempt < 4 { usleep(2_000) }
        }
        guard let file = opened else {
            if fileSystem.fileExists(path) { report.status = .unreadable(.cannotOpen) }
            return report
        }
        defer { file.close() }
        do {
            let size = try file.size()
            report.fileSize = size
            let header: LogHeader
            do {
                header = try LogHeader.decode(try file.read(at: 0, count: min(Int(size), LogHeader.size)))
            } catch {
                report.status = size < LogHeader.size ? .incomplete : .unreadable(.header)
                return report
            }
            guard header.keysetID == keysetID else {
                report.status = .foreign
                return report
            }
            var noted = history
            let scan = try LogScanner(file: file, fileSize: size, keys: keys, fileID: header.fileID,
                                      reservationStep: fileSystem.appendReservation).scan { first, records in
                noted.note(records, firstSequence: first)
                LogRecord.deliver(records, from: first) { record in
                    report.recordCount += 1
                    body(record)
                }
            }
            history = noted
            report.lastSequence = scan.report.lastSequence
            report.lastTimestamp = scan.report.lastTimestamp
            if !scan.report.damage.isEmpty {
                report.status = .damaged(.ranges(scan.report.damage))
            } else {
                report.status = scan.report.tornTail == nil ? .intact : .incomplete
            }
        } catch EventLogError.tampered(let offset, let sequence, _) {
            report.status = .damaged(.notAuthentic(sequence: sequence, offset: offset))
        } catch {
            report.status = .unreadable(.failed("\(error)"))
        }
        return report
    }
}

extension SharedFolder {
    /// The sign-in throttle's file name (RefugeApp's `SignInThrottle`): device-local, moved with the rest.
    static let signInFailures = "sign-in-failures"
}
