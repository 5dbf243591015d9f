/// Why bytes at some offset are not a valid frame.
public enum FrameProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Only zero bytes from here on, but not up to a reservation step (a file system that
    /// extended the file and lost the data).
    case zeroFill
    /// Fewer bytes left than a frame header.
    case incompleteHeader
    /// A length field no writer could have produced; nothing was allocated for it.
    case impossibleLength(UInt32)
    /// The frame's declared length runs past the end of the file.
    case incompleteFrame
    /// The CRC32C does not match: the bytes changed after they were written.
    case checksumMismatch
    /// The checksum matches but the frame does not authenticate (changed by someone who fixed the
    /// checksum, or from another log). Only salvage reads past it.
    case authenticationFailed
    /// An authentic-looking frame with the wrong sequence number (moved, or spliced in). Only
    /// salvage reads past it.
    case outOfSequence(UInt64)

    public var description: String {
        switch self {
        case .zeroFill: "zero bytes"
        case .incompleteHeader: "incomplete frame header"
        case .impossibleLength(let length): "impossible frame length \(length)"
        case .incompleteFrame: "frame runs past the end of the file"
        case .checksumMismatch: "checksum mismatch"
        case .authenticationFailed: "does not authenticate"
        case .outOfSequence(let sequence): "sequence \(sequence) out of place"
        }
    }
}

/// An incomplete or invalid end of the log: what a crash during an append leaves.
public struct TornTail: Sendable, Equatable, CustomStringConvertible {
    /// Where the last good frame ends and the torn bytes begin.
    public var offset: UInt64
    /// How many bytes follow the last good frame.
    public var length: UInt64
    public var problem: FrameProblem

    public var description: String { "torn tail: \(length) bytes at offset \(offset) (\(problem))" }
}

/// Damage with intact records after it: never cut away, only reported (and salvaged around).
public struct DamagedRange: Sendable, Equatable, Codable, CustomStringConvertible {
    /// File offsets of the unreadable bytes.
    public var offsets: Range<UInt64>
    /// Sequence numbers of the records lost in it; nil when the damage held no record
    /// (bytes inserted between intact frames).
    public var lostSequences: ClosedRange<UInt64>?
    public var problem: FrameProblem
    /// The damage runs to the end of the log: how many records it held is unknown, at least
    /// those in `lostSequences`.
    public var reachesEndOfLog = false

    public var description: String {
        let records = lostSequences.map {
            reachesEndOfLog ? "records from \($0.lowerBound) on"
                : $0.count == 1 ? "record \($0.lowerBound)" : "records \($0.lowerBound)-\($0.upperBound)"
        }
        return "damaged bytes \(offsets.lowerBound)..<\(offsets.upperBound) (\(problem)): "
            + (records.map { "\($0) unreadable" } ?? "no record lost")
    }
}

/// What a complete read of the log saw and where it stopped.
public struct ReadReport: Sendable, Equatable, CustomStringConvertible {
    public var recordCount: Int
    /// Sequence number of the last record read, nil for an empty log.
    public var lastSequence: UInt64?
    /// Offset just after the last good frame.
    public var endOffset: UInt64
    /// Size of the file that was read.
    public var fileSize: UInt64
    /// Zero bytes after the last frame up to the end of the file, which ends at a reservation
    /// step: space the writer reserved for the next appends. Not a torn tail.
    public var reservedBytes: UInt64 = 0
    /// Set when the read stopped at a torn tail instead of the clean end of the file.
    public var tornTail: TornTail?
    /// Damage the read skipped over, in file order.
    public var damage: [DamagedRange]
    /// Timestamps (microseconds since 1970) of the first and last records.
    public var firstTimestamp: UInt64?
    public var lastTimestamp: UInt64?

    public var description: String {
        var lines = ["\(recordCount) records, stopped at offset \(endOffset) of \(fileSize): "
            + (tornTail.map { "\($0)" } ?? "end of log")]
        lines += damage.map { "\($0)" }
        return lines.joined(separator: "\n")
    }
}

