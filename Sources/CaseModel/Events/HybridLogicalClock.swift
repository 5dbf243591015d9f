import Foundation

/// A hybrid-logical-clock timestamp: wall-clock milliseconds plus a counter that orders events
/// within the same millisecond or after the wall clock went backwards.
public struct HLCTimestamp: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let wallMillis: UInt64
    public let counter: UInt32

    public init(wallMillis: UInt64, counter: UInt32 = 0) {
        self.wallMillis = wallMillis
        self.counter = counter
    }

    public static let zero = HLCTimestamp(wallMillis: 0)

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.wallMillis, lhs.counter) < (rhs.wallMillis, rhs.counter)
    }

    /// The wall-clock part as a date (for display; ordering uses the whole timestamp).
    public var date: Date { Date(timeIntervalSince1970: Double(wallMillis) / 1000) }

    public var description: String { "\(wallMillis).\(counter)" }
}

/// Hybrid logical clock after Kulkarni et al. (2014): timestamps stay close to wall time and never
/// go backwards on one device. Started from the latest timestamp of a log (`init(latest:)`, as the
/// app does when it opens a case file), it stamps new events after every event in that log, other
/// devices' included.
public struct HybridLogicalClock: Sendable {
    public private(set) var latest: HLCTimestamp

    public init(latest: HLCTimestamp = .zero) { self.latest = latest }

    /// A timestamp for a local event (the paper's "send or local event").
    public mutating func tick(wallMillis: UInt64) -> HLCTimestamp {
        if wallMillis > latest.wallMillis {
            latest = HLCTimestamp(wallMillis: wallMillis)
        } else {
            latest = HLCTimestamp(wallMillis: latest.wallMillis, counter: latest.counter + 1)
        }
        return latest
    }

    /// Milliseconds since 1970 of a wall-clock date.
    public static func millis(_ date: Date) -> UInt64 {
        UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
