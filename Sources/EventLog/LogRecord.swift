import Foundation

/// One record read back from the log.
public struct LogRecord: Sendable, Equatable {
    /// 1, 2, 3, ... in log order, without gaps in an intact log.
    public var sequence: UInt64
    /// The caller's record type; EventLog does not interpret it.
    public var type: UInt8
    /// When the record was written, in microseconds since 1970 (UTC); never decreases along the log.
    public var timestamp: UInt64
    /// The caller's bytes, exactly as appended.
    public var payload: Data

    public init(sequence: UInt64, type: UInt8, timestamp: UInt64, payload: Data) {
        self.sequence = sequence
        self.type = type
        self.timestamp = timestamp
        self.payload = payload
    }

    init(_ content: RecordContent, sequence: UInt64) {
        self.init(sequence: sequence, type: content.type, timestamp: content.timestamp, payload: content.payload)
    }

    /// Hands a frame's records to `body` in order; the first has sequence number `firstSequence`.
    /// The log's own records (`LogNote`, `KeyFileRecord`) are not the caller's and are left out.
    static func deliver(_ records: ArraySlice<RecordContent>, from firstSequence: UInt64,
                        to body: (LogRecord) throws -> Void) rethrows {
        for (index, record) in records.enumerated() where record.type != LogNote.recordType && record.type != KeyFileRecord.type {
            try body(LogRecord(record, sequence: firstSequence + UInt64(index)))
        }
    }
}

/// How to open a log.
public enum OpenMode: Sendable {
    /// Take the writer lock, repair a torn tail, allow appends. Falls back to read-only (and says
    /// so in `recovery`) when damage is found.
    case readWrite
    /// No lock, no change to any file.
    case readOnly
}
