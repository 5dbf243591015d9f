import Foundation
import Testing
@testable import CaseModel

/// The index keeps every key in shared buffers; renaming a case (to a shorter or a longer name,
/// many times, which forces compaction) must leave every other case's key intact, whether the keys
/// were set by replay or restored from a snapshot (where they stay in the snapshot's bytes).
@Suite struct SearchIndexStorageTests {
    static let caseCount = 50

    static func built() -> SearchIndex {
        var index = SearchIndex()
        for n in 0..<caseCount {
            index.update(at: n, number: CaseNumber(year: 2025, sequence: n + 1), names: ["Каримова", "Case\(n)"])
        }
        return index
    }

    /// `built()` written as a snapshot writes it, behind a few unrelated bytes, and read back.
    static func restored() throws -> SearchIndex {
        var out = ByteWriter(capacity: 4096)
        out.bytes.append(contentsOf: [7, 7, 7])
        built().write(to: &out)
        let data = Data(out.bytes)
        return try data.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            _ = try reader.skip(3)
            let index = try SearchIndex(caseCount: caseCount, reading: &reader, sharing: data)
            #expect(reader.isAtEnd)
            return index
        }
    }

    @Test(arguments: [false, true]) func renamesKeepEveryKeyIntact(restoring: Bool) throws {
        var index = restoring ? try Self.restored() : Self.built()
        for round in 0..<20 {
            let position = round % 5
            let name = round.isMultiple(of: 2) ? "Ли" : "Абдуллаева Гулчехра Рахимовна \(round)"
            index.update(at: position, number: CaseNumber(year: 2025, sequence: position + 1), names: [name])
        }
        index.update(at: Self.caseCount, number: CaseNumber(year: 2026, sequence: 1), names: ["Әлия Нұрланқызы"])
        #expect(index.count == Self.caseCount + 1)
        #expect(index.search("karimova").count == 45)
        #expect(index.search("abdulaeva").count + index.search("li").filter { $0 < 5 }.count >= 5)
        for n in 5..<Self.caseCount {
            #expect(index.key(at: n) == "2025 \(String(format: "%04d", n + 1)) karimova case\(n)")
        }
        #expect(index.search("case7 karimova") == [7])
        #expect(index.search("aliya") == [Self.caseCount])
    }

    @Test func aRestoredIndexAnswersAsTheOneItWasWrittenFrom() throws {
        let built = Self.built(), restored = try Self.restored()
        #expect((0..<Self.caseCount).map(restored.key(at:)) == (0..<Self.caseCount).map(built.key(at:)))
        for query in ["", "k", "karimova", "case1", "2025 0003", "nobody"] {
            #expect(restored.search(query) == built.search(query))
        }
        #expect(restored.search("karimova", among: [3, 9, 40]) == [3, 9, 40])
    }
}
