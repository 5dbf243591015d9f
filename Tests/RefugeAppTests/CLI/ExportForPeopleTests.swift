import Foundation
import RefugeTestSupport
import Testing

/// Issue 19: exports for people, the workbook export and the HTCDS round trip, through the binary.
@Suite("refuge export for people, as a workbook and as HTCDS")
struct ExportForPeopleCLITests {
    /// People whose cells a spreadsheet would mangle: Cyrillic and Kazakh names, a leading zero, a
    /// formula, a number, dates.
    static let people = """
        familyName,givenName,gender,birthDate,alias,patronymic,citizenship,exploitationTypes,numberOfChildren,intakeDate,status
        Каримова,Дильноза,female,1999-04-12,007,=1+1,UZ;RU,forcedLabour;sexualExploitation,2,2024-03-01,active
        Сейітқали,Әйгерім,female,2001-02-03,1e5,3/4,KZ,sexualExploitation,,2024-05-20,followUp
        Asanov,Bekzod,male,12.05.1990,,,KG,forcedLabour,0,2024-07-02,closed

        """

    static func workspace() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace.initialised()
        let result = try workspace.run(["import", try workspace.file("people.csv", people).path])
        #expect(result.status == 0, "\(result.output)")
        return workspace
    }

    @Test func labelsSpeakTheChosenLanguage() throws {
        let workspace = try Self.workspace()
        let russian = try workspace.run(["export", "--labels", "--lang", "ru"])
        #expect(russian.status == 0, "\(russian.output)")
        #expect(russian.output.hasPrefix("\u{FEFF}Псевдоним,Год приёма,Возраст при приёме (группа),Пол,"))
        #expect(russian.output.contains("Женский") && russian.output.contains("Принудительный труд, Сексуальная эксплуатация"))

        let people = workspace.root.appendingPathComponent("people-kk.csv")
        let kazakh = try workspace.run(["export", "--identifiable", "--labels", "--lang", "kk", "-o", people.path])
        #expect(kazakh.status == 0, "\(kazakh.output)")
        let text = try String(contentsOf: people, encoding: .utf8)
        #expect(text.contains("Іс нөмірі,Тегі,Аты,Жынысы,Туған күні,"))  // (the BOM is read away)
        #expect(text.contains("12.04.1999") && text.contains("Әйел"))

        let json = try workspace.run(["export", "--labels", "--format", "json"])
        #expect(json.status != 0 && json.output.contains("--labels"), "\(json.output)")
        #expect(try workspace.run(["export", "--format", "json"]).output.contains("\"female\""))
    }

    @Test func anXLSXFileIsAWorkbookWrittenPrivately() throws {
        let workspace = try Self.workspace()
        let book = workspace.root.appendingPathComponent("people.xlsx")
        let result = try workspace.run(["export", "--identifiable", "-o", book.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(try Data(contentsOf: book).prefix(2) == Data("PK".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: book.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let json = try workspace.run(["export", "--format", "json", "-o", workspace.root.appendingPathComponent("x.xlsx").path])
        #expect(json.status != 0)
    }

    @Test(arguments: ["csv", "xlsx"]) func theHTCDSExportImportsIntoAnEmptyCaseFileWithTheSameStatistics(type: String) throws {
        let workspace = try Self.workspace()
        let file = workspace.root.appendingPathComponent("htcds.\(type)")
        let export = try workspace.run(["export", "--format", "htcds", "-o", file.path])
        #expect(export.status == 0, "\(export.output)")
        let empty = try CLIWorkspace.initialised()
        let imported = try empty.run(["import", file.path])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("Imported 3 cases"))
        let arguments = ["stats", "--format", "json", "--min-cell", "1"]
        let before = try workspace.run(arguments), after = try empty.run(arguments)
        #expect(before.status == 0 && after.status == 0)
        #expect(after.output == before.output)
    }
}
