import Crypto
import Foundation

/// `refuge verify` and `refuge salvage`.
extension EventLog {
    /// A read-only integrity check: changes nothing, takes no lock. Throws only when the log cannot
    /// be opened at all (no log, wrong passphrase, damaged header or key file, tampering).
    public static func verify(at directory: URL, user: String, passphrase: String) throws -> IntegrityReport {
        try verify(at: directory, user: user, passphrase: passphrase, fileSystem: PosixFileSystem())
    }

    /// `verify` of this device's log in a shared folder, with what it read of the other devices' logs.
    public static func verify(in shared: SharedFolder, user: String, passphrase: String) throws -> IntegrityReport {
        try report(on: open(in: shared, user: user, passphrase: passphrase, mode: .readOnly, eachRecord: { _ in }),
                   fileSystem: PosixFileSystem())
    }

    static func verify(at directory: URL, user: String, passphrase: String, fileSystem: any FileSystem) throws -> IntegrityReport {
        try report(on: open(at: directory, user: user, passphrase: passphrase, mode: .readOnly,
                            fileSystem: fileSystem, clock: wallClockMicroseconds), fileSystem: fileSystem)
    }

    private static func report(on log: EventLog, fileSystem: any FileSystem) throws -> IntegrityReport {
        defer { log.close() }
        let names = try io { () throws(FileSystemError) in try fileSystem.listDirectory(log.paths.path) }
        return IntegrityReport(directory: log.paths.path, read: log.openingRead, users: try log.users(),
                               cutTailCopies: names.filter { $0.hasPrefix(log.paths.cutTailPrefix) }.sorted(),
                               damagedSealedFiles: try log.sealedFileNames().filter { (try? log.readSealedFile(named: $0)) == nil },
                               maintenance: log.maintenanceHistory, rollback: log.recovery.rollback, peers: log.peers)
    }

    /// Copies every readable record of the log in `source` into a new log in `destination` (which
    /// must not exist or be empty, and is never the source): every frame before damage, and every
    /// frame after it that still authenticates in sequence (tampered, moved or foreign frames are
    /// skipped and reported like damage), re-sealed with a fresh chain. Holds the source's writer
    /// lock meanwhile. The new log keeps the users and
    /// passphrases, record types, timestamps, order and batches; sequence numbers start again at 1.
    /// Sealed files are re-sealed under the new log (they are bound to their log, so a plain copy
    /// would not open); one that cannot be read is left behind. The source is only read.
    ///
    /// In a shared folder (`shared`), every device's log is copied into the new log of one: the
    /// other devices' readable logs of this case file (foreign ones are reported, not copied),
    /// then this device's own (its sealed files from the state directory), so that nothing any
    /// device wrote is lost. `survey` first sees every record of every log (the log's file name
    /// and the record); `keeps` then says which records are copied (the caller's rule for revoked
    /// devices' logs: those left out stay in the source folder, counted in the report).
    public static func salvage(from source: URL, state: URL? = nil, to destination: URL, user: String, passphrase: String,
                               survey: (String, LogRecord) -> Void = { _, _ in },
                               keeps: (String, UInt64) -> Bool = { _, _ in true }) throws -> SalvageReport {
        let fileSystem = PosixFileSystem()
        var sourcePaths = DataDirectory(source)
        var peers: [String] = []
        if let state {
            let shared = SharedFolder(folder: source, state: state)
            if shared.layout(fileSystem) == .shared {
                guard let own = shared.ownLogName(fileSystem) else { throw EventLogError.notJoined(folder: shared.folderPath) }
                sourcePaths = shared.paths(logName: own)
                peers = shared.peerLogNames(own: own, fileSystem)
            }
        }
        return try salvage(from: sourcePaths, to: destination, user: user, passphrase: passphrase, fileSystem: fileSystem,
                           peers: peers, survey: survey, keeps: keeps)
    }

    static func salvage(from source: URL, to destination: URL, user: String, passphrase: String,
                        fileSystem: any FileSystem) throws -> SalvageReport {
        try salvage(from: DataDirectory(source), to: destination, user: user, passphrase: passphrase, fileSystem: fileSystem)
    }

