import Foundation
import Testing
@testable import CaseModel

/// CSV as spreadsheets write it (issue 19): delimiters, encodings, CRLF, quoted multi-line cells.
@Suite struct CSVTableTests {
    let importer = CaseImporter(context: Fixtures.context)

    /// A temporary file holding `text` in `encoding`, removed by the caller.
    func file(_ text: String, _ encoding: String.Encoding, bom: [UInt8] = []) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-csv-\(UUID().uuidString).csv")
        try (Data(bom) + (try #require(text.data(using: encoding)))).write(to: url)
        return url
    }

    func cases(_ table: CSVTable) throws -> [CaseRecord] {
        var factory = Fixtures.factory(seed: 3)
        var numbering = CaseNumbering(after: CaseStore())
        var events: [Event] = []
        try importer.write(table, factory: &factory, numbering: &numbering) { events += $0 }
        return Array(CaseStore.replay(events).records)
    }

    /// What "Save as CSV" in a Russian-locale Excel writes: Windows-1251, semicolons, CRLF.
    static let russianExcel = "familyName;givenName;gender;birthDate;citizenship;riskNotes;intakeDate\r\n"
        + "Каримова;Дильноза;female;12.03.1998;UZ;\"Звонил брат;\r\nугрожал\";2024-03-01\r\n"
        + "Ёлкина;Жанар;female;;KZ;;2024-04-02\r\n"

    @Test func aRussianExcelCSVIsWindows1251WithSemicolons() throws {
        let url = try file(Self.russianExcel, .windowsCP1251)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(CSVEncoding.detect(fileAt: url) == .windows1251)
        let table = try CSVTable(contentsOf: url)
        #expect(table.encoding == .windows1251 && table.delimiter == ";")
        let records = try cases(table)
        #expect(records.map { $0[.familyName] } == [.text("Каримова"), .text("Ёлкина")])
        #expect(records[0][.birthDate] == .date(Fixtures.date("1998-03-12")))
        #expect(records[0][.riskNotes] == .text("Звонил брат;\nугрожал"))
    }

    @Test func utf16WithBOMAndTabsIsRead() throws {
        let text = "familyName\tgender\tcitizenship\r\nОмарова\tfemale\tKZ\r\nӘлиева\tfemale\tKZ\r\n"
        for (encoding, bom) in [(String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])),
                                (.utf16BigEndian, [0xFE, 0xFF])] {
            let url = try file(text, encoding, bom: bom)
            defer { try? FileManager.default.removeItem(at: url) }
            let table = try CSVTable(contentsOf: url)
            #expect(table.encoding == .utf16 && table.delimiter == "\t")
            #expect(try cases(table).map { $0[.familyName] } == [.text("Омарова"), .text("Әлиева")])
        }
    }

    @Test func utf8WithAndWithoutBOM() throws {
        for bom in [[], [0xEF, 0xBB, 0xBF] as [UInt8]] {
            let url = try file("\"familyName\",gender\nКаримова,female\n", .utf8, bom: bom)
            defer { try? FileManager.default.removeItem(at: url) }
            let table = try CSVTable(contentsOf: url)
            #expect(table.encoding == .utf8 && table.header == ["familyName", "gender"])
            #expect(try cases(table).first?[.familyName] == .text("Каримова"))
        }
    }

    @Test func encodingAndDelimiterCanBeForced() throws {
        let url = try file("familyName;gender\r\nÖzdemir;female\r\n", .isoLatin1)
        defer { try? FileManager.default.removeItem(at: url) }
        // Latin-1 high bytes that are not mostly Cyrillic letters: neither UTF-8 nor Windows-1251.
        #expect(CSVEncoding.detect(fileAt: url) == nil)
        #expect(throws: ImportFailure.self) { try CSVTable(contentsOf: url) }
        let forced = try CSVTable(contentsOf: url, encoding: .windows1251, delimiter: ";")
        #expect(forced.header == ["familyName", "gender"])
        let commas = try CSVTable(contentsOf: url, encoding: .windows1251, delimiter: ",")
        #expect(commas.header == ["familyName;gender"])
    }

    @Test func theDelimiterIsTheCommonestOutsideQuotes() {
        #expect(CSVTable.detectDelimiter(firstLineOf: "a;b;c\n1,2,3,4,5\n") == ";")
        #expect(CSVTable.detectDelimiter(firstLineOf: "\"a;b;c\",d,e\n") == ",")
        #expect(CSVTable.detectDelimiter(firstLineOf: "a\tb\n") == "\t")
        #expect(CSVTable.detectDelimiter(firstLineOf: "familyName\n") == ",")
    }
}
