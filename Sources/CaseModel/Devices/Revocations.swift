/// The rule every laptop applies the same way to the logs of revoked laptops (docs/log-format.md,
/// "Revoked laptops"): a `deviceRevoked` event names a log and the last of its records the revoker
/// had seen; that log's records after it are never applied: kept in the file, never deleted, and
/// reported as coming from a revoked laptop.
///
/// Revocations are taken in merge order, and one counts only if its own record is not cut off by
/// a revocation before it (a revoked laptop cannot revoke another afterwards). Two revocations of
/// one log keep the lower cut: once revoked, nothing past the first point it was seen. The result
/// depends only on the set of records, whatever order or grouping they arrived in.
public struct Revocations: Sendable, Equatable {
    /// Per log file name: the last sequence number whose record is applied.
    public private(set) var cuts: [String: UInt64] = [:]

    /// One record as read: its event, its log's file name and its sequence number there.
    public struct Record: Sendable {
        public let event: Event
        public let log: String
        public let sequence: UInt64

        public init(event: Event, log: String, sequence: UInt64) {
            self.event = event
            self.log = log
            self.sequence = sequence
        }
    }

    public init() {}

    public init(of records: some Sequence<Record>) {
        let revoking = records.filter {
            if case .deviceRevoked = $0.event.body { true } else { false }
        }.sorted { $0.event.mergeKey < $1.event.mergeKey }
        for record in revoking where applies(record.log, record.sequence) {
            guard case .deviceRevoked(_, let log, let lastSequence, _) = record.event.body else { continue }
            cuts[log] = min(cuts[log] ?? .max, lastSequence)
        }
    }

    /// Whether the record at `sequence` of `log` is applied.
    public func applies(_ log: String, _ sequence: UInt64) -> Bool {
        guard let cut = cuts[log] else { return true }
        return sequence <= cut
    }

    public var isEmpty: Bool { cuts.isEmpty }
}
