import CaseModel
import Foundation
@testable import RefugeApp
import RefugeTestSupport
import Testing

/// `refuge partner …`, `refuge referral …` and encrypted exports through the real binary, with
/// Debian's real `age` opening what Refuge writes.
@Suite("refuge partner, referral and encrypted export")
struct PartnerReferralTests {
    /// Two people: Каримова consents to sharing with partners, Asanov does not.
    static let casesCSV = """
        familyName,givenName,gender,birthDate,citizenship,intakeDate,consentToShareWithPartners
        Каримова,Дильноза,female,1999-04-12,UZ,2024-03-01,yes
        Asanov,Bekzod,male,12.05.1990,KG,2024-05-20,no

        """

    private func workspace() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace.initialised()
        let imported = try workspace.run(["import", workspace.file("cases.csv", Self.casesCSV).path])
        guard imported.status == 0 else { throw CLIWorkspace.SetupFailed(output: imported.output) }
        return workspace
    }

    /// `age-keygen` in the workspace: the key file and its `age1…` recipient.
    private func ageKey(in workspace: CLIWorkspace, _ name: String = "partner-key.txt") throws -> (file: URL, recipient: String) {
        let file = workspace.root.appendingPathComponent(name)
        let made = try Subprocess.run(["age-keygen", "-o", file.path])
        #expect(made.status == 0, "\(made.output)")
        let line = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("# public key: ") }
        return (file, String(try #require(line).dropFirst("# public key: ".count)))
    }

    private func decrypt(_ file: URL, key: URL) throws -> String {
        let opened = try Subprocess.run(["age", "-d", "-i", key.path, file.path], separateErrors: true)
        #expect(opened.status == 0, "\(opened.errors)")
        return opened.output
    }

    @Test func aConsentingCaseIsReferredAndAgeOpensThePacket() throws {
        let workspace = try workspace()
        let key = try ageKey(in: workspace)
        let added = try workspace.run(["partner", "add", "--name", "Клиника Шипагер", "--kind", "medical", "--country", "kz",
                                       "--city", "Алматы", "--recipient", key.recipient])
        #expect(added.status == 0, "\(added.output)")

        let list = try workspace.run(["partner", "list", "--format", "json"])
        #expect(list.status == 0, "\(list.output)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["name"] as? String == "Клиника Шипагер")
        #expect(rows.first?["country"] as? String == "KZ")
        #expect(rows.first?["recipient"] as? String == key.recipient)
        #expect(rows.first?["addedBy"] as? String == CLIWorkspace.coordinator)

        let packet = workspace.root.appendingPathComponent("referral.age")
        let referred = try workspace.run(["referral", "2024-0001", "--partner", "клиника шипагер", "--reason", "medical",
                                          "--out", packet.path, "--lang", "ru"])
        #expect(referred.status == 0, "\(referred.output)")
        #expect(!referred.output.contains("passphrase"))
        let mode = try FileManager.default.attributesOfItem(atPath: packet.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try decrypt(packet, key: key.file)
        #expect(text.contains("Каримова"))
        #expect(text.contains("Медицинская помощь"))  // the reason
        #expect(text.contains("Клиника Шипагер"))
        #expect(!text.contains("Asanov"))
        #expect(!text.contains("Сведения о жизни"))  // only the identity was named
    }

    @Test func aCaseWithoutConsentIsRefusedThenSentWithACoordinatorsOverrideShownInHistory() throws {
        let workspace = try workspace()
        let key = try ageKey(in: workspace)
        #expect(try workspace.run(["partner", "add", "--name", "IOM Almaty", "--kind", "ngo", "--recipient", key.recipient]).status == 0)
        let packet = workspace.root.appendingPathComponent("asanov.age")
        let records = try workspace.recordCount()

        let refused = try workspace.run(["referral", "2024-0002", "--partner", "IOM Almaty", "--reason", "repatriation",
                                         "--out", packet.path])
        #expect(refused.status == 1)
        #expect(refused.output.contains("No consent to share"))
        #expect(!FileManager.default.fileExists(atPath: packet.path))
        #expect(try workspace.recordCount() == records)

        let overridden = try workspace.run(["referral", "2024-0002", "--partner", "IOM Almaty", "--reason", "repatriation",
                                            "--out", packet.path, "--override-consent", "court order 12/2024"])
        #expect(overridden.status == 0, "\(overridden.output)")
        let text = try decrypt(packet, key: key.file)
        #expect(text.contains("Asanov"))
        #expect(text.contains("Safe return home"))
        #expect(text.contains("court order 12/2024"))

        let book = try CaseBook.open(at: workspace.data, state: workspace.state, user: CLIWorkspace.coordinator, passphrase: CLIWorkspace.passphrase,
                                     mode: .readOnly)
        defer { book.close() }
        let caseID = try #require(book.store.caseID(numbered: "2024-0002"))
        let lines = try book.history(of: caseID).map { CaseText(strings: AppStrings(.en)).historyLine($0) }
        #expect(lines.contains { $0.contains("referral to partner") && $0.contains("IOM Almaty")
                                 && $0.contains("coordinator's reason: court order 12/2024") })
    }

    /// A child's consent to sharing counts only with the guardian who gave it recorded: without,
    /// the referral is refused as without consent (exit 1, nothing written or recorded) unless a
    /// coordinator overrides; with, it is sent and the packet names the guardian.
    @Test func aMinorsConsentCountsOnlyWithTheGuardianRecorded() throws {
        let workspace = try CLIWorkspace.initialised()
        let children = """
            familyName,givenName,gender,birthDate,intakeDate,consentToShareWithPartners,guardianName,guardianRelation
            Каримова,Мадина,female,2019-09-01,2024-03-01,yes,,
            Каримов,Тимур,male,2017-02-11,2024-03-01,yes,Каримова Дильноза,mother

            """
        let imported = try workspace.run(["import", workspace.file("children.csv", children).path])
        #expect(imported.status == 0, "\(imported.output)")
        let key = try ageKey(in: workspace)
        #expect(try workspace.run(["partner", "add", "--name", "IOM Almaty", "--kind", "ngo", "--recipient", key.recipient]).status == 0)
        let packet = workspace.root.appendingPathComponent("child.age")
        let records = try workspace.recordCount()

        let refused = try workspace.run(["referral", "2024-0001", "--partner", "IOM Almaty", "--reason", "medical",
                                         "--out", packet.path])
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("No guardian is recorded"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: packet.path))
        #expect(try workspace.recordCount() == records)
        let russian = try workspace.run(["referral", "2024-0001", "--partner", "IOM Almaty", "--reason", "medical",
                                         "--out", packet.path, "--lang", "ru"])
        #expect(russian.status == 1 && russian.output.contains("законный представитель"), "\(russian.output)")

        let overridden = try workspace.run(["referral", "2024-0001", "--partner", "IOM Almaty", "--reason", "medical",
                                            "--out", packet.path, "--override-consent", "urgent medical care"])
        #expect(overridden.status == 0, "\(overridden.output)")
        #expect(try decrypt(packet, key: key.file).contains("urgent medical care"))

        let withGuardian = workspace.root.appendingPathComponent("timur.age")
        let sent = try workspace.run(["referral", "2024-0002", "--partner", "IOM Almaty", "--reason", "medical",
                                      "--out", withGuardian.path])
        #expect(sent.status == 0, "\(sent.output)")
        let text = try decrypt(withGuardian, key: key.file)
        #expect(text.contains("Каримов"))
        #expect(text.contains("given by the child's guardian: Каримова Дильноза (Mother)"), "\(text)")
    }

    @Test func aCaseworkerCannotOverrideConsent() throws {
        let workspace = try workspace()
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"], environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase-9"]).status == 0)
        #expect(try workspace.run(["partner", "add", "--name", "Lawyers", "--kind", "legal"]).status == 0)
        let packet = workspace.root.appendingPathComponent("p.age")
        let refused = try workspace.run(["referral", "2024-0002", "--partner", "Lawyers", "--reason", "legal", "--out", packet.path,
                                         "--override-consent", "because"], as: "bek", passphrase: "bek-passphrase-9")
        #expect(refused.status == 1)
        #expect(refused.output.contains("Only a coordinator"))
        #expect(!FileManager.default.fileExists(atPath: packet.path))
    }

    @Test func aPartnerWithoutAKeyGetsAPassphrasePacket() throws {
        let workspace = try workspace()
        #expect(try workspace.run(["partner", "add", "--name", "Lawyers", "--kind", "legal"]).status == 0)
        let packet = workspace.root.appendingPathComponent("p.age")
        let referred = try workspace.run(["referral", "2024-0001", "--partner", "Lawyers", "--reason", "legal", "--out", packet.path])
        #expect(referred.status == 0, "\(referred.output)")
        let passphrase = try #require(referred.output.split(separator: "\n").last.map(String.init))
        #expect(passphrase.split(separator: "-").count == 6)
        let header = String(decoding: try workspace.bytes(packet).prefix(80), as: UTF8.self)
        #expect(header.hasPrefix("age-encryption.org/v1\n-> scrypt "))
        // age reads a passphrase only from a terminal.
        let plain = workspace.root.appendingPathComponent("p.txt")
        let session = try TmuxSession("age -d -o \(TmuxSession.quote(plain.path)) \(TmuxSession.quote(packet.path))")
        try session.waitFor("passphrase")
        try session.type(passphrase)
        try session.press("Enter")
        #expect(try session.waitForExit(timeout: 30) == 0)
        #expect(try String(contentsOf: plain, encoding: .utf8).contains("Каримова"))
    }

    @Test func badInputIsRefusedClearlyAndChangesNothing() throws {
        let workspace = try workspace()
        let key = try ageKey(in: workspace)
        var typo = Array(key.recipient)
        typo[12] = typo[12] == "q" ? "p" : "q"
        let records = try workspace.recordCount()
        let badKey = try workspace.run(["partner", "add", "--name", "X", "--kind", "police", "--recipient", String(typo)])
        #expect(badKey.status == 1)
        #expect(badKey.output.contains("mistyped"))
        let secretKey = try workspace.run(["partner", "add", "--name", "X", "--kind", "police", "--recipient", "AGE-SECRET-KEY-1QQQ"])
        #expect(secretKey.status == 1)
        #expect(secretKey.output.contains("not an age public key"))
        #expect(try workspace.run(["partner", "add", "--name", "X", "--kind", "police", "--country", "ZZ"]).status == 1)
        #expect(try workspace.recordCount() == records)

        #expect(try workspace.run(["partner", "add", "--name", "X", "--kind", "police"]).status == 0)
        let twice = try workspace.run(["partner", "add", "--name", "x", "--kind", "legal"])
        #expect(twice.status == 1)
        #expect(twice.output.contains("already in the list"))

        let packet = workspace.root.appendingPathComponent("p.age")
        let unknown = try workspace.run(["referral", "2024-0001", "--partner", "Nobody", "--reason", "legal", "--out", packet.path])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("No partner named Nobody."))
        #expect(try workspace.run(["referral", "2024-0001", "--partner", "X", "--out", packet.path]).status == 2)  // no reason
        #expect(!FileManager.default.fileExists(atPath: packet.path))
    }

    @Test func aReferralMovesFromSentToAcceptedToCompletedAndNoOtherWay() throws {
        let workspace = try workspace()
        #expect(try workspace.run(["partner", "add", "--name", "Lawyers", "--kind", "legal"]).status == 0)
        let packet = workspace.root.appendingPathComponent("p.age")
        #expect(try workspace.run(["referral", "2024-0001", "--partner", "Lawyers", "--reason", "legal", "--out", packet.path]).status == 0)
        let early = try workspace.run(["referral", "status", "2024-0001", "--partner", "Lawyers", "--to", "completed"])
        #expect(early.status == 1)
        #expect(early.output.contains("“Sent” cannot become “Completed”"))
        #expect(try workspace.run(["referral", "status", "2024-0001", "--partner", "Lawyers", "--to", "accepted",
                                   "--date", "2099-01-01"]).status == 1)
        #expect(try workspace.run(["referral", "status", "2024-0001", "--partner", "Lawyers", "--to", "accepted"]).status == 0)
        let done = try workspace.run(["referral", "status", "2024-0001", "--partner", "Lawyers", "--to", "completed",
                                      "--outcome", "residence permit granted"])
        #expect(done.status == 0, "\(done.output)")

        let book = try CaseBook.open(at: workspace.data, state: workspace.state, user: CLIWorkspace.coordinator, passphrase: CLIWorkspace.passphrase,
                                     mode: .readOnly)
        defer { book.close() }
        let caseID = try #require(book.store.caseID(numbered: "2024-0001"))
        let record = try #require(book.store[caseID])
        #expect(record.partnerReferrals.count == 1)
        #expect(record.partnerReferrals.first?.status == .completed)
        #expect(record.partnerReferrals.first?.outcome == "residence permit granted")
    }

    @Test func anIdentifiableExportCanBeAnAgeFile() throws {
        let workspace = try workspace()
        let key = try ageKey(in: workspace)
        let output = workspace.root.appendingPathComponent("export.csv.age")
        let exported = try workspace.run(["export", "--identifiable", "--recipient", key.recipient, "-o", output.path])
        #expect(exported.status == 0, "\(exported.output)")
        #expect(String(decoding: try workspace.bytes(output).prefix(22), as: UTF8.self) == "age-encryption.org/v1\n")
        let text = try decrypt(output, key: key.file)
        #expect(text.contains("Каримова"))

        let bad = try workspace.run(["export", "--identifiable", "--recipient", "age1nope", "-o", output.path + "2"])
        #expect(bad.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path + "2"))
        #expect(try workspace.run(["export", "--identifiable", "--recipient", key.recipient, "--stdout"]).status == 2)
    }

    @Test func anExportWithAPassphraseFileIsAScryptAgeFile() throws {
        let workspace = try workspace()
        let passphraseFile = try workspace.file("pass.txt", "long shared passphrase 42\n")
        let output = workspace.root.appendingPathComponent("export.age")
        let exported = try workspace.run(["export", "--format", "json", "--passphrase-file", passphraseFile.path, "-o", output.path])
        #expect(exported.status == 0, "\(exported.output)")
        let plain = workspace.root.appendingPathComponent("export.json")
        let session = try TmuxSession("age -d -o \(TmuxSession.quote(plain.path)) \(TmuxSession.quote(output.path))")
        try session.waitFor("passphrase")
        try session.type("long shared passphrase 42")
        try session.press("Enter")
        #expect(try session.waitForExit(timeout: 30) == 0)
        #expect(try String(contentsOf: plain, encoding: .utf8).hasPrefix("["))
    }
}

@Suite("refuge flag")
struct FlagCommandTests {
    @Test func aFlagIsSetListedAndClearedAndBadOnesRefused() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        #expect(try workspace.run(["flag", "2024-0001", "--set", "safetyRisk"]).status == 0)
        let twice = try workspace.run(["flag", "2024-0001", "--set", "safetyRisk"])
        #expect(twice.status == 1)
        #expect(twice.output.contains("Already flagged"))
        #expect(try workspace.run(["flag", "2024-0001"]).output == "safetyRisk\n")
        #expect(try workspace.run(["flag", "2024-0001", "--clear", "needsInterpreter"]).status == 1)
        #expect(try workspace.run(["flag", "2024-0001", "--clear", "safetyRisk"]).status == 0)
        #expect(try workspace.run(["flag", "2024-0001"]).output == "")
        #expect(try workspace.run(["flag", "2099-0001", "--set", "x"]).status == 1)
    }
}