/// What opening the log found and repaired.
public struct RecoveryReport: Sendable, Equatable, CustomStringConvertible {
    /// A torn tail found on open; `tailWasCut` tells whether it was cut off (writable opens only).
    public var tornTail: TornTail?
    public var tailWasCut: Bool
    /// Where the bytes that were cut are kept (nil when they were only zeros): the cut is never
    /// the only place they were.
    public var cutTailCopy: String?
    /// Damage before the last record: the log was opened read-only and nothing was changed.
    public var damage: [DamagedRange]
    /// Leftover temporary files of an interrupted key-file or sealed-file replacement, removed.
    public var removedTemporaryFiles: [String]
    /// The log is shorter than, or different from, what this device last saw (an older copy put
    /// back, frames replaced): opened read-only. Or the state file could not be read.
    public var rollback: RollbackFinding? = nil

    /// Damage, or a log older than or different from what this device saw: opened read-only.
    public var openedReadOnlyBecauseOfDamage: Bool { !damage.isEmpty || rollback?.isRollback == true }

    public var description: String {
        var lines: [String] = []
        if let tornTail {
            lines.append("\(tornTail)" + (tailWasCut ? ", cut off" : ", left in place")
                         + (cutTailCopy.map { "; the cut bytes are kept in \($0)" } ?? ""))
        }
        if !damage.isEmpty { lines.append("damage found, opened read-only; run salvage:") }
        lines += damage.map { "  \($0)" }
        if !removedTemporaryFiles.isEmpty { lines.append("removed leftovers: " + removedTemporaryFiles.joined(separator: ", ")) }
        if let rollback { lines.append("WARNING: \(rollback)" + (rollback.isRollback ? "; opened read-only" : "")) }
        return lines.isEmpty ? "clean" : lines.joined(separator: "\n")
    }
}

/// The read-only integrity check behind `refuge verify`.
public struct IntegrityReport: Sendable, Equatable, CustomStringConvertible {
    public enum Status: Sendable, Equatable {
        /// Every byte is accounted for.
        case intact
        /// Intact apart from a torn tail, which a crash during an append leaves; the next writable
        /// open cuts it.
        case tornTail
        /// Damage before the last record: records are missing; salvage recovers the rest.
        case damaged
    }

    public var directory: String
    public var read: ReadReport
    public var users: [String]
    /// Side files holding bytes a writer cut from the end of the log (a torn tail), by name.
    public var cutTailCopies: [String] = []
    /// Sealed files (`NAME.sealed`) that do not open under this log's key and file id: damaged,
    /// or put there from elsewhere.
    public var damagedSealedFiles: [String] = []
    /// Salvages and backups the log records, oldest first.
    public var maintenance: [MaintenanceNote] = []
    /// What the state file says about this log (see `RecoveryReport.rollback`).
    public var rollback: RollbackFinding?
    /// In a shared folder: the other devices' logs as read (their damage is theirs to repair,
    /// and does not make this log damaged).
    public var peers: [PeerLogReport] = []

    public var status: Status {
        if !read.damage.isEmpty || !damagedSealedFiles.isEmpty { return .damaged }
        return read.tornTail == nil ? .intact : .tornTail
    }

    public var description: String {
        var lines = [
            "log: \(directory)",
            "records: \(read.recordCount)" + (read.lastSequence.map { " (last sequence \($0))" } ?? ""),
            "users: \(users.joined(separator: ", "))",
            "first write: \(read.firstTimestamp.map(formatTimestamp) ?? "none")",
            "last write: \(read.lastTimestamp.map(formatTimestamp) ?? "none")",
            "file size: \(read.fileSize) bytes" + (read.reservedBytes > 0 ? " (\(read.reservedBytes) reserved for the next records)" : ""),
        ]
        if let tail = read.tornTail { lines.append("\(tail) (a crash during an append leaves this; harmless)") }
        lines += read.damage.map { "DAMAGE: \($0)" }
        lines += maintenance.map { "recorded: \($0)" }
        if let rollback { lines.append("WARNING: \(rollback)") }
        lines += damagedSealedFiles.map { "DAMAGE: sealed file \($0).sealed does not open (damaged or not this case file's)" }
        lines += cutTailCopies.map { "kept after a cut torn tail: \($0) (the cut bytes, still encrypted)" }
        lines += peers.map { "another device's log: \($0)" }
        switch status {
        case .intact: lines.append("status: intact")
        case .tornTail: lines.append("status: intact except for a torn tail")
        case .damaged:
            lines.append(read.damage.isEmpty
                ? "status: DAMAGED (\(damagedSealedFiles.count) sealed file(s)); the log itself is intact"
                : "status: DAMAGED (\(read.damage.count) range(s)); run salvage into a new directory")
        }
        return lines.joined(separator: "\n")
    }
}

