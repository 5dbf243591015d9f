import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RefugeTestSupport
import Testing

/// Issue 19: the exports opened where they will be opened. LibreOffice Calc, headless, converts
/// each export to a flat OpenDocument spreadsheet, whose cells say their type and any formula.
@Suite("exports opened in LibreOffice Calc", .serialized)
struct SpreadsheetOpeningTests {
    struct Cell: Equatable {
        var type: String
        var text: String
        var isFormula: Bool
    }

    /// Converts `file` with LibreOffice in its own profile (a temporary HOME), within a time limit,
    /// and returns the first sheet's rows. CSV is read with the UTF-8 filter, comma-separated.
    static func openInCalc(_ file: URL, in workspace: CLIWorkspace) throws -> [[Cell]] {
        let home = workspace.root.appendingPathComponent("office-home")
        let out = workspace.root.appendingPathComponent("office-out")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var arguments = ["timeout", "300", "soffice", "-env:UserInstallation=file://\(home.path)/profile", "--headless",
                         "--norestore", "--convert-to", "fods", "--outdir", out.path]
        if file.pathExtension == "csv" { arguments += ["--infilter=CSV:44,34,76,1"] }
        let result = try Subprocess.run(arguments + [file.path], environment: [
            "HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
        ])
        let converted = out.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".fods")
        guard result.status == 0, FileManager.default.fileExists(atPath: converted.path) else {
            throw ConversionFailed(output: result.output)
        }
        let reader = FlatODSReader()
        let parser = XMLParser(contentsOf: converted)!
        parser.delegate = reader
        guard parser.parse() else { throw ConversionFailed(output: "unreadable fods: \(String(describing: parser.parserError))") }
        return reader.rows
    }

    struct ConversionFailed: Error { var output: String }

    static func byHeader(_ rows: [[Cell]]) -> [[String: Cell]] {
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(zip(header.map(\.text), $0), uniquingKeysWith: { first, _ in first }) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func theWorkbookKeepsNamesIdsLeadingZerosAndDatesAndHoldsNoFormula() throws {
        let workspace = try ExportForPeopleCLITests.workspace()
        let book = workspace.root.appendingPathComponent("people.xlsx")
        #expect(try workspace.run(["export", "--identifiable", "--labels", "--lang", "ru", "-o", book.path]).status == 0)
        let rows = try Self.openInCalc(book, in: workspace)
        #expect(rows.joined().allSatisfy { !$0.isFormula })
        let people = Self.byHeader(rows)
        #expect(people.count == 3)
        #expect(people[0]["Фамилия"] == Cell(type: "string", text: "Каримова", isFormula: false))
        #expect(people[1]["Фамилия"]?.text == "Сейітқали" && people[1]["Имя"]?.text == "Әйгерім")
        #expect(people[0]["Номер дела"]?.type == "string")
        #expect(people[0]["Другое имя или прозвище"] == Cell(type: "string", text: "007", isFormula: false))
        #expect(people[0]["Отчество"] == Cell(type: "string", text: "=1+1", isFormula: false))
        #expect(people[1]["Другое имя или прозвище"] == Cell(type: "string", text: "1e5", isFormula: false))
        #expect(people[1]["Отчество"] == Cell(type: "string", text: "3/4", isFormula: false))
        #expect(people[0]["Дата рождения"] == Cell(type: "date", text: "12.04.1999", isFormula: false))
        #expect(people[0]["Количество детей"] == Cell(type: "float", text: "2", isFormula: false))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func theCSVExportsKeepNamesAndIdsAsTextAndHoldNoFormula() throws {
        let workspace = try ExportForPeopleCLITests.workspace()
        let people = workspace.root.appendingPathComponent("people.csv")
        #expect(try workspace.run(["export", "--identifiable", "-o", people.path]).status == 0)
        let rows = try Self.openInCalc(people, in: workspace)
        #expect(rows.joined().allSatisfy { !$0.isFormula })
        let cases = Self.byHeader(rows)
        #expect(cases.map { $0["familyName"]?.text } == ["Каримова", "Сейітқали", "Asanov"])
        #expect(cases[1]["givenName"]?.text == "Әйгерім")
        #expect(cases.allSatisfy { $0["caseNumber"]?.type == "string" })
        // The formula guard keeps `=1+1` from running; in CSV it shows (a workbook needs none).
        #expect(cases[0]["patronymic"] == Cell(type: "string", text: "'=1+1", isFormula: false))

        let anonymised = workspace.root.appendingPathComponent("anonymised.csv")
        #expect(try workspace.run(["export", "-o", anonymised.path]).status == 0)
        let ids = Self.byHeader(try Self.openInCalc(anonymised, in: workspace)).map { $0["pseudonymousID"] }
        #expect(ids.count == 3 && ids.allSatisfy { $0?.type == "string" && $0?.text.count ?? 0 > 5 })
    }
}

/// The cells of the first sheet of a flat OpenDocument spreadsheet: type, shown text, formula.
final class FlatODSReader: NSObject, XMLParserDelegate {
    private(set) var rows: [[SpreadsheetOpeningTests.Cell]] = []
    private var row: [SpreadsheetOpeningTests.Cell] = []
    private var cell: SpreadsheetOpeningTests.Cell?
    private var repeats = 1
    private var paragraphs: [String] = []
    private var inParagraph = false
    private var tables = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "table:table": tables += 1
        case "table:table-row" where tables == 1: row = []
        case "table:table-cell" where tables == 1:
            cell = SpreadsheetOpeningTests.Cell(type: attributes["office:value-type"] ?? "", text: "",
                                                isFormula: attributes["table:formula"] != nil)
            repeats = min(Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1, 100)
            paragraphs = []
        case "text:p" where cell != nil:
            inParagraph = true
            paragraphs.append("")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inParagraph { paragraphs[paragraphs.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "text:p": inParagraph = false
        case "table:table-cell" where tables == 1:
            if var finished = cell {
                finished.text = paragraphs.joined(separator: "\n")
                row += Array(repeating: finished, count: repeats)
            }
            cell = nil
        case "table:table-row" where tables == 1:
            while row.last?.type == "" && row.last?.text == "" { row.removeLast() }
            if !row.isEmpty { rows.append(row) }
        default: break
        }
    }
}
