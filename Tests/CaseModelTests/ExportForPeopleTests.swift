import Foundation
import Testing
import ZIPFoundation
@testable import CaseModel

/// Issue 19: exports for people (`--labels`) speak the chosen language; the workbook export keeps
/// each cell's type; the HTCDS export has the template's columns and imports back to the same
/// statistics.
@Suite struct ExportForPeopleTests {
    let exporter = CaseExporter(pseudonymSecret: Array("per-log secret".utf8))
    let importer = CaseImporter(context: Fixtures.context)

    /// The data rows, without the header.
    static func rows(_ csv: String) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVTable(string: String(csv.dropFirst())).forEachRow { _, cells in rows.append(cells) }
        return Array(rows.dropFirst())
    }

    static func header(_ csv: String) throws -> [String] { try CSVTable(string: String(csv.dropFirst())).header }

    @Test func labelsInRussianNameColumnsAndAnswersInWordsAndDatesAsRussiansWriteThem() throws {
        let csv = exporter.csv(ExchangeTests.richStore().records, variant: .identifiable, wording: .labels(.ru))
        let header = try Self.header(csv)
        #expect(Array(header.prefix(5)) == ["Номер дела", "Фамилия", "Имя", "Пол", "Дата рождения"])
        #expect(header.last == "Статус")
        let rows = try Self.rows(csv)
        let first = Dictionary(zip(header, rows[0]), uniquingKeysWith: { first, _ in first })
        #expect(first["Пол"] == "Женский")
        #expect(first["Дата рождения"] == "10.04.1998")
        #expect(first["Гражданство"] == "Узбекистан, \(Countries.name(of: "RU", in: .ru))")
        #expect(first["Виды эксплуатации"] == "Принудительный труд, Сексуальная эксплуатация")
        #expect(first["Количество детей"] == "2")
        #expect(first["Статус"] == "Активно")
        #expect(rows[1].last == "Закрыто – передано")
    }

    @Test func labelsInKazakhAndEnglish() throws {
        let records = ExchangeTests.richStore().records
        let kazakh = exporter.csv(records, variant: .identifiable, wording: .labels(.kk))
        let kkHeader = try Self.header(kazakh)
        #expect(Array(kkHeader.prefix(5)) == ["Іс нөмірі", "Тегі", "Аты", "Жынысы", "Туған күні"])
        let kkFirst = Dictionary(zip(kkHeader, try Self.rows(kazakh)[0]), uniquingKeysWith: { first, _ in first })
        #expect(kkFirst["Жынысы"] == "Әйел" && kkFirst["Туған күні"] == "10.04.1998")
        #expect(kkFirst["Мәртебе"] == "Белсенді")

        let english = exporter.csv(records, variant: .anonymised, wording: .labels(.en))
        let enHeader = try Self.header(english)
        #expect(Array(enHeader.prefix(4)) == ["Pseudonymous ID", "Year of intake", "Age at intake (band)", "Gender"])
        let enFirst = Dictionary(zip(enHeader, try Self.rows(english)[0]), uniquingKeysWith: { first, _ in first })
        #expect(enFirst["Gender"] == "Female" && enFirst["Types of exploitation"] == "Forced labour, Sexual exploitation")
        #expect(enFirst["Year of intake"] == "2026")
    }

    @Test func machineFormatsKeepTheirCodes() {
        let records = ExchangeTests.richStore().records
        #expect(exporter.csv(records, variant: .ctdc, wording: .labels(.ru)) == exporter.csv(records, variant: .ctdc))
        #expect(exporter.csv(records, variant: .htcds, wording: .labels(.ru)) == exporter.csv(records, variant: .htcds))
        #expect(exporter.csv(records, variant: .identifiable).contains(",female,1998-04-10,"))
    }

    // MARK: - Workbook

    /// The parts of a workbook, by path.
    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    static func workbookFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: url)
        return url
    }

    static func hostileStore() -> CaseStore {
        var person = Fixtures.person(family: "Сейітқали", given: "Әйгерім", birth: "2001-02-03", citizenship: ["KZ"])
        person[.alias] = .text("007")
        person[.patronymic] = .text("=1+1")
        person[.riskNotes] = .text("1e5 3/4 <b>&amp;")
        person[.numberOfChildren] = .number(3)
        return Fixtures.store([person])
    }

    @Test func aWorkbookKeepsTextAsTextDatesAsDatesAndHasNoFormula() throws {
        let bytes = exporter.xlsx(Self.hostileStore().records, variant: .identifiable, wording: .labels(.ru))
        let parts = try Self.parts(bytes)
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(!sheet.contains("<f>") && !sheet.contains("'="))
        #expect(sheet.contains(#"t="inlineStr"><is><t xml:space="preserve">007</t>"#))
        #expect(sheet.contains(#"<t xml:space="preserve">=1+1</t>"#))
        #expect(sheet.contains("<v>\(XLSXWriter.serial(of: Fixtures.date("2001-02-03")))</v>"))
        #expect(XLSXWriter.serial(of: Fixtures.date("2023-07-16")) == 45_123)
        #expect(parts["xl/styles.xml"]?.contains(#"formatCode="dd.mm.yyyy""#) == true)

        // Read back by Refuge's own reader: every cell as it was.
        let url = try Self.workbookFile(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        var rows: [[String]] = []
        try XLSXTable(contentsOf: url).forEachRow { _, row in rows.append(row) }
        #expect(rows.count == 2)
        #expect(Array(rows[0].prefix(3)) == ["Номер дела", "Фамилия", "Имя"])
        let cells = Dictionary(zip(rows[0], rows[1]), uniquingKeysWith: { first, _ in first })
        #expect(cells["Фамилия"] == "Сейітқали" && cells["Имя"] == "Әйгерім")
        #expect(cells["Другое имя или прозвище"] == "007" && cells["Отчество"] == "=1+1")
        #expect(cells["Риски и безопасность"] == "1e5 3/4 <b>&amp;")
        #expect(cells["Дата рождения"] == "2001-02-03")
        #expect(cells["Количество детей"] == "3")
    }

    /// Found measuring the export: Foundation's XMLParser on Linux, given a sheet over 10 MB as one
    /// piece of data, delivered every row and then failed, so a 10,000-case workbook was refused.
    @Test func aSheetOverTenMegabytesIsReadToTheEnd() throws {
        let text = String(repeating: "Каримова Дильноза ", count: 60)  // about 2 KB as UTF-8
        let rows = (0..<6_000).map { [ExportCell.text("P\($0)"), .text(text), .number($0), .date(Fixtures.date("2024-03-01"))] }
        let bytes = XLSXWriter(dateFormat: "dd.mm.yyyy").workbook(ExportTable(header: ["id", "text", "n", "day"], rows: rows))
        let url = try Self.workbookFile(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Self.parts(bytes)["xl/worksheets/sheet1.xml"]?.utf8.count ?? 0 > 12_000_000)
        var count = 0
        var last: [String] = []
        try XLSXTable(contentsOf: url).forEachRow { _, cells in
            count += 1
            last = cells
        }
        #expect(count == 6_001)
        #expect(last == ["P5999", text, "5999", "2024-03-01"])
    }

    @Test func textXMLCannotHoldIsEscapedTheOOXMLWay() {
        #expect(XLSXWriter.escaped("a<b>&c") == "a&lt;b&gt;&amp;c")
        #expect(XLSXWriter.escaped("x\u{1}y\r\n") == "x_x0001_y_x000D_\n")
        #expect(XLSXWriter.escaped("_x0041_") == "_x005F_x0041_")
    }

    @Test func columnNamesRunPastZ() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(XLSXWriter.columnName) == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    // MARK: - HTCDS

    @Test func theHTCDSExportHasTheTemplateColumnsAndItsLabelRow() {
        let table = exporter.typedTable(ExchangeTests.richStore().records, variant: .htcds)
        #expect(Array(table.header.prefix(5)) == ["", "cas_CaseOwner", "prs_Salutation", "prs_FirstName", "prs_SecondName"])
        #expect(table.header[38] == "cas_ReasonForCaseClosure")
        #expect(table.header.contains("intakeDate") && table.header.contains("ageAtExploitation"))
        #expect(!table.header.contains("givenName") && !table.header.contains("gender"))
        #expect(table.rows[0][3] == .text("First Name"))
        let first = Dictionary(zip(table.header, table.rows[1]), uniquingKeysWith: { first, _ in first })
        #expect(first["prs_FirstName"] == .text("Дилноза") && first["prs_Gender"] == .text("Feminine"))
        #expect(first["vic_TypeOfExploitation"] == .text("Forced labour; Sexual exploitation"))
        #expect(first["cas_Status"] == .text("Active"))
        #expect(first["prs_Birthdate"] == .date(Fixtures.date("1998-04-10")))
    }

    func imported(_ table: ImportTable) throws -> CaseStore {
        let check = importer.check(table)
        #expect(check.failure == nil, "\(check.errors.map { $0.description(in: .en) })")
        var factory = Fixtures.factory(seed: 5)
        var numbering = CaseNumbering(after: CaseStore())
        var events: [Event] = []
        try importer.write(table, factory: &factory, numbering: &numbering) { events += $0 }
        return CaseStore.replay(events)
    }

    @Test func theHTCDSExportImportsBackToTheSameStatistics() throws {
        let store = ExchangeTests.richStore()
        let expected = StatisticsBuilder.report(for: store.records, query: StatisticsQuery(minCell: 1))

        let fromCSV = try imported(try CSVTable(string: String(exporter.csv(store.records, variant: .htcds).dropFirst())))
        #expect(StatisticsBuilder.report(for: fromCSV.records, query: StatisticsQuery(minCell: 1)) == expected)
        #expect(fromCSV.records.map(\.values) == store.records.map(\.values))

        let url = try Self.workbookFile(exporter.xlsx(store.records, variant: .htcds))
        defer { try? FileManager.default.removeItem(at: url) }
        let fromWorkbook = try imported(try XLSXTable(contentsOf: url))
        #expect(StatisticsBuilder.report(for: fromWorkbook.records, query: StatisticsQuery(minCell: 1)) == expected)
        #expect(fromWorkbook.records.map(\.values) == store.records.map(\.values))
    }
}