/// What `salvage` copied.
public struct SalvageReport: Sendable, Equatable, CustomStringConvertible {
    /// The source log as read.
    public var source: ReadReport
    /// Records written to the new log (renumbered from 1, order, types, timestamps and batches kept).
    public var copiedRecords: Int
    public var destination: String
    /// Sealed files left behind because they did not open.
    public var unreadableSealedFiles: [String] = []
    /// In a shared folder: the other devices' logs, copied into the same new log.
    public var otherLogs: [OtherLog] = []
    /// Records the caller's rule left out (a revoked device's, past its revocation), this log's
    /// and the others': they stay in the source folder.
    public var leftOut = 0

    /// Another device's log as salvage read it.
    public struct OtherLog: Sendable, Equatable {
        public let fileName: String
        public let read: Result<ReadReport, NotRead>
        public let copiedRecords: Int
        public let leftOut: Int
    }

    /// Why another device's log was not copied.
    public enum NotRead: Error, Sendable, Equatable, CustomStringConvertible {
        case foreign
        case unreadable(UnreadableLog)

        public var description: String {
            switch self {
            case .foreign: "it belongs to another case file"
            case .unreadable(let reason): "\(reason)"
            }
        }
    }

    /// What the new log records about its making: facts, which each reader words in its language.
    func summary(from directory: String) -> MaintenanceAction {
        .salvage(MaintenanceAction.Salvage(source: directory, copiedRecords: copiedRecords, otherLogs: otherLogs.count,
                                           copiedFromOtherLogs: otherLogs.map(\.copiedRecords).reduce(0, +),
                                           skipped: source.damage, leftBehind: unreadableSealedFiles))
    }

    public var description: String {
        var lines = ["copied \(copiedRecords) of the readable records into \(destination)"]
        lines += source.damage.map { "skipped: \($0)" }
        lines += unreadableSealedFiles.map { "left behind: \($0).sealed does not open" }
        lines.append("\(source)")
        for other in otherLogs {
            switch other.read {
            case .success(let read):
                lines.append("another laptop's log \(other.fileName): copied \(other.copiedRecords) records"
                             + (other.leftOut > 0 ? ", left \(other.leftOut) in the folder (written after its laptop was revoked)" : ""))
                lines += read.damage.map { "skipped in \(other.fileName): \($0)" }
            case .failure(let reason):
                lines.append("another laptop's log \(other.fileName): NOT COPIED, \(reason); it stays in the folder")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// UTC, ISO 8601, from microseconds since 1970.
public func formatTimestamp(_ microseconds: UInt64) -> String {
    let seconds = Int64(microseconds / 1_000_000)
    var days = seconds / 86_400
    let secondOfDay = seconds % 86_400
    // Civil-from-days (Howard Hinnant's algorithm).
    days += 719_468
    let era = days / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) UTC"
}

/// Why another device's log could not be read at all.
public enum UnreadableLog: Sendable, Equatable, CustomStringConvertible {
    /// The file is there but does not open (permissions).
    case cannotOpen
    /// Its header is incomplete, damaged or of a newer format.
    case header
    /// Reading it failed otherwise: the system's own words for it.
    case failed(String)

    public var description: String {
        switch self {
        case .cannotOpen: "it cannot be opened"
        case .header: "its header is incomplete, damaged or of a newer format"
        case .failed(let detail): detail
        }
    }
}

/// What is wrong with another device's damaged log.
public enum PeerDamage: Sendable, Equatable, CustomStringConvertible {
    /// Bad bytes before its end.
    case ranges([DamagedRange])
    /// A frame that does not authenticate.
    case notAuthentic(sequence: UInt64, offset: UInt64)

    public var description: String {
        switch self {
        case .ranges(let ranges): ranges.map { "\($0)" }.joined(separator: "; ")
        case .notAuthentic(let sequence, let offset): "record \(sequence) at offset \(offset) does not authenticate"
        }
    }
}