    static func salvage(from sourcePaths: DataDirectory, to destination: URL, user: String, passphrase: String,
                        fileSystem: any FileSystem, peers: [String] = [],
                        survey: (String, LogRecord) -> Void = { _, _ in },
                        keeps: (String, UInt64) -> Bool = { _, _ in true }) throws -> SalvageReport {
        let targetPaths = DataDirectory(destination)
        guard sourcePaths.path != targetPaths.path else {
            throw EventLogError.unusableSalvageDestination("it is the damaged log's own directory")
        }
        if fileSystem.directoryExists(targetPaths.path) {
            let entries = try io { () throws(FileSystemError) in try fileSystem.listDirectory(targetPaths.path) }
            guard entries.isEmpty else { throw EventLogError.unusableSalvageDestination("\(targetPaths.path) is not empty") }
        }
        // The source's writer lock, so that nothing is added to it while it is copied (damage
        // made every writer give the lock up; an intact log may be open in the app).
        let sourceLock = try acquireLock(sourcePaths, fileSystem)
        defer { sourceLock.release() }
        let old = try open(sourcePaths, user: user, passphrase: passphrase, mode: .readOnly,
                           fileSystem: fileSystem, clock: wallClockMicroseconds, salvaging: true)
        defer { old.close() }
        let dataKey = try old.dataKey()
        let keyFile = old.secrets.withLock { $0.keyFile }

        try io { () throws(FileSystemError) in try fileSystem.createDirectory(targetPaths.path) }
        let new = try makeLog(targetPaths, fileSystem: fileSystem, keyFile: keyFile, dataKey: dataKey, clock: wallClockMicroseconds)
        defer { new.close() }
        let writer = try new.requireWriter()
        let keys = try old.dataKeys()
        let own = sourcePaths.logName
        // First every record of every log is shown to `survey`, then copied as `keeps` says.
        _ = try old.forEachFrame(salvaging: true) { first, records in LogRecord.deliver(records, from: first) { survey(own, $0) } }
        for name in peers {
            _ = peerFrames(sourcePaths.path + "/" + name, keys: keys, keysetID: keyFile.keysetID, fileSystem) { first, records in
                LogRecord.deliver(records, from: first) { survey(name, $0) }
            }
        }
        var counts: (copied: Int, left: Int) = (0, 0)
        func copy(_ log: String, _ first: UInt64, _ records: ArraySlice<RecordContent>) throws {
            // The old log's records of its key file describe files the new log does not have.
            var kept: [RecordContent] = []
            for (index, record) in records.enumerated() where record.type != KeyFileRecord.type {
                if keeps(log, first + UInt64(index)) { kept.append(record) } else if record.type != LogNote.recordType { counts.left += 1 }
            }
            guard !kept.isEmpty else { return }
            _ = try writer.commit(kept.map { LogWriter.Item(type: $0.type, payload: $0.payload, timestamp: $0.timestamp) },
                                  durable: false)
            counts.copied += kept.count { $0.type != LogNote.recordType }
        }
        // The other logs first: a value this log keeps under the same name is the one that counts.
        var otherLogs: [SalvageReport.OtherLog] = []
        for name in peers {
            let before = counts
            var failure: (any Error)?
            let read = peerFrames(sourcePaths.path + "/" + name, keys: keys, keysetID: keyFile.keysetID, fileSystem) { first, records in
                do { try copy(name, first, records) } catch { failure = failure ?? error }
            }
            if let failure { throw failure }
            otherLogs.append(SalvageReport.OtherLog(fileName: name, read: read, copiedRecords: counts.copied - before.copied,
                                                    leftOut: counts.left - before.left))
        }
        let ownBefore = counts
        let report = try old.forEachFrame(salvaging: true) { first, records in try copy(own, first, records) }
        try writer.sync()
        var unreadable: [String] = []
        for name in try old.sealedFileNames() {
            guard let contents = try? old.readSealedFile(named: name) else { unreadable.append(name); continue }
            try new.writeSealedFile(named: name, contents: contents)
        }
        var salvage = SalvageReport(source: report, copiedRecords: counts.copied - ownBefore.copied, destination: targetPaths.path,
                                    unreadableSealedFiles: unreadable)
        salvage.otherLogs = otherLogs
        salvage.leftOut = counts.left - ownBefore.left
        try new.recordMaintenance(salvage.summary(from: sourcePaths.path), by: user)
        return salvage
    }

    /// Reads another device's log the way salvage reads its own (every frame that still
    /// authenticates in sequence, skipping damage), never changing it. Nil with the reason when it
    /// is not read: another case file's, or unreadable.
    static func peerFrames(_ path: String, keys: DataKeys, keysetID: [UInt8], _ fileSystem: any FileSystem,
                           _ body: (UInt64, ArraySlice<RecordContent>) -> Void) -> Result<ReadReport, SalvageReport.NotRead> {
        guard let file = try? fileSystem.open(path, mode: .read) else { return .failure(.unreadable(.cannotOpen)) }
        defer { file.close() }
        do {
            let size = try file.size()
            guard let header = try? LogHeader.decode(try file.read(at: 0, count: min(Int(size), LogHeader.size))) else {
                return .failure(.unreadable(.header))
            }
            guard header.keysetID == keysetID else { return .failure(.foreign) }
            return .success(try LogScanner(file: file, fileSize: size, keys: keys, fileID: header.fileID,
                                           reservationStep: fileSystem.appendReservation, salvaging: true).scan(body).report)
        } catch {
            return .failure(.unreadable(.failed("\(error)")))
        }
    }
}
