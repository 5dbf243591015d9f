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
            // Unreachable: the restore (`init(reading:caseCount:)`) read every run whole by this
            // same grammar, and any varints read as some list.
            guard let list = try? Self.read(&reader), reader.isAtEnd else {
                preconditionFailure("event references restored from an authenticated snapshot of this version do not read")
            }
            return list
        }
        list.append(contentsOf: added[position])
        return list
    }

    // MARK: - In the snapshot

    /// Every case's references as the snapshot's runs (`ByteRuns.write(to:)`), a restored case's
    /// that gained none copied as they are.
    func encoded() -> ByteRuns {
        var runs = ByteRuns()
        var one = ByteWriter(capacity: 64)
        for position in 0..<count {
            if isCopied(position) {
                runs.append(position, of: restored)
            } else {
                one.bytes.removeAll(keepingCapacity: true)
                Self.write(self[position], to: &one)
                runs.append(one.bytes)
            }
        }
        return runs
    }

    /// Whether `encoded()` copies case `position`'s run from the restored snapshot.
    private func isCopied(_ position: Int) -> Bool { position < restored.count && added[position].isEmpty }

    /// Whether each list `encoded()` encoded reads back from its run in `runs` equal to the list
    /// (the writer's check, as `CaseRecords.encodedCasesReadBack`); a copied run was checked when
    /// it was first written.
    func encodedListsReadBack(from runs: ByteRuns) -> Bool {
        guard runs.count == count else { return false }
        for position in 0..<count where !isCopied(position) {
            let read = runs.withRun(position) { bytes -> [UInt64]? in
                var reader = ByteReader(bytes)
                guard let list = try? Self.read(&reader), reader.isAtEnd else { return nil }
                return list
            }
            guard read == self[position] else { return false }
        }
        return true
    }

    /// What `encoded()` gave, as `ByteRuns.write(to:)` wrote it, for `caseCount` cases, each run
    /// checked to read whole.
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
