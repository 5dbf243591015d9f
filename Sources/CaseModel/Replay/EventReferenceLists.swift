/// Each case's event references (`CaseStore.HistoryKeeping.eventReferences`), by position: about
/// sixteen log sequence numbers a case. Those restored from a snapshot stay as it wrote them, one
/// run of small deltas per case in one buffer, and only the references added since are arrays.
struct EventReferenceLists: Sendable {
    /// The restored cases' references: per case, count varint | count × zigzag delta from the one before.
    private var restored = ByteRuns()
    /// Per case, the references folded since the restore (all of them for a case opened since).
    private var added: [[UInt64]] = []

    init() {}

    var count: Int { added.count }

    /// A new case, with no reference yet.
    mutating func appendCase() { added.append([]) }

    mutating func append(_ reference: UInt64, at position: Int) { added[position].append(reference) }

    subscript(position: Int) -> [UInt64] {
        guard position < restored.count else { return added[position] }
        var list = restored.withRun(position) { bytes in
            var reader = ByteReader(bytes)
            guard let list = try? Self.read(&reader), reader.isAtEnd else {
                preconditionFailure("event references restored from an authenticated snapshot of this version do not read")
            }
            return list
        }
        list.append(contentsOf: added[position])
        return list
    }

    // MARK: - In the snapshot

    /// Every case's references, a restored case's that gained none copied as they are.
    func write(to out: inout ByteWriter) {
        var runs = ByteRuns()
        var one = ByteWriter(capacity: 64)
        for position in 0..<count {
            if position < restored.count && added[position].isEmpty {
                runs.append(position, of: restored)
            } else {
                one.bytes.removeAll(keepingCapacity: true)
                Self.write(self[position], to: &one)
                runs.append(one.bytes)
            }
        }
        runs.write(to: &out)
    }

    /// What `write(to:)` wrote, for `caseCount` cases, each run checked to read whole.
    init(reading reader: inout ByteReader, caseCount: Int) throws {
        restored = try ByteRuns(reading: &reader)
        guard restored.count == caseCount else { throw SnapshotDecodingError.badValue }
        for position in 0..<caseCount {
            try restored.withRun(position) { bytes in
                var one = ByteReader(bytes)
                for _ in 0..<(try one.count()) { _ = try one.signed() }
                guard one.isAtEnd else { throw SnapshotDecodingError.badValue }
            }
        }
        added = Array(repeating: [], count: caseCount)
    }

    private static func write(_ list: [UInt64], to out: inout ByteWriter) {
        out.varint(UInt64(list.count))
        var previous: UInt64 = 0
        for reference in list {
            out.signed(Int(Int64(bitPattern: reference &- previous)))
            previous = reference
        }
    }

    private static func read(_ reader: inout ByteReader) throws -> [UInt64] {
        let count = try reader.count()
        var list: [UInt64] = []
        list.reserveCapacity(count)
        var previous: UInt64 = 0
        for _ in 0..<count {
            previous = previous &+ UInt64(bitPattern: Int64(try reader.signed()))
            list.append(previous)
        }
        return list
    }
}
