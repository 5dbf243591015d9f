/// The human-friendly case number, sequential per year of intake: `2026-0001`.
/// Assigned by replay in merge order, so every replay of the same events gives the same numbers.
public struct CaseNumber: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let sequence: Int

    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    /// `2026-0001`; a tenth-thousand case of a year simply gets five digits.
    public var description: String {
        let digits = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.sequence) < (rhs.year, rhs.sequence) }
}
