import Foundation

/// Precomputed search keys, one per case: the folded case number, names and alias as ASCII bytes.
/// A keystroke folds only the query (one ICU call at most) and then scans plain bytes, so a search
/// over 200,000 cases needs no Unicode work per case.
///
/// Cases are named by their position in the store (`CaseStore.position(of:)`): the store adds a
/// case here as it adds it to its records, so the index keeps no ids or table of its own.
///
/// The keys live end to end in byte buffers (with each case's `ranges`) rather than in an array
/// per case: a keystroke then streams through a few contiguous megabytes instead of chasing
/// 200,000 heap pointers (the figures are in docs/performance.md's history). The keys a snapshot
/// held stay in it (`restored`, a slice of the decrypted snapshot, never changed); keys set since
/// are in `added`.
public struct SearchIndex: Sendable {
    private var restored = Data()
    private var added: [UInt8] = []
    /// Where each position's key is: below `restored.count` in `restored`, from it on in `added`
    /// (offset by `restored.count`).
    private var ranges: [Range<Int>] = []
    /// Bytes no longer part of any key (keys that were replaced by longer ones, or restored keys
    /// replaced).
    private var garbage = 0

    public init() {}

    public var count: Int { ranges.count }

    /// Sets the key of the case at `position` (on opening, when `position` is `count`, and whenever
    /// one of its names changes).
    public mutating func update(at position: Int, number: CaseNumber, names: [String]) {
        precondition(position <= ranges.count, "a case is added at the end")
        var key = NameFolding.foldedBytes(number.description)
        for name in names {
            let folded = NameFolding.foldedBytes(name)
            if !folded.isEmpty {
                key.append(NameFolding.space)
                key.append(contentsOf: folded)
            }
        }
        let base = restored.count
        guard position < ranges.count else {
            ranges.append(base + added.count..<base + added.count + key.count)
            added.append(contentsOf: key)
            return
        }
        let old = ranges[position]
        if old.lowerBound >= base && key.count <= old.count {
            let start = old.lowerBound - base
            added.replaceSubrange(start..<start + key.count, with: key)
            ranges[position] = old.lowerBound..<old.lowerBound + key.count
            garbage += old.count - key.count
        } else {
            ranges[position] = base + added.count..<base + added.count + key.count
            added.append(contentsOf: key)
            garbage += old.count
        }
        if garbage > (base + added.count) / 2 { compact() }
    }

    /// Rewrites the keys into `added` alone, in case order, leaving out the garbage.
    private mutating func compact() {
        var packed: [UInt8] = []
        packed.reserveCapacity(restored.count + added.count - garbage)
        for position in ranges.indices {
            let start = packed.count
            withKey(at: position) { packed.append(contentsOf: $0) }
            ranges[position] = start..<packed.count
        }
        restored = Data()
        added = packed
        garbage = 0
    }

    private func withKey<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try restored.withUnsafeBytes { old in
            try added.withUnsafeBufferPointer { new in
                try body(Self.key(ranges[position], old: old, new: new))
            }
        }
    }

    private static func key(_ range: Range<Int>, old: UnsafeRawBufferPointer, new: UnsafeBufferPointer<UInt8>)
        -> UnsafeBufferPointer<UInt8> {
        if range.lowerBound < old.count {
            return UnsafeBufferPointer(rebasing: old.assumingMemoryBound(to: UInt8.self)[range])
        }
        return UnsafeBufferPointer(rebasing: new[range.lowerBound - old.count..<range.upperBound - old.count])
    }

    /// Every case's key in position order, for the snapshot (`CaseStore.snapshot()`): the keys
    /// are written as they are, so that an open from the snapshot folds no name again.
    func write(to out: inout ByteWriter) {
        out.varint(UInt64(ranges.count))
        for position in ranges.indices {
            withKey(at: position) { key in
                out.varint(UInt64(key.count))
                out.bytes.append(contentsOf: key)
            }
        }
    }

    /// The index `write` wrote, for `caseCount` cases. `source` is the whole buffer `reader` reads
    /// (from its start): the keys stay in it instead of being copied out.
    init(caseCount: Int, reading reader: inout ByteReader, sharing source: Data) throws {
        guard try reader.count() == caseCount else { throw SnapshotDecodingError.badValue }
        let first = reader.position
        ranges.reserveCapacity(caseCount)
        for _ in 0..<caseCount {
            let length = try reader.count()
            let start = reader.position - first
            _ = try reader.skip(length)
            ranges.append(start..<start + length)
        }
        guard source.count >= reader.position else { throw SnapshotDecodingError.badValue }
        restored = source[source.startIndex + first..<source.startIndex + reader.position]
    }

    /// The folded key of the case at `position`: its number's parts, then its name words.
    public func key(at position: Int) -> String {
        withKey(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// The name words of a case's key (its number's digit groups left out), for the duplicate finder.
    func nameWords(at position: Int) -> [[UInt8]] {
        withKey(at: position) { key in
            var seen = Set<ArraySlice<UInt8>>()
            return Array(key).split(separator: NameFolding.space)
                .filter { word in word.count > 1 && !word.contains { $0 < UInt8(ascii: "a") } && seen.insert(word).inserted }
                .map(Array.init)
        }
    }

    /// The positions (in order) of the cases whose key contains every word of the folded query. An
    /// empty query matches every case. Pass the previous result as `among` to narrow as the user
    /// types more.
    public func search(_ query: String, among candidates: [Int]? = nil) -> [Int] {
        let words = NameFolding.words(query)
        guard !words.isEmpty else { return candidates ?? Array(ranges.indices) }
        return restored.withUnsafeBytes { old in
            added.withUnsafeBufferPointer { new in
                func matches(_ position: Int) -> Bool {
                    let key = Self.key(ranges[position], old: old, new: new)
                    for word in words where !Self.contains(key, word) { return false }
                    return true
                }
                if let candidates { return candidates.filter(matches) }
                return ranges.indices.filter(matches)
            }
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
