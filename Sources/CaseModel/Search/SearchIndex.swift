/// Precomputed search keys, one per case: the folded case number, names and alias as ASCII bytes.
/// A keystroke folds only the query (one ICU call at most) and then scans plain bytes, so a search
/// over 200,000 cases needs no Unicode work per case.
public struct SearchIndex: Sendable {
    private var ids: [CaseID] = []
    private var keys: [[UInt8]] = []
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
            keys[position] = key
        } else {
            positions[caseID] = ids.count
            ids.append(caseID)
            keys.append(key)
        }
    }

    /// The folded key of a case: its number's parts, then its name words.
    public func key(of caseID: CaseID) -> String? {
        positions[caseID].map { String(decoding: keys[$0], as: UTF8.self) }
    }

    /// The name words of a case's key (its number's digit groups left out), for the duplicate finder.
    func nameWords(of caseID: CaseID) -> [[UInt8]] {
        guard let position = positions[caseID] else { return [] }
        var seen = Set<ArraySlice<UInt8>>()
        return keys[position].split(separator: NameFolding.space)
            .filter { word in word.count > 1 && !word.contains { $0 < UInt8(ascii: "a") } && seen.insert(word).inserted }
            .map(Array.init)
    }

    /// Cases (in opening order) whose key contains every word of the folded query. An empty query
    /// matches every case. Pass the previous result as `among` to narrow as the user types more.
    public func search(_ query: String, among candidates: [CaseID]? = nil) -> [CaseID] {
        let words = NameFolding.words(query)
        guard !words.isEmpty else { return candidates ?? ids }
        if let candidates {
            return candidates.filter { id in positions[id].map { matches(keys[$0], words) } ?? false }
        }
        var found: [CaseID] = []
        for position in keys.indices where matches(keys[position], words) {
            found.append(ids[position])
        }
        return found
    }

    private func matches(_ key: [UInt8], _ words: [[UInt8]]) -> Bool {
        key.withUnsafeBufferPointer { key in
            words.allSatisfy { Self.contains(key, $0) }
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
