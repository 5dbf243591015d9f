import Foundation
import Testing
import ZIPFoundation
@testable import CaseModel

/// Issue 19: each of IOM's three HTCDS 2.0 templates, filled with rows in the test (the shared
/// templates are copied and their case sheet's empty rows replaced), imports; a bad row is reported
/// by row and column; hostile workbooks are refused with their reason.
@Suite struct HTCDSTemplateTests {
    /// IOM's templates, unchanged (Tests/Fixtures/HTCDS/README.md says where from and their licence).
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/HTCDS").standardized
    static let names = [
        "HTCDS Excel Spreadsheet v2.0.xlsx",
        "HTCDS Excel Spreadsheet single select with validation v2.0.xlsx",
        "HTCDS Excel Spreadsheet multi select with validation v2.0.xlsm",
    ]
    let importer = CaseImporter(context: Fixtures.context)

    /// A cell as Excel writes it: text inline, numbers as numbers (style 7 shows a date in all
    /// three templates: numFmtId 14), booleans as booleans.
    enum Cell {
        case text(String), date(Int), number(String), boolean(Bool), formula(String)

        func xml(_ reference: String) -> String {
            switch self {
            case .text(let text):
                let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped)</t></is></c>"
            case .date(let serial): return "<c r=\"\(reference)\" s=\"7\"><v>\(serial)</v></c>"
            case .number(let value): return "<c r=\"\(reference)\"><v>\(value)</v></c>"
            case .boolean(let value): return "<c r=\"\(reference)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
            case .formula(let formula): return "<c r=\"\(reference)\"><f>\(formula)</f><v>1</v></c>"
            }
        }
    }

    /// A copy of `template` whose case sheet holds `rows` (column letter → cell) from row 3 on.
    static func filled(_ template: String, rows: [[String: Cell]], hiddenRows: Set<Int> = []) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("htcds-\(UUID().uuidString).\((template as NSString).pathExtension)")
        try FileManager.default.copyItem(at: templates.appendingPathComponent(template), to: url)
        let archive = try Archive(url: url, accessMode: .update, pathEncoding: nil)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var original = Data()
        _ = try archive.extract(entry) { original.append($0) }
        var sheet = String(decoding: original, as: UTF8.self)
        let start = try #require(sheet.range(of: "<row r=\"3\""))
        let end = try #require(sheet.range(of: "</sheetData>"))
        let body = rows.enumerated().map { index, cells in
            let number = index + 3
            let hidden = hiddenRows.contains(number) ? " hidden=\"1\"" : ""
            let xml = cells.sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }
                .map { $0.value.xml("\($0.key)\(number)") }.joined()
            return "<row r=\"\(number)\"\(hidden)><c r=\"A\(number)\"><v>\(index + 1)</v></c>\(xml)</row>"
        }.joined()
        sheet.replaceSubrange(start.lowerBound..<end.lowerBound, with: body)
        try archive.remove(entry)
        let data = Data(sheet.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return url
    }

    /// Two people as a shelter types them into the template.
    static func people(multiSelect: Bool) -> [[String: Cell]] {
        [
            ["B": .text("Aigerim"), "D": .text("Дильноза"), "E": .text("Каримова"), "G": .date(36_100),
             "H": .text("Feminine"), "I": .text("UZ"),
             "X": .text(multiSelect ? "Forced labour; Sexual exploitation" : "Sexual exploitation"),
             "AA": .text("Turkey"), "AB": .text("Follow up"), "AD": .date(45_123)],
            ["D": .text("Бекзод"), "E": .text("Asanov"), "H": .text("Masculine"), "I": .text("Кыргызстан"),
             "X": .text("Forced labour"), "Y": .text("Construction"), "AB": .text("Closed")],
        ]
    }

    func replay(_ table: ImportTable) throws -> CaseStore {
        var factory = Fixtures.factory(seed: 21)
        var numbering = CaseNumbering(after: CaseStore())
        var events: [Event] = []
        try importer.write(table, factory: &factory, numbering: &numbering) { events += $0 }
        return CaseStore.replay(events)
    }

    @Test(arguments: names) func aFilledTemplateImports(template: String) throws {
        let multiSelect = template.hasSuffix(".xlsm")
        let url = try Self.filled(template, rows: Self.people(multiSelect: multiSelect))
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try XLSXTable(contentsOf: url)
        #expect(table.sheetName == (template.contains("validation") ? "Case Sheet" : "Sheet1"))
        let check = importer.check(table)
        #expect(check.failure == nil, "\(check.errors.map { $0.description(in: .en) })")
        #expect(check.readyRows == 2)
        let cases = try replay(table).records
        #expect(cases.count == 2)
        #expect(cases[0][.familyName] == .text("Каримова") && cases[0][.givenName] == .text("Дильноза"))
        #expect(cases[0][.gender] == .code("female") && cases[1][.gender] == .code("male"))
        #expect(cases[0][.birthDate] == .date(Fixtures.date("1998-11-01")))  // serial 36100
        #expect(cases[0][.referralDate] == .date(Fixtures.date("2023-07-16")))  // serial 45123
        #expect(cases[0][.citizenship] == .codes(["UZ"]) && cases[1][.citizenship] == .codes(["KG"]))
        #expect(cases[0][.exploitationTypes] == .codes(multiSelect ? ["forcedLabour", "sexualExploitation"] : ["sexualExploitation"]))
        #expect(cases[0][.countriesOfExploitation] == .codes(["TR"]))
        #expect(cases[1][.labourSector] == .code("construction"))
        #expect(cases.map(\.status) == [.followUp, .closed])
        #expect(cases[0].notes.first?.text == "cas_CaseOwner: Aigerim")  // the unmapped column, kept
    }

    @Test func aBadRowIsReportedByRowAndColumnAndNothingIsWritten() throws {
        var rows = Self.people(multiSelect: false)
        rows[1]["H"] = .text("Robot")
        let url = try Self.filled(Self.names[1], rows: rows)
        defer { try? FileManager.default.removeItem(at: url) }
        let failure = try #require(importer.check(try XLSXTable(contentsOf: url)).failure)
        #expect(failure.errors.map { "\($0.row)|\($0.column)|\($0.value)" } == ["4|prs_Gender|Robot"])
    }

    @Test func hiddenRowsAreLeftOutAndBooleansRead() throws {
        var rows = Self.people(multiSelect: false)
        rows[0]["F"] = .boolean(true)
        let url = try Self.filled(Self.names[0], rows: rows, hiddenRows: [4])
        defer { try? FileManager.default.removeItem(at: url) }
        let cases = try replay(try XLSXTable(contentsOf: url)).records
        #expect(cases.count == 1 && cases[0][.consentToStatistics] == .code("yes"))
    }

    @Test func hostileWorkbooksAreRefusedWithTheirReason() throws {
        func problem(_ url: URL, sheet: String? = nil) -> ImportError.Problem? {
            do {
                let table = try XLSXTable(contentsOf: url, sheet: sheet)
                return importer.check(table).errors.first?.problem
            } catch {
                return error.errors.first?.problem
            }
        }
        var rows = Self.people(multiSelect: false)
        rows[0]["G"] = .formula("TODAY()")
        let formula = try Self.filled(Self.names[0], rows: rows)
        defer { try? FileManager.default.removeItem(at: formula) }
        #expect(problem(formula) == .formulaCell)
        #expect(problem(formula, sheet: "Лист1") == .noSuchSheet("Лист1", available: ["Sheet1"]))

        let wide = try Self.filled(Self.names[0], rows: [["D": .text("x"), "H": .text("Feminine"), "ZZZZ": .text("far")]])
        defer { try? FileManager.default.removeItem(at: wide) }
        #expect(problem(wide) == .tooManyColumns(XLSXTable.columnLimit))

        // An encrypted workbook is an OLE compound file, not a zip.
        let encrypted = FileManager.default.temporaryDirectory.appendingPathComponent("locked-\(UUID().uuidString).xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: encrypted)
        defer { try? FileManager.default.removeItem(at: encrypted) }
        #expect(problem(encrypted) == .passwordProtected)

        // A zip bomb: a sheet that unpacks to more than the limit, from a few hundred kilobytes.
        let bomb = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).xlsx")
        try FileManager.default.copyItem(at: Self.templates.appendingPathComponent(Self.names[0]), to: bomb)
        defer { try? FileManager.default.removeItem(at: bomb) }
        let archive = try Archive(url: bomb, accessMode: .update, pathEncoding: nil)
        try archive.remove(try #require(archive["xl/worksheets/sheet1.xml"]))
        let size = XLSXTable.partLimit + 1_000_000
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate) { position, length in
            chunk.prefix(min(length, size - Int(position)))
        }
        #expect(problem(bomb) == .partTooLarge)
    }
}
