/// A failed write or sync, and what the writer verified afterwards.
public struct WriteFailure: Sendable, Equatable, CustomStringConvertible {
    /// The storage operation that failed, with its path and system message.
    public var operation: String
    /// `errno` of the failure.
    public var code: Int32
    /// After the failure the writer re-read the log from disk: true if every acknowledged record
    /// was still there, false if not, nil if the log could not be re-read.
    public var acknowledgedRecordsVerified: Bool?

    public var description: String {
        let verification = switch acknowledgedRecordsVerified {
        case true?: "every acknowledged record was re-read from disk intact"
        case false?: "re-reading the log from disk found acknowledged records missing"
        case nil: "the log could not be re-read from disk"
        }
        return "\(operation); the log writer stopped, \(verification)"
    }
}

/// Everything that can go wrong, with messages a caseworker or an administrator can act on.
public enum EventLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchLog(directory: String)
    case alreadyExists(directory: String)
    /// The file does not start like a Refuge log.
    case notALog(path: String)
    case unsupportedVersion(path: String, version: UInt16)
    /// The file was written in a newer format version than this program reads; nothing was changed.
    case newerFormat(path: String, version: UInt16)
    /// The log's header or the key file failed its checksum.
    case damagedHeader(path: String)
    case damagedKeyFile(path: String)
    /// The key file opens a different log (its key set id differs from the log header's).
    case keyFileMismatch(directory: String)
    case wrongPassphrase(user: String)
    case noSuchUser(String)
    case userExists(String)
    case invalidUserName(String)
    case emptyPassphrase
    case cannotRemoveLastUser
    case unacceptableKDFParameters(KDFParameters)
    /// Another writer holds the data directory's lock; `holder` is what it recorded (pid, user, time).
    case lockedByAnotherProcess(holder: String)
    /// A frame whose checksum is right failed authentication or is out of place: tampering, or a
    /// record copied from elsewhere. Nothing was changed.
    case tampered(offset: UInt64, sequence: UInt64, detail: String)
    case readOnly(reason: ReadOnlyReason)
    case recordTooLarge(size: Int, limit: Int)
    case emptyBatch
    /// The disk is full; the writer stopped. Nothing acknowledged was lost.
    case diskFull(WriteFailure)
    /// A write or sync failed; the writer stopped. Nothing acknowledged was lost.
    case writeFailed(WriteFailure)
    /// An earlier write failure stopped the writer; reopen the log to go on.
    case writerStopped(WriteFailure)
    /// A storage operation outside the append path failed (opening, reading, replacing a file).
    case io(String)
    case closed
    case invalidSealedFileName(String)
    case damagedSealedFile(name: String)
    /// `salvage` writes only into an empty or new directory other than the source.
    case unusableSalvageDestination(String)
    /// The log has recorded a newer key file than the one beside it: an old copy was put back.
    case keyFileOutdated(directory: String)
    /// The key file fails its MAC, or is not the one the log recorded: changed outside Refuge.
    case keyFileAltered(directory: String)
    /// Record type 255 is the log's own (`KeyFileRecord`).
    case reservedRecordType(UInt8)
    /// The data key cannot be handed to slots of key file version 1 without their passphrases.
    case slotsAwaitingUpgrade(users: [String])
    /// A shared folder holds no log of this device: it must join first (`EventLog.join`).
    case notJoined(folder: String)
    /// This device already has its log in the shared folder.
    case alreadyJoined(folder: String)
    /// This device's state directory belonged to another case file than the folder now holds: it
    /// was moved aside (never deleted), and this device must join the folder's case file.
    case stateOfAnotherCaseFile(folder: String, setAsideAt: String)
    /// A shared folder that holds only part of a case file (logs without the key file, or the key
    /// file without any log): a copy or a sync that has not finished. Nothing is read or written.
    case incompleteFolder(folder: String, missing: String)

    public var description: String {
        switch self {
        case .noSuchLog(let directory): "no Refuge log in \(directory)"
        case .alreadyExists(let directory): "a Refuge log already exists in \(directory)"
        case .notALog(let path): "\(path) is not a Refuge log"
        case .unsupportedVersion(let path, let version): "\(path) has format version \(version), which this program does not read"
        case .newerFormat(let path, let version):
            "\(path) was made by a newer Refuge (file format version \(version)); upgrade Refuge to open it. Nothing was changed"
        case .damagedHeader(let path): "the header of \(path) is damaged; the log cannot be opened"
        case .damagedKeyFile(let path): "the key file \(path) is damaged"
        case .keyFileMismatch(let directory): "the key file in \(directory) belongs to a different log"
        case .wrongPassphrase(let user): "wrong passphrase for \(user)"
        case .noSuchUser(let user): "no user named \(user)"
        case .userExists(let user): "a user named \(user) already exists"
        case .invalidUserName(let user): "\"\(user)\" cannot be a user name (1-127 bytes, no control characters)"
        case .emptyPassphrase: "the passphrase is empty"
        case .cannotRemoveLastUser: "the last user cannot be removed: nobody could open the log any more"
        case .unacceptableKDFParameters(let kdf): "key derivation parameters \(kdf) are out of the accepted range"
        case .lockedByAnotherProcess(let holder): "the log is already open for writing (\(holder)); close it there, or open read-only"
        case .tampered(let offset, let sequence, let detail):
            "record \(sequence) at offset \(offset) fails authentication (\(detail)): the log was tampered with or does not belong to this key; nothing was changed"
        case .readOnly(let reason): "the log is open read-only: \(reason)"
        case .recordTooLarge(let size, let limit): "a record or batch of \(size) bytes exceeds the limit of \(limit) bytes"
        case .emptyBatch: "a batch needs at least one record"
        case .diskFull(let failure): "the disk is full: \(failure); free space and reopen the log"
        case .writeFailed(let failure): "writing the log failed: \(failure); reopen the log"
        case .writerStopped(let failure): "the log writer stopped after an earlier failure: \(failure); reopen the log"
        case .io(let message): message
        case .closed: "the log is closed"
        case .invalidSealedFileName(let name): "\"\(name)\" cannot name a sealed file (1-64 of a-z, 0-9, '-', '_')"
        case .damagedSealedFile(let name): "the sealed file \(name) is damaged or was not sealed with this log's key"
        case .unusableSalvageDestination(let reason): "cannot salvage there: \(reason)"
        case .keyFileOutdated(let directory):
            "the key file in \(directory) is older than the one the log recorded: an old copy was put back; it opens nothing"
        case .keyFileAltered(let directory):
            "the key file in \(directory) was changed outside Refuge (its MAC or its recorded digest does not match)"
        case .reservedRecordType(let type): "record type \(type) is reserved for the log's own records"
        case .slotsAwaitingUpgrade(let users):
            "the key slots of \(users.joined(separator: ", ")) are of the old format: each must sign in once before the data key can change"
        case .notJoined(let folder): "this computer has no log in the shared folder \(folder) yet: it must join first"
        case .alreadyJoined(let folder): "this computer already has its log in the shared folder \(folder)"
        case .incompleteFolder(let folder, let missing):
            "the folder \(folder) holds only part of a case file (\(missing) is missing): a copy or sync has not finished"
        case .stateOfAnotherCaseFile(let folder, let setAside):
            "this computer's files for \(folder) belonged to another case file and were moved to \(setAside); join this one first"
        }
    }

    init(_ error: FileSystemError) { self = .io("\(error)") }
}

/// Why the log takes no writes.
public enum ReadOnlyReason: Sendable, Equatable, CustomStringConvertible {
    /// It was opened to be read (a command that only reads, or the writer lock was held elsewhere).
    case openedReadOnly
    /// Damage was found: salvage makes a new log from what reads.
    case damage
    /// The log is older than this device last saw it: salvage, after the coordinator checks.
    case rollback(RollbackFinding)

    public var description: String {
        switch self {
        case .openedReadOnly: "opened read-only"
        case .damage: "damage was found; run salvage"
        case .rollback(let finding): "\(finding); run salvage"
        }
    }
}
