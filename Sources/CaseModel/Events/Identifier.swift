/// A 128-bit random identifier (like a UUID), typed by what it identifies so that a case id
/// cannot be passed where an event id is expected.
public struct Identifier<Tag>: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 16 random bytes from `generator` (the system's secure generator by default).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> Self {
        Self(high: generator.next(), low: generator.next())
    }

    public static func random() -> Self {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// Parses the 32 hexadecimal digits `description` prints (dashes allowed, as in a UUID).
    public init?(hex: String) {
        let digits = hex.filter { $0 != "-" }
        guard digits.count == 32, let high = UInt64(digits.prefix(16), radix: 16),
            let low = UInt64(digits.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }

    /// 32 lowercase hexadecimal digits.
    public var description: String { Self.hex(high) + Self.hex(low) }

    /// The 16 bytes, big-endian: the order used in the binary encoding and for merge order.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

public enum CaseTag {}
public enum EventTag {}
public enum DeviceTag {}
public enum ImportTag {}

/// Identifies one case (one person's file) across every event and every device.
public typealias CaseID = Identifier<CaseTag>
/// Identifies one event; the last tie-breaker of the merge order.
public typealias EventID = Identifier<EventTag>
/// Identifies the laptop that wrote an event.
public typealias DeviceID = Identifier<DeviceTag>
/// Identifies one import: its case events count only once its commit is in the log.
public typealias ImportBatchID = Identifier<ImportTag>
