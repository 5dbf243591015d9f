import Testing
@testable import CaseModel

/// The import compares names and trims cells by byte when the text is plain ASCII; these answers
/// must be exactly Unicode's, which the general path gives.
@Suite struct ImportFoldingTests {
    static func unicodeFold(_ text: String, dropping dropped: Set<Character>) -> String {
        String(text.lowercased().filter { !$0.isWhitespace && !dropped.contains($0) })
    }

    static func unicodeTrim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Every ASCII character alone, at both ends and inside a name; and text that is not ASCII.
    static let samples: [String] = (0..<128).flatMap { code -> [String] in
        let character = String(UnicodeScalar(UInt8(code)))
        return [character, "A\(character)b", "\(character)Name\(character)", "\(character)\(character)"]
    } + ["First Name", "prs_First*Name", " Имя ", "ФАМИЛИЯ\u{A0}", "\u{2003}Ә\u{301}\u{3000}", "e\u{301}", "\r\n", "x\r\n", "", " \t\n"]

    @Test func columnNamesFoldAsUnicodeDoes() {
        for sample in Self.samples {
            #expect(ColumnNames.fold(sample) == Self.unicodeFold(sample, dropping: ["_", "*"]), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func valuesFoldAsUnicodeDoes() {
        for sample in Self.samples {
            #expect(ImportValues.fold(sample) == Self.unicodeFold(sample, dropping: ["_", "-", "/"]), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func cellsTrimAsUnicodeDoes() {
        for sample in Self.samples {
            #expect(sample.trimmingWhitespace() == Self.unicodeTrim(sample), "\(Array(sample.unicodeScalars))")
            #expect(sample.unicodeScalars.allSatisfy { $0.isWhitespace == $0.properties.isWhitespace })
        }
    }
}
