import Foundation
import Testing

/// import, export, stats and demo through the real binary.
@Suite("refuge import, export, stats and demo")
struct ImportExportTests {
    @Test func importedCasesShowInStatsAndExports() throws {
        let workspace = try CLIWorkspace.initialised()
        let csv = try workspace.file("cases.csv", CLIWorkspace.validCSV)
        let imported = try workspace.run(["import", csv.path])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("Imported 3 cases"))

        let stats = try workspace.run(["stats", "--format", "json", "--min-cell", "1"])
        #expect(stats.status == 0, "\(stats.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 3)
        let citizenship = try #require(json["byCitizenship"] as? [[String: Any]])
        #expect(Set(citizenship.compactMap { $0["code"] as? String }) == ["UZ", "KG", "KZ"])

        let period = try workspace.run(["stats", "--from", "2024-05-01", "--to", "31.05.2024", "--min-cell", "1", "--format", "csv"])
        #expect(period.output.contains("total,all,1,"))
        #expect(period.output.contains("period,2024-05-01/2024-05-31,"))

        let export = try workspace.run(["export", "--format", "csv"])
        #expect(export.status == 0, "\(export.output)")
        let rows = export.output.split(separator: "\r\n")
        #expect(rows.count == 4)  // header and three cases
        #expect(!export.output.contains("Каримова"))  // anonymised by default

        let identifiable = workspace.root.appendingPathComponent("people.csv")
        #expect(try workspace.run(["export", "--identifiable", "-o", identifiable.path]).status == 0)
        let text = try String(contentsOf: identifiable, encoding: .utf8)
        #expect(text.contains("Каримова") && text.contains("Asanov"))
        let mode = try FileManager.default.attributesOfItem(atPath: identifiable.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func statsJSONHasTheContractShape() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        let result = try workspace.run(["stats", "--format", "json", "--from", "2024-01-01", "--to", "2024-12-31"])
        #expect(result.status == 0, "\(result.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(json.keys) == [
            "from", "to", "minCell", "total", "episodes", "byGender", "minorsAtExploitation", "byCitizenship", "byExploitation",
            "byExploitationOfEpisodes", "byLabourSector", "byCountryOfExploitation", "byReferralSource", "byStatus",
        ])
        #expect(json["from"] as? String == "2024-01-01" && json["to"] as? String == "2024-12-31")
        #expect(json["minCell"] as? Int == 5 && json["total"] as? Int == 3)
        let genders = try #require(json["byGender"] as? [[String: Any]])
        // Three people, all in groups under 5: one suppressed cell with no count and no ages.
        #expect(genders.count == 1)
        #expect(Set(genders[0].keys) == ["code", "count", "ageMin", "ageMax", "suppressed"])
        #expect(genders[0]["count"] is NSNull && genders[0]["suppressed"] as? Bool == true)
        for key in ["byCitizenship", "byExploitation", "byStatus"] {
            let cells = try #require(json[key] as? [[String: Any]])
            #expect(cells.allSatisfy { $0["code"] is String && $0.keys.contains("count") })
        }
    }

    @Test func aRejectedImportListsRowsAndColumnsAndLeavesTheLogUntouched() throws {
        let workspace = try CLIWorkspace.initialised()
        let before = try workspace.bytes(workspace.logFile)
        let csv = try workspace.file("bad.csv", """
            familyName,givenName,gender,birthDate,citizenship,intakeDate
            Karimova,Dilnoza,female,1999-04-12,UZ,2024-03-01
            Asanov,Bekzod,robot,31.02.1990,KG,2024-05-20

            """)
        let result = try workspace.run(["import", csv.path])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("row 3, column gender, value “robot”"))
        #expect(result.output.contains("row 3, column birthDate, value “31.02.1990”"))
        #expect(result.output.contains("Nothing was imported"))
        #expect(try workspace.bytes(workspace.logFile) == before)

        let russian = try workspace.run(["import", csv.path, "--lang", "ru"])
        #expect(russian.output.contains("строка 3, столбец gender"))
    }

    @Test func dryRunChangesNothing() throws {
        let workspace = try CLIWorkspace.initialised()
        let before = try workspace.bytes(workspace.logFile)
        let result = try workspace.run(["import", workspace.file("cases.csv", CLIWorkspace.validCSV).path, "--dry-run"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("3 cases are ready to import"))
        #expect(try workspace.bytes(workspace.logFile) == before)
    }

    @Test func identifiableExportIsForCoordinatorsAndRecorded() throws {
        let workspace = try CLIWorkspace.initialised()
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"]).status == 0)
        let before = try workspace.bytes(workspace.logFile)
        let refused = try workspace.run(["export", "--identifiable", "--stdout"], as: "bek", passphrase: "bek-passphrase")
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("Only a coordinator"))
        #expect(try workspace.bytes(workspace.logFile) == before)

        let records = try #require(try workspace.recordCount())
        let made = try workspace.run(["export", "--identifiable", "--format", "json", "--stdout"])
        #expect(made.status == 0, "\(made.output)")
        #expect(try workspace.recordCount() == records + 1)  // the exportMade event
    }

    @Test func demoMakesATrainingFileThatStatsCanRead() throws {
        let workspace = try CLIWorkspace()
        let demo = workspace.root.appendingPathComponent("demo")
        let made = try workspace.run(["demo", "--data", demo.path, "--cases", "12"],
                                     environment: ["REFUGE_USER": nil, "REFUGE_PASSPHRASE": nil])
        #expect(made.status == 0, "\(made.output)")
        #expect(made.output.contains("12 invented cases"))
        #expect(made.output.contains("demo-passphrase"))
        let stats = try workspace.run(["stats", "--data", demo.path, "--format", "json", "--min-cell", "1"],
                                      as: "demo", passphrase: "demo-passphrase")
        #expect(stats.status == 0, "\(stats.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? Int)
        #expect(total > 0 && total <= 12)
        let users = try workspace.run(["user", "list", "--data", demo.path], as: "demo", passphrase: "demo-passphrase")
        #expect(users.output.contains("demo") && users.output.contains("Coordinator"))
    }
}

