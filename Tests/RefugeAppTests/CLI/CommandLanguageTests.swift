import Foundation
import RefugeTestSupport
import Testing

/// Issue 13: the command line speaks the user's language in everything it prints — the messages
/// of the partner, referral, flag, device, sync, user and export commands, ArgumentParser's own
/// errors, and what `verify` and `salvage` report about the log.
@Suite("The command line's messages in Russian and Kazakh")
struct CommandLanguageTests {
    static let casesCSV = """
        familyName,givenName,gender,birthDate,citizenship,intakeDate,consentToShareWithPartners
        Каримова,Дильноза,female,1999-04-12,UZ,2024-03-01,yes

        """

    private func workspace() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace.initialised()
        let imported = try workspace.run(["import", workspace.file("cases.csv", Self.casesCSV).path])
        guard imported.status == 0 else { throw CLIWorkspace.SetupFailed(output: imported.output) }
        return workspace
    }

    /// Runs a command in `language` and expects no English sentence in anything it printed.
    @discardableResult
    private func expectNoEnglish(_ workspace: CLIWorkspace, _ arguments: [String], _ language: String, status: Int32? = nil,
                                 endsWithPassphrase: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try workspace.run(arguments + ["--lang", language])
        if let status { #expect(result.status == status, "\(arguments): \(result.output)", sourceLocation: sourceLocation) }
        // A generated passphrase is words of a list, not a sentence.
        let said = endsWithPassphrase ? result.output.split(separator: "\n").dropLast().joined(separator: "\n") : result.output
        let english = EnglishWords.found(in: said)
        #expect(english.isEmpty, "\(arguments.joined(separator: " ")) --lang \(language): \(english)\n\(result.output)",
                sourceLocation: sourceLocation)
        #expect(!result.output.isEmpty, sourceLocation: sourceLocation)
        return result.output
    }

    @Test(arguments: ["ru", "kk"])
    func partnerReferralFlagUserAndExportMessages(_ language: String) throws {
        let workspace = try workspace()
        try expectNoEnglish(workspace, ["partner", "add", "--name", "Шипагер", "--kind", "medical"], language, status: 0)
        try expectNoEnglish(workspace, ["partner", "add", "--name", "Шипагер", "--kind", "legal"], language, status: 1)
        try expectNoEnglish(workspace, ["partner", "add", "--name", "Заң"], language, status: 2)
        try expectNoEnglish(workspace, ["partner", "change", "Шипагер", "--city", "Алматы"], language, status: 0)
        try expectNoEnglish(workspace, ["partner", "list"], language, status: 0)
        let packet = workspace.root.appendingPathComponent("packet.age").path
        try expectNoEnglish(workspace, ["referral", "2024-0001", "--partner", "Шипагер", "--reason", "medical", "--out", packet],
                            language, status: 0, endsWithPassphrase: true)
        try expectNoEnglish(workspace, ["referral", "2024-0001", "--partner", "Шипагер", "--out", packet], language, status: 2)
        try expectNoEnglish(workspace, ["referral", "status", "2024-0001", "--partner", "Шипагер", "--to", "completed"],
                            language, status: 1)
        try expectNoEnglish(workspace, ["referral", "status", "2024-0001", "--partner", "Шипагер", "--to", "accepted"],
                            language, status: 0)
        try expectNoEnglish(workspace, ["partner", "retire", "Шипагер", "--reason", "закрылась"], language, status: 0)
        try expectNoEnglish(workspace, ["flag", "2024-0001", "--set", "safetyRisk"], language, status: 0)
        try expectNoEnglish(workspace, ["flag", "2024-0001", "--set", "safetyRisk"], language, status: 1)
        try expectNoEnglish(workspace, ["flag", "2024-0001", "--clear", "safetyRisk"], language, status: 0)
        try expectNoEnglish(workspace, ["flag", "2024-0001", "--set", "a", "--clear", "b"], language, status: 2)
        try expectNoEnglish(workspace, ["user", "reset", "anna"], language, status: 1)
        try expectNoEnglish(workspace, ["sync", "status"], language, status: 0)
        let out = workspace.root.appendingPathComponent("out.csv").path
        try expectNoEnglish(workspace, ["export", "--identifiable", "--recipient", "age1nope", "-o", out], language, status: 1)
        let empty = try workspace.file("empty.txt", "")
        try expectNoEnglish(workspace, ["export", "--passphrase-file", empty.path, "-o", out], language, status: 1)
        try expectNoEnglish(workspace, ["export", "--recipient", "age1nope", "--passphrase-file", empty.path, "-o", out], language, status: 2)
    }

    @Test(arguments: ["ru", "kk"])
    func argumentParsersOwnErrors(_ language: String) throws {
        let workspace = try CLIWorkspace()
        for arguments in [["stats", "--bogus"], ["stats", "--bogs-cell"], ["partner", "add"], ["partner", "add", "--name", "X", "--kind", "nonsense"],
                          ["stats", "--min-cell"], ["flag"], ["stats", "extra", "more"], ["partner"]] {
            let output = try expectNoEnglish(workspace, arguments, language)
            #expect(output.contains(language == "ru" ? "Ошибка" : "Қате") || arguments == ["partner"], "\(output)")
        }
    }

    @Test(arguments: ["ru", "kk"])
    func verifyAndSalvageReportInTheLanguage(_ language: String) throws {
        let workspace = try CLIWorkspace.initialised()
        let verified = try expectNoEnglish(workspace, ["verify"], language, status: 0)
        #expect(verified.contains(language == "ru" ? "состояние: цел" : "күйі: бүтін"), "\(verified)")
        let rescued = workspace.root.appendingPathComponent("rescued").path
        try expectNoEnglish(workspace, ["salvage", "--output", rescued], language, status: 0)
    }

    /// What the log keeps about a backup and a salvage, and what is wrong with another laptop's
    /// log, are stored as facts and said in the reader's language, not in the English they were
    /// once stored in.
    @Test(arguments: ["ru", "kk"])
    func notesOfBackupAndSalvageAndAnotherLaptopsDamage(_ language: String) throws {
        let a = try workspace()
        let b = try CLIWorkspace()
        try FileManager.default.copyItem(at: a.data, to: b.data)
        #expect(try b.run(["device", "join"]).status == 0)
        #expect(try b.run(["case", "set", "2024-0001", "givenName=Дина"]).status == 0)
        let bLog = try Self.ownLog(of: b)
        var bytes = try Data(contentsOf: bLog)
        bytes[48 + 40] ^= 0x01  // inside its first frame (the header is 48 bytes)
        try bytes.write(to: a.data.appendingPathComponent(bLog.lastPathComponent))
        #expect(try a.run(["backup", "-o", a.root.appendingPathComponent("backup.tar").path]).status == 0)
        let peer = try expectNoEnglish(a, ["verify"], language)
        #expect(peer.contains(language == "ru" ? "ПОВРЕЖДЁН" : "ЗАҚЫМДАЛҒАН"), "\(peer)")
        let rescued = a.root.appendingPathComponent("rescued").path
        try expectNoEnglish(a, ["salvage", "--output", rescued], language, status: 0)
        let notes = try expectNoEnglish(a, ["verify", "--data", rescued], language, status: 0)
        #expect(notes.contains(language == "ru" ? "резервная копия" : "сақтық көшірмесі"), "\(notes)")
        #expect(notes.contains(language == "ru" ? "спасение из" : "ішінен құтқару"), "\(notes)")
    }

    static func ownLog(of workspace: CLIWorkspace) throws -> URL {
        let name = try String(contentsOf: workspace.state.appendingPathComponent("own-log"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return workspace.data.appendingPathComponent(name)
    }

    /// `refuge conflicts` and `refuge case set`: what they print and refuse, in the language. Two
    /// laptops (two copies of the folder) set one field apart, so that there is a conflict to list.
    @Test(arguments: ["ru", "kk"])
    func conflictsAndCaseSetMessages(_ language: String) throws {
        let a = try workspace()
        let b = try CLIWorkspace()
        try FileManager.default.copyItem(at: a.data, to: b.data)
        #expect(try b.run(["device", "join"]).status == 0)
        let none = try expectNoEnglish(a, ["conflicts"], language, status: 0)
        #expect(none.contains(language == "ru" ? "Конфликтов правок нет." : "Түзетулер қайшылығы жоқ."), "\(none)")
        let saved = try expectNoEnglish(a, ["case", "set", "2024-0001", "givenName=Дильназ"], language, status: 0)
        #expect(saved.contains(language == "ru" ? "2024-0001: сохранено." : "2024-0001: сақталды."), "\(saved)")
        try expectNoEnglish(a, ["case", "set", "2024-0001", "givenName=Дильназ"], language, status: 0)
        try expectNoEnglish(a, ["case", "set", "2024-0001", "givenName"], language, status: 1)
        try expectNoEnglish(a, ["case", "set", "2024-0001", "nickname=Дина"], language, status: 1)
        try expectNoEnglish(a, ["case", "set", "2024-0001", "birthDate=31.02.2001"], language, status: 1)
        #expect(try b.run(["case", "set", "2024-0001", "givenName=Дина"]).status == 0)
        for (from, to) in [(a, b), (b, a)] {
            let own = try Self.ownLog(of: from)
            try? FileManager.default.removeItem(at: to.data.appendingPathComponent(own.lastPathComponent))
            try FileManager.default.copyItem(at: own, to: to.data.appendingPathComponent(own.lastPathComponent))
        }
        let listed = try expectNoEnglish(a, ["conflicts"], language, status: 0)
        #expect(listed.contains("Дильназ") && listed.contains("Дина") && listed.contains("ноутбук"), "\(listed)")
        try expectNoEnglish(a, ["conflicts", "--case", "2024-0001", "--field", "givenName", "--keep", "5"], language, status: 1)
        try expectNoEnglish(a, ["conflicts", "--case", "2024-0001", "--field", "familyName", "--keep", "1"], language, status: 1)
        try expectNoEnglish(a, ["conflicts", "--case", "2024-0001", "--field", "givenName", "--value", "Дина", "--keep", "1"],
                            language, status: 2)
        try expectNoEnglish(a, ["conflicts", "--value", "Дина"], language, status: 2)
        let chosen = try expectNoEnglish(a, ["conflicts", "--case", "2024-0001", "--field", "givenName", "--keep", "1"], language, status: 0)
        #expect(chosen.contains("2024-0001: givenName = "), "\(chosen)")
    }

    /// The users' list, the sign-in a command asks for without a terminal, and `--state`'s help.
    @Test(arguments: ["ru", "kk"])
    func userListCredentialsAndTheStateOptionsHelp(_ language: String) throws {
        let workspace = try workspace()
        let users = try expectNoEnglish(workspace, ["user", "list"], language, status: 0)
        #expect(users.contains(language == "ru" ? "Координатор" : "Үйлестіруші"), "\(users)")
        let noUser = try workspace.run(["user", "list", "--lang", language], environment: ["REFUGE_USER": nil])
        #expect(noUser.status == 2 && EnglishWords.found(in: noUser.output).isEmpty && noUser.output.contains("REFUGE_USER"), "\(noUser.output)")
        try expectNoEnglish(workspace, ["verify", "--help"], language, status: 0)
    }

    @Test func theScannerFindsEnglishSentences() {
        #expect(EnglishWords.found(in: "Added partner Шипагер.") == ["added", "partner"])
        #expect(EnglishWords.found(in: "— anna, ноутбук a3f9b2, 2026-11-30T23:11:49Z").isEmpty)
        #expect(EnglishWords.found(in: "Партнёр Шипагер добавлен: `refuge partner add --name ИМЯ --kind ВИД`, age1qqq, events-3f9a.log").isEmpty)
    }
}

/// English words that give a sentence away: the common words of the command line's English, after
/// what every language prints the same (commands in backquotes, options, `<values>`, file names).
enum EnglishWords {
    static let telling: Set<String> = [
        "the", "a", "an", "is", "are", "was", "of", "to", "with", "and", "or", "not", "no", "yet", "this", "that", "for", "in", "at",
        "by", "from", "on", "its", "it", "be", "added", "changed", "retired", "wrote", "set", "cleared", "flag", "records", "record",
        "laptop", "laptops", "reset", "passphrase", "must", "give", "either", "both", "missing", "unknown", "option", "value",
        "invalid", "expected", "argument", "error", "usage", "help", "partner", "referral", "status", "now", "nothing", "refused",
        "cannot", "already", "log", "users", "file", "size", "bytes", "intact", "copied", "read", "end", "damaged", "only",
        "empty", "saved", "every", "conflicting", "edits", "will", "show", "choosing", "needs", "valid", "answer", "field", "user",
        "role", "active", "disabled", "coordinator", "upgrading", "computer", "own", "files", "terminal", "inside", "never",
    ]

    static func found(in output: String) -> [String] {
        let stripped = output
            .replacing(/`[^`]*`/, with: " ")
            .replacing(/refuge( [a-z]+)*/, with: " ")  // a command's synopsis in a usage line
            .replacing(/--[\w-]+/, with: " ")
            .replacing(/\$?[A-Z]+_[A-Z_]+/, with: " ")  // environment variables (REFUGE_USER)
            .replacing(/<[^>]*>/, with: " ")
            .replacing(/[\w.\/-]*[\/.][\w.\/-]*/, with: " ")  // paths and file names
            .replacing(/\b[0-9a-f]*[0-9][0-9a-f]*\b/, with: " ")  // a laptop's id ("a3f9b2"), a number
        return stripped.split { !$0.isLetter }.map { $0.lowercased() }.filter(telling.contains)
    }
}
