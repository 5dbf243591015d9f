import Foundation

/// A record this version cannot read: written by a newer Refuge, of an unknown kind, or damaged.
/// It is kept byte for byte and reported, never dropped, so a later version can still read it.
public struct UnrecognisedEvent: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The payload's format version is newer than `EventCodec.formatVersion`.
        case newerVersion(UInt8)
        /// The record type names no event kind this version knows.
        case unknownKind
        /// The payload ends early, holds an impossible value or an unknown status/service code.
        case malformed(String)
    }

    public let recordType: UInt8
    public let payload: Data
    public let reason: Reason

    public init(recordType: UInt8, payload: Data, reason: Reason) {
        self.recordType = recordType
        self.payload = payload
        self.reason = reason
    }
}

/// The result of decoding one record: an event, or a record kept as it was.
public enum DecodedEvent: Sendable, Hashable {
    case event(Event)
    case unrecognised(UnrecognisedEvent)

    public var event: Event? { if case .event(let event) = self { event } else { nil } }
}
