/// Precomputed search keys, one per case: the folded case number, names and alias as ASCII bytes.
/// A keystroke folds only the query (one ICU call at most) and then scans plain bytes, so a search
/// over 200,000 cases needs no Unicode work per case.
///
/// The keys live end to end in one byte buffer (`storage`, with each case's `ranges`) rather than
/// in an array per case: a keystroke then streams through a few contiguous megabytes instead of
/// chasing 200,000 heap pointers (the figures are in docs/performance.md's history).
public struct SearchIndex: Sendable {
    private var ids: [CaseID] = []
    private var storage: [UInt8] = []
    private var ranges: [Range<Int>] = []
    /// Bytes of `storage` no longer part of any key (keys that were replaced by longer ones).
    private var garbage = 0
    private var positions: [CaseID: Int] = [:]

    public init() {}

    public var count: Int { ids.count }

    /// Sets the key of a case (on opening, and whenever one of its names changes).
    public mutating func update(_ caseID: CaseID, number: CaseNumber, names: [String]) {
        var key = NameFolding.foldedBytes(number.description)
        for name in names {
            let folded = NameFolding.foldedBytes(name)
            if !folded.isEmpty {
                key.append(NameFolding.space)
                key.append(contentsOf: folded)
            }
        }
        if let position = positions[caseID] {
            let old = ranges[position]
            if key.count <= old.count {
                storage.replaceSubrange(old.lowerBound..<old.lowerBound + key.count, with: key)
                ranges[position] = old.lowerBound..<old.lowerBound + key.count
                garbage += old.count - key.count
            } else {
                ranges[position] = storage.count..<storage.count + key.count
                storage.append(contentsOf: key)
                garbage += old.count
            }
            if garbage > storage.count / 2 { compact() }
        } else {
            positions[caseID] = ids.count
            ids.append(caseID)
            ranges.append(storage.count..<storage.count + key.count)
            storage.append(contentsOf: key)
        }
    }

    /// Rewrites `storage` with only the live keys, in case order.
    private mutating func compact() {
        var packed: [UInt8] = []
        packed.reserveCapacity(storage.count - garbage)
        for index in ranges.indices {
            let start = packed.count
            packed.append(contentsOf: storage[ranges[index]])
            ranges[index] = start..<packed.count
        }
        storage = packed
        garbage = 0
    }

    private func keyBytes(at position: Int) -> ArraySlice<UInt8> { storage[ranges[position]] }

    /// The cases in the index's order (the order they were added).
    var caseIDs: [CaseID] { ids }

    /// Every case's key in the index's order, for the snapshot (`CaseStore.snapshot()`): the keys
    /// are written as they are, so that an open from the snapshot folds no name again.
    func write(to out: inout ByteWriter) {
        out.varint(UInt64(ranges.count))
        for range in ranges {
            out.varint(UInt64(range.count))
            out.bytes.append(contentsOf: storage[range])
        }
    }

    /// The index `write` wrote, for the cases `ids` in its order.
    init(ids: [CaseID], reading reader: inout ByteReader) throws {
        guard try reader.count() == ids.count else { throw SnapshotDecodingError.badValue }
        self.ids = ids
        ranges.reserveCapacity(ids.count)
        positions.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            let key = try reader.skip(try reader.count())
            ranges.append(storage.count..<storage.count + key.count)
            storage.append(contentsOf: key)
            positions[id] = position
        }
    }

    /// The folded key of a case: its number's parts, then its name words.
    public func key(of caseID: CaseID) -> String? {
        positions[caseID].map { String(decoding: keyBytes(at: $0), as: UTF8.self) }
    }

    /// The name words of a case's key (its number's digit groups left out), for the duplicate finder.
    func nameWords(of caseID: CaseID) -> [[UInt8]] {
        guard let position = positions[caseID] else { return [] }
        var seen = Set<ArraySlice<UInt8>>()
        return keyBytes(at: position).split(separator: NameFolding.space)
            .filter { word in word.count > 1 && !word.contains { $0 < UInt8(ascii: "a") } && seen.insert(word).inserted }
            .map(Array.init)
    }

    /// Cases (in opening order) whose key contains every word of the folded query. An empty query
    /// matches every case. Pass the previous result as `among` to narrow as the user types more.
    public func search(_ query: String, among candidates: [CaseID]? = nil) -> [CaseID] {
        let words = NameFolding.words(query)
        guard !words.isEmpty else { return candidates ?? ids }
        return storage.withUnsafeBufferPointer { bytes in
            func matches(_ position: Int) -> Bool {
                let range = ranges[position]
                let key = UnsafeBufferPointer(rebasing: bytes[range])
                for word in words where !Self.contains(key, word) { return false }
                return true
            }
            if let candidates {
                return candidates.filter { id in positions[id].map(matches) ?? false }
            }
            var found: [CaseID] = []
            for position in ranges.indices where matches(position) {
                found.append(ids[position])
            }
            return found
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard count <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - count {
            if haystack[start] == first {
                var offset = 1
                while offset < count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }
}
