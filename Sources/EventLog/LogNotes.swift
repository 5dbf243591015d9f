import Foundation
import Synchronization

/// Records the log keeps about itself, in its own frames, under record type 254 (which callers
/// cannot use): values that must never be lost apart from the log (kept values, such as the
/// secret behind pseudonymous ids), and what was done to the case file as a whole (salvage,
/// backup) with who did it; the record's timestamp says when. Callers' reads skip them.
///
///     kind u8 = 1 (kept value) | name length u8 | name | value
///     kind u8 = 2 (maintenance) | user length u8 | user | what was done (UTF-8: `MaintenanceAction`
///                                as JSON, or in logs written before that, an English sentence)
enum LogNote {
    static let recordType: UInt8 = 254

    case kept(name: String, value: Data)
    case maintenance(user: String, action: String)

    func encoded() -> Data {
        var writer = ByteWriter()
        switch self {
        case .kept(let name, let value):
            writer.append(UInt8(1))
            writer.append(UInt8(name.utf8.count))
            writer.append(Array(name.utf8))
            writer.append(value)
        case .maintenance(let user, let action):
            writer.append(UInt8(2))
            writer.append(UInt8(user.utf8.count))
            writer.append(Array(user.utf8))
            writer.append(Array(action.utf8))
        }
        return Data(writer.bytes)
    }

    /// Nil for a kind this version does not know (kept for a later version to read).
    static func decode(_ payload: Data) -> LogNote? {
        var reader = ByteReader(Array(payload))
        guard let kind = reader.readUInt8(), let length = reader.readUInt8(),
              let first = reader.read(count: Int(length)) else { return nil }
        let text = String(decoding: first, as: UTF8.self)
        let rest = reader.read(count: payload.count - 2 - Int(length)) ?? []
        switch kind {
        case 1: return .kept(name: text, value: Data(rest))
        case 2: return .maintenance(user: text, action: String(decoding: rest, as: UTF8.self))
        default: return nil
        }
    }
}

/// Something done to the case file as a whole, as the log recorded it.
public struct MaintenanceNote: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    /// What was done, as stored: `MaintenanceAction`'s JSON, or the English sentence that logs
    /// written before actions were stored as facts hold.
    public var action: String
    /// Microseconds since 1970, UTC.
    public var timestamp: UInt64

    /// What was done, for a reader to word in its language.
    public var fact: MaintenanceAction { MaintenanceAction(stored: action) }

    public var description: String { "\(formatTimestamp(timestamp)) \(user): \(fact)" }
}

/// What was done to the case file as a whole, stored as facts (JSON in the note's text) so that
/// `verify` words it in the reader's language; a note older than that is its English sentence.
public enum MaintenanceAction: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A salvage made this log from `source`.
    case salvage(Salvage)
    /// A backup of `records` records was written to `file`.
    case backup(records: Int, file: String)
    /// A note written before actions were stored as facts: an English sentence.
    case described(String)

    public struct Salvage: Sendable, Equatable, Codable {
        public var source: String
        public var copiedRecords: Int
        public var otherLogs: Int
        public var copiedFromOtherLogs: Int
        public var skipped: [DamagedRange]
        /// Sealed files (by name, without `.sealed`) that did not open and were left behind.
        public var leftBehind: [String]
    }

    init(stored text: String) {
        let decoded = text.hasPrefix("{") ? try? JSONDecoder().decode(MaintenanceAction.self, from: Data(text.utf8)) : nil
        self = decoded ?? .described(text)
    }

    var stored: String {
        if case .described(let text) = self { return text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    public var description: String {
        switch self {
        case .salvage(let salvage):
            "salvage of \(salvage.source): \(salvage.copiedRecords) records copied"
                + (salvage.otherLogs == 0 ? "" : ", and \(salvage.copiedFromOtherLogs) from \(salvage.otherLogs) other laptops' logs")
                + (salvage.skipped.isEmpty ? "" : "; skipped " + salvage.skipped.map { "\($0)" }.joined(separator: "; "))
                + (salvage.leftBehind.isEmpty ? "" : "; left behind " + salvage.leftBehind.map { $0 + ".sealed" }.joined(separator: ", "))
        case .backup(let records, let file): "backup of \(records) records to \(file)"
        case .described(let text): text
        }
    }
}

/// What the log's own records say, as read so far.
struct LogNotes: Sendable {
    var kept: [String: Data] = [:]
    var maintenance: [MaintenanceNote] = []

    mutating func note(_ records: ArraySlice<RecordContent>) {
        for record in records where record.type == LogNote.recordType {
            switch LogNote.decode(record.payload) {
            case .kept(let name, let value)?: kept[name] = value
            case .maintenance(let user, let action)?:
                maintenance.append(MaintenanceNote(user: user, action: action, timestamp: record.timestamp))
            case nil: break
            }
        }
    }
}

extension EventLog {
    /// A value kept in the log under `name` (the last one kept), read when the log was opened.
    public func keptValue(named name: String) -> Data? { notes.withLock { $0.kept[name] } }

    /// Keeps `value` in the log under `name`: sealed like every record, and lost only with the log
    /// itself. Names are those of sealed files (1-64 of a-z, 0-9, '-', '_').
    public func keep(_ value: Data, named name: String) throws {
        guard SealedFileFormat.isValidName(name) else { throw EventLogError.invalidSealedFileName(name) }
        try appendNote(.kept(name: name, value: value))
        notes.withLock { $0.kept[name] = value }
    }

    /// What was done to the case file as a whole (salvage, backup), oldest first.
    public var maintenanceHistory: [MaintenanceNote] { notes.withLock { $0.maintenance } }

    /// Records that `user` did `action` to the case file as a whole.
    public func recordMaintenance(_ action: MaintenanceAction, by user: String) throws {
        let stored = action.stored
        try appendNote(.maintenance(user: user, action: stored))
        notes.withLock { $0.maintenance.append(MaintenanceNote(user: user, action: stored, timestamp: clock())) }
    }

    @discardableResult
    private func appendNote(_ note: LogNote) throws -> UInt64 {
        try requireWriter().commit([LogWriter.Item(type: LogNote.recordType, payload: note.encoded())]).lowerBound
    }
}
