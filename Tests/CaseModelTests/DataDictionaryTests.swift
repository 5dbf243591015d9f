import Foundation
import Testing
@testable import CaseModel

@Suite struct DataDictionaryTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/data-dictionary.md")

    /// The generated tables in docs/data-dictionary.md match the schema. Run with
    /// `REFUGE_WRITE_DATA_DICTIONARY=1` to rewrite them after changing the schema.
    @Test func documentMatchesTheSchema() throws {
        let document = try String(contentsOf: Self.path, encoding: .utf8)
        let generated = DataDictionary.markdown()
        guard let start = document.range(of: DataDictionary.beginMarker),
            let end = document.range(of: DataDictionary.endMarker)
        else {
            Issue.record("markers missing in docs/data-dictionary.md")
            return
        }
        let current = String(document[start.upperBound..<end.lowerBound])
        if ProcessInfo.processInfo.environment["REFUGE_WRITE_DATA_DICTIONARY"] == "1" {
            let updated = document.replacingCharacters(in: start.upperBound..<end.lowerBound, with: generated + "\n")
            try updated.write(to: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated + "\n", "run the tests with REFUGE_WRITE_DATA_DICTIONARY=1")
    }
}
