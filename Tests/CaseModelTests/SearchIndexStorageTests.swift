import Testing
@testable import CaseModel

/// The index keeps every key in one shared buffer; renaming a case (to a shorter or a longer name,
/// many times, which forces compaction) must leave every other case's key intact.
@Suite struct SearchIndexStorageTests {
    @Test func renamesKeepEveryKeyIntact() {
        var index = SearchIndex()
        let ids = (0..<50).map { CaseID(high: 1, low: UInt64($0)) }
        for (n, id) in ids.enumerated() {
            index.update(id, number: CaseNumber(year: 2025, sequence: n + 1), names: ["Каримова", "Case\(n)"])
        }
        for round in 0..<20 {
            let id = ids[round % 5]
            let name = round.isMultiple(of: 2) ? "Ли" : "Абдуллаева Гулчехра Рахимовна \(round)"
            index.update(id, number: CaseNumber(year: 2025, sequence: round % 5 + 1), names: [name])
        }
        #expect(index.count == 50)
        #expect(index.search("karimova").count == 45)
        #expect(index.search("abdulaeva").count + index.search("li").filter { ids.prefix(5).contains($0) }.count >= 5)
        for (n, id) in ids.enumerated().dropFirst(5) {
            #expect(index.key(of: id) == "2025 \(String(format: "%04d", n + 1)) karimova case\(n)")
        }
        #expect(index.search("case7 karimova") == [ids[7]])
    }
}