/// Issue 11 item 3: what a dry run accepts, the import saves, however large (more than one frame).
@Suite("refuge import of a large file")
struct LargeImportTests {
    @Test func aDryRunPredictsTheImportOfAFileLargerThanOneFrame() throws {
        let workspace = try CLIWorkspace.initialised()
        let note = String(repeating: "Записка о риске. ", count: 230)  // about 3,900 characters, 7 KB
        var csv = "familyName,givenName,gender,intakeDate,riskNotes\n"
        for row in 0..<2_600 { csv += "Каримова,Дильноза \(row),female,2024-03-01,\(note)\n" }  // about 19 MB
        let file = try workspace.file("large.csv", csv)
        let dryRun = try workspace.run(["import", file.path, "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.output)")
        #expect(dryRun.output.contains("2,600 cases are ready to import"))
        let imported = try workspace.run(["import", file.path])
        #expect(imported.status == 0, "\(imported.output.prefix(500))")
        #expect(imported.output.contains("Imported 2,600 cases"))
        let stats = try workspace.run(["stats", "--format", "json", "--min-cell", "1"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 2_600)
    }
}

/// Issue 19: a file saved by a Russian-locale Excel imports from the command line.
@Suite("refuge import of spreadsheet CSV")
struct SpreadsheetCSVImportTests {
    @Test func aWindows1251SemicolonFileImportsAndTheDryRunNamesItsFormat() throws {
        let workspace = try CLIWorkspace.initialised()
        let csv = "familyName;givenName;gender;birthDate;citizenship;intakeDate\r\n"
            + "Каримова;Дильноза;female;12.03.1998;UZ;2024-03-01\r\nАсанов;Бекзод;male;;KG;2024-05-20\r\n"
        let file = workspace.root.appendingPathComponent("excel.csv")
        try #require(csv.data(using: .windowsCP1251)).write(to: file)
        let dryRun = try workspace.run(["import", file.path, "--dry-run"])
        #expect(dryRun.output.contains("CSV, windows-1251, cells separated by “;”"), "\(dryRun.output)")
        #expect(dryRun.output.contains("2 cases are ready"))
        let imported = try workspace.run(["import", file.path])
        #expect(imported.status == 0 && imported.output.contains("Imported 2 cases"), "\(imported.output)")
        let export = try workspace.run(["export", "--identifiable", "-o", workspace.root.appendingPathComponent("out.csv").path])
        #expect(export.status == 0)
        let text = try String(contentsOf: workspace.root.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(text.contains("Каримова") && text.contains("Асанов"))

        let forced = try workspace.run(["import", file.path, "--dry-run", "--delimiter", "comma"])
        #expect(forced.status == 1 && forced.output.contains("The column gender is missing"), "\(forced.output)")
        #expect(forced.output.contains("familyName;givenName;gender;birthDate;ci… → note"))
    }
}

/// Issue 19: workbooks through the command line (filled templates are imported in CaseModelTests'
/// HTCDSTemplateTests; here the binary's choice of reader and its messages).
@Suite("refuge import of workbooks")
struct WorkbookImportTests {
    static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/HTCDS/HTCDS Excel Spreadsheet single select with validation v2.0.xlsx")
        .standardized

    @Test func anEmptyTemplateIsPreviewedAndHasNoRows() throws {
        let workspace = try CLIWorkspace.initialised()
        let before = try workspace.bytes(workspace.logFile)
        let result = try workspace.run(["import", Self.template.path, "--dry-run"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("Excel workbook, sheet “Case Sheet”"))
        #expect(result.output.contains("prs_FirstName → givenName") && result.output.contains("cas_CaseOwner → note"))
        #expect(result.output.contains("The file holds no data rows"))
        let ignored = try workspace.run(["import", Self.template.path, "--dry-run", "--unmapped", "ignore",
                                         "--map", "prs_Title=note"])
        #expect(ignored.output.contains("cas_CaseOwner → ignore") && ignored.output.contains("prs_Title → note"))
        #expect(try workspace.bytes(workspace.logFile) == before)
    }

    @Test func aPasswordProtectedWorkbookIsRefusedWithItsReason() throws {
        let workspace = try CLIWorkspace.initialised()
        let locked = workspace.root.appendingPathComponent("locked.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1_000)).write(to: locked)
        let result = try workspace.run(["import", locked.path])
        #expect(result.status == 1)
        #expect(result.output.contains("password-protected"), "\(result.output)")
    }
}
