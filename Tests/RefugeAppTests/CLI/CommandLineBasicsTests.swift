import CaseModel
import Foundation
import Testing
@testable import RefugeApp

/// Help, usage errors, creating and opening a case file, and the failures of opening one.
@Suite("refuge command line: basics")
struct CommandLineBasicsTests {
    static let commands: [[String]] = [
        [], ["init"], ["demo"], ["verify"], ["salvage"], ["stats"], ["export"], ["import"],
        ["user"], ["user", "add"], ["user", "disable"], ["user", "passwd"], ["user", "list"], ["backup"], ["doctor"],
        ["agenda"], ["settings"],
    ]

    @Test(arguments: commands)
    func everyCommandHasHelp(_ command: [String]) throws {
        let result = try CLIWorkspace().run(command + ["--help"])
        #expect(result.status == 0, "\(command): \(result.output)")
        #expect(result.output.contains("USAGE: refuge"))
    }

    @Test(arguments: [
        ["stats", "--bogus"], ["init", "--user", "anna"], ["stats", "--lang", "fr"], ["stats", "--from", "31.02.2024"],
        ["stats", "--format", "xml"], ["export", "--format", "ctdc", "--identifiable"], ["user", "add", "bek"], ["nonsense"],
    ])
    func usageErrorsExitWith2(_ arguments: [String]) throws {
        let result = try CLIWorkspace().run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.output)")
    }

    @Test func initThenVerify() throws {
        let workspace = try CLIWorkspace.initialised()
        let result = try workspace.run(["verify", "--data", workspace.data.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("users: anna"))
        #expect(result.output.contains("status: intact"))
        let permissions = try FileManager.default.attributesOfItem(atPath: workspace.data.path)[.posixPermissions] as? Int
        #expect(permissions == 0o700)
    }

    @Test func initNeverOverwritesACaseFile() throws {
        let workspace = try CLIWorkspace.initialised()
        let before = try workspace.bytes(workspace.logFile)
        let result = try workspace.run(["init", "--org", "Other", "--user", "bek"])
        #expect(result.status == 2)
        #expect(result.output.contains("already exists"))
        #expect(try workspace.bytes(workspace.logFile) == before)
    }

    @Test func initRefusesAShortPassphrase() throws {
        let workspace = try CLIWorkspace()
        let result = try workspace.run(["init", "--org", "Shelter", "--user", "anna"], environment: ["REFUGE_PASSPHRASE": "short"])
        #expect(result.status == 1)
        #expect(result.output.contains("at least 10 characters"))
        #expect(!FileManager.default.fileExists(atPath: workspace.logFile.path))
    }

    @Test func wrongPassphraseExits2AndChangesNothing() throws {
        let workspace = try CLIWorkspace.initialised()
        let log = try workspace.bytes(workspace.logFile)
        let keys = try workspace.bytes(workspace.keyFile)
        let csv = try workspace.file("cases.csv", CLIWorkspace.validCSV).path
        for command in [["verify"], ["stats"], ["import", csv], ["user", "add", "bek", "--role", "caseworker"]] {
            let result = try workspace.run(command, as: "anna", passphrase: "not-the-passphrase")
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.output.contains("Wrong user name or passphrase (anna)"))
        }
        #expect(try workspace.bytes(workspace.logFile) == log)
        #expect(try workspace.bytes(workspace.keyFile) == keys)
    }

    @Test func missingDirectoryExits2() throws {
        let workspace = try CLIWorkspace()
        let missing = workspace.root.appendingPathComponent("nowhere").path
        for command in [["verify"], ["stats"], ["export"], ["backup", "-o", "b.tar"]] {
            let result = try workspace.run(command + ["--data", missing])
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.output.contains("There is no Refuge case file in \(missing)"))
        }
    }

    @Test func withoutCredentialsOrATerminalExits2() throws {
        let workspace = try CLIWorkspace.initialised()
        let result = try workspace.run(["stats"], environment: ["REFUGE_USER": nil, "REFUGE_PASSPHRASE": nil])
        #expect(result.status == 2)
        #expect(result.output.contains("set REFUGE_USER and REFUGE_PASSPHRASE"))
        let initResult = try workspace.run(["init", "--data", workspace.root.appendingPathComponent("new").path,
                                            "--org", "Shelter", "--user", "anna"], environment: ["REFUGE_PASSPHRASE": nil])
        #expect(initResult.status == 2)
        #expect(initResult.output.contains("REFUGE_PASSPHRASE"))
    }

    // MARK: - Starting rules, in process

    @Test func dataDirectoryResolution() {
        let env = { (values: [String: String]) in CommandEnvironment(values: values) }
        #expect(DataLocation.resolve("/a/b", environment: env(["REFUGE_DATA": "/c"])).path == "/a/b")
        #expect(DataLocation.resolve(nil, environment: env(["REFUGE_DATA": "/c", "XDG_DATA_HOME": "/x"])).path == "/c")
        #expect(DataLocation.resolve(nil, environment: env(["XDG_DATA_HOME": "/x", "HOME": "/h"])).path == "/x/refuge")
        #expect(DataLocation.resolve(nil, environment: env(["HOME": "/h"])).path == "/h/.local/share/refuge")
        #expect(DataLocation.resolve(nil, environment: env(["REFUGE_DATA": "", "HOME": "/h"])).path == "/h/.local/share/refuge")
    }

    /// Issue 13: the help follows --lang (or the locale), ArgumentParser's own headings included.
    @Test func importHelpInRussianAndKazakh() throws {
        let russian = try CLIWorkspace().run(["import", "--help", "--lang", "ru"])
        #expect(russian.status == 0)
        #expect(russian.output.contains("Импортировать дела из файла CSV или книги Excel"))
        #expect(russian.output.contains("ИСПОЛЬЗОВАНИЕ: refuge import"))
        #expect(russian.output.contains("Проверить файл и сообщить; ничего не менять."))
        #expect(russian.output.contains("Показать справку."))
        #expect(!russian.output.contains("USAGE") && !russian.output.contains("Check the file"))
        let kazakh = try CLIWorkspace().run(["import", "--help"], environment: ["LANG": "kk_KZ.UTF-8", "LC_ALL": nil])
        #expect(kazakh.output.contains("Істерді CSV файлынан немесе Excel кітабынан импорттау"), "\(kazakh.output)")
        #expect(kazakh.output.contains("ҚОЛДАНУ: refuge import"))
    }

    @Test func messagesFollowTheLanguage() throws {
        let result = try CLIWorkspace().run(["stats", "--lang", "kk", "--data", "/nonexistent/refuge"])
        #expect(result.status == 2)
        #expect(result.output.contains("Refuge картотекасы жоқ"), "\(result.output)")
    }

    /// `refuge doctor` reports each catalog's coverage; all three are complete.
    @Test func doctorReportsCatalogCoverage() throws {
        let line = try #require(LanguageCoverage().lines.first)
        let keys = Words.catalogs[.en]!.entries.count
        for language in ["en", "ru", "kk"] { #expect(line.contains("\(language) \(keys)/\(keys) (100%)"), "\(line)") }
    }

    @Test func theLanguageIsKnownBeforeParsing() {
        let env = CommandEnvironment(values: ["LANG": "ru_RU.UTF-8"])
        #expect(CommandWords.resolve(["import", "--lang", "kk"], environment: env) == .kk)
        #expect(CommandWords.resolve(["import", "--lang=en"], environment: env) == .en)
        #expect(CommandWords.resolve(["import", "--", "--lang", "en"], environment: env) == .ru)
        #expect(CommandWords.resolve(["import"], environment: CommandEnvironment(values: [:])) == .en)
    }

    @Test func languageResolution() {
        let env = { (values: [String: String]) in CommandEnvironment(values: values) }
        #expect(LanguageChoice.resolve(.kk, environment: env(["LANG": "ru_RU.UTF-8"])) == .kk)
        #expect(LanguageChoice.resolve(nil, environment: env(["LANG": "ru_RU.UTF-8"])) == .ru)
        #expect(LanguageChoice.resolve(nil, environment: env(["LANG": "kk_KZ.UTF-8"])) == .kk)
        #expect(LanguageChoice.resolve(nil, environment: env(["LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"])) == .en)
        #expect(LanguageChoice.resolve(nil, environment: env([:])) == .en)
    }
}
