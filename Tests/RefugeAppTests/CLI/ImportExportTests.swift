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
        #expect(period.output.contains("total,,1,"))

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
            "from", "to", "minCell", "total", "byGender", "minorsAtExploitation", "byCitizenship", "byExploitation",
            "byLabourSector", "byCountryOfExploitation", "byReferralSource", "byStatus",
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
        #expect(refused.output.contains("only a coordinator"))
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
        #expect(users.output.contains("demo") && users.output.contains("coordinator"))
    }
}
