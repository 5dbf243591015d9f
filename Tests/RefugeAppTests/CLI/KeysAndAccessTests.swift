import Foundation
import EventLog
import RefugeApp
import RefugeTestSupport
import Testing

/// Issue 11, "Keys and access": what the real binary does about weak key slots, old copies of the
/// key file, core dumps, weak passphrases, guessing, and identifiable exports.
@Suite("keys and access", .serialized)
struct KeysAndAccessTests {
    // MARK: 7. Weak key slots

    @Test func verifyWarnsAboutWeakSlots() throws {
        let workspace = try CLIWorkspace.initialised()  // REFUGE_KDF_LOGN=10: a weak slot, as tests make
        let verify = try workspace.run(["verify"])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("weak key slot"), "\(verify.output)")
    }

    // MARK: 8. A disabled user stays out

    @Test func aDisabledUserCannotComeBackWithAnOldKeyFile() throws {
        let workspace = try CLIWorkspace.initialised()
        #expect(try workspace.run(["user", "add", "bek", "--role", "coordinator"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"]).status == 0)
        let before = try workspace.bytes(workspace.keyFile)
        #expect(try workspace.run(["user", "disable", "bek"]).status == 0)
        try before.write(to: workspace.keyFile)

        let stats = try workspace.run(["stats"], as: "bek", passphrase: "bek-passphrase")
        #expect(stats.status != 0, "\(stats.output)")
        let csv = try workspace.file("one.csv", CLIWorkspace.validCSV)
        let imported = try workspace.run(["import", csv.path], as: "bek", passphrase: "bek-passphrase")
        #expect(imported.status != 0, "\(imported.output)")
        // The coordinator, holding the same old key file, is told what happened rather than let in.
        let anna = try workspace.run(["stats"])
        #expect(anna.status != 0)
        #expect(anna.output.contains("key file"), "\(anna.output)")
    }

    @Test func aSlotDeletedFromTheKeyFileIsDetectedByVerify() throws {
        let workspace = try CLIWorkspace.initialised()
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"]).status == 0)
        try KeyFileSurgery.dropLastSlot(workspace.keyFile)
        let verify = try workspace.run(["verify"])
        #expect(verify.status != 0, "\(verify.output)")
        #expect(verify.output.contains("key file"), "\(verify.output)")
    }

    // MARK: 10. Core dumps

    @Test func theCommandLineForbidsCoreDumpsBeforeAskingForAPassphrase() throws {
        let workspace = try CLIWorkspace.initialised()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: workspace.root.path)
        let refuge = TmuxSession.quote(BuiltProducts.refuge.path)
        let data = TmuxSession.quote(workspace.data.path)
        // As an unprivileged user: /proc/PID belongs to root only while the process is not dumpable.
        let session = try TmuxSession(
            "unset REFUGE_PASSPHRASE; setpriv --reuid=65534 --regid=65534 --clear-groups \(refuge) stats --data \(data)",
            environment: ["REFUGE_USER": "anna"])
        try session.waitFor("Passphrase for anna:")
        let pid = try #require(ProcessTree.descendant(of: session.panePID(), named: "refuge"))
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
        #expect(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"], "\(core)")
        var status = stat()
        #expect(stat("/proc/\(pid)/status", &status) == 0)
        #expect(status.st_uid == 0, "the process is still dumpable")
        try session.press("C-c")
    }

    // MARK: 11. Passphrases

    @Test(arguments: ["aaaaaaaaaa", "          ", "😀😀😀😀😀😀😀😀😀😀", "qwertyuiop", "йцукенгшщз",
                      "password123", "1234567890", "abcabcabcabc"])
    func obviouslyWeakPassphrasesAreRefused(_ weak: String) throws {
        let workspace = try CLIWorkspace.initialised()
        let added = try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                      environment: ["REFUGE_NEW_PASSPHRASE": weak])
        #expect(added.status == 1, "\(added.output)")
        #expect(added.output.contains("For example:"), "\(added.output)")
    }

    @Test func composedAndDecomposedFormsOfAPassphraseAreTheSame() throws {
        let workspace = try CLIWorkspace.initialised()
        let composed = "Мой ёжик ест йогурт, қазақ тілі"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": decomposed]).status == 0)
        let stats = try workspace.run(["stats"], as: "bek", passphrase: composed)
        #expect(stats.status == 0, "\(stats.output)")
    }

    @Test func wrongPassphrasesOnTheCommandLineAreCountedAcrossRuns() throws {
        let workspace = try CLIWorkspace.initialised()
        for _ in 0..<5 { #expect(try workspace.run(["stats"], as: "anna", passphrase: "wrong passphrase").status == 2) }
        // The sixth attempt must wait, even with the right passphrase, and says so.
        let throttled = try workspace.run(["stats"])
        #expect(throttled.status == 2, "\(throttled.output)")
        #expect(throttled.output.contains("wrong passphrase"), "\(throttled.output)")
        #expect(throttled.output.contains("wait"), "\(throttled.output)")
    }

    /// Salvage asks for a passphrase too, so it shares the count: guessing through it is no way round.
    @Test func wrongPassphrasesGivenToSalvageAreCounted() throws {
        let workspace = try CLIWorkspace.initialised()
        let target = workspace.root.appendingPathComponent("salvaged")
        for _ in 0..<5 {
            #expect(try workspace.run(["salvage", "--output", target.path], as: "anna", passphrase: "wrong passphrase").status == 2)
        }
        let throttled = try workspace.run(["stats"])
        #expect(throttled.status == 2, "\(throttled.output)")
        #expect(throttled.output.contains("wait"), "\(throttled.output)")
    }

    // MARK: 12. Metadata in clear

    @Test func theKeyFileDoesNotConfirmAGuessedUserName() throws {
        let workspace = try CLIWorkspace.initialised()
        let keyFile = try workspace.bytes(workspace.keyFile)
        let keysetID = keyFile[12..<28]
        var guess = Array("RFGUSER1".utf8) + Array(keysetID) + Array("anna".utf8)
        guess = SHA256Digest.of(guess)
        #expect(keyFile.range(of: Data(guess)) == nil)
    }

    @Test func draftsAreNotNamedAfterTheirUser() throws {
        let workspace = try CLIWorkspace()
        let book = try CaseBook.create(at: workspace.data, organisation: "Shelter", user: "anna",
                                       passphrase: CLIWorkspace.passphrase, kdf: .fastForTests)
        defer { book.close() }
        try book.saveDraft(Data("{}".utf8))
        // The old name: "draft-" and the FNV-1a hash of the user name, which anyone can compute.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "anna".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.data.path)
        #expect(names.contains { $0.hasPrefix("draft") }, "\(names)")
        #expect(!names.contains("draft-\(String(hash, radix: 16)).sealed"), "\(names)")
        #expect(try book.draft() == Data("{}".utf8))
        // A draft left under the old name by the previous version is still found, then moved.
        try book.discardDraft()
        let oldName = "draft-\(String(hash, radix: 16))"
        try book.log.writeSealedFile(named: oldName, contents: Data("old".utf8))
        #expect(try book.draft() == Data("old".utf8))
        try book.saveDraft(Data("new".utf8))
        #expect(try book.log.readSealedFile(named: oldName) == nil)
        #expect(try book.draft() == Data("new".utf8))
    }

    // MARK: 13. Identifiable exports

    @Test func anIdentifiableExportNeedsAFileOrAnExplicitStdout() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        let refused = try workspace.run(["export", "--identifiable"])
        #expect(refused.status == 2, "\(refused.output)")
        #expect(!refused.output.contains("Каримова"))
        #expect(refused.output.contains("-o"), "\(refused.output)")
        let explicit = try workspace.run(["export", "--identifiable", "--stdout"])
        #expect(explicit.status == 0, "\(explicit.output)")
        #expect(explicit.output.contains("Каримова"))
    }
}

/// What a script does to the key file: the key file of format 1 had only a CRC.
enum KeyFileSurgery {
    static func dropLastSlot(_ url: URL) throws {
        var bytes = Array(try Data(contentsOf: url))
        let version = UInt16(bytes[8]) | UInt16(bytes[9]) << 8
        let count = Int(UInt16(bytes[10]) | UInt16(bytes[11]) << 8)
        if version == 1 {
            let slotSize = (bytes.count - 32) / count
            bytes.removeSubrange((bytes.count - 4 - slotSize)..<(bytes.count - 4))
            bytes[10] = UInt8(count - 1)
            bytes.removeLast(4)
            let crc = CRC32CForTests.checksum(bytes)
            bytes += withUnsafeBytes(of: crc.littleEndian) { Array($0) }
        } else {
            // Format 2: the slots sit before a 32-byte MAC, which a script cannot recompute.
            let slotSize = 398
            bytes.removeSubrange((bytes.count - 32 - slotSize)..<(bytes.count - 32))
            bytes[10] = UInt8(count - 1)
        }
        try Data(bytes).write(to: url)
    }
}

/// CRC-32C, as a script would write it.
enum CRC32CForTests {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0x82F6_3B78 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

/// SHA-256 for a guess, as a script would compute it (sha256sum).
enum SHA256Digest {
    static func of(_ bytes: [UInt8]) -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("guess-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try? Data(bytes).write(to: file)
        let output = (try? Subprocess.run(["sha256sum", file.path]).output) ?? ""
        let hex = Array(output.prefix(64))
        return stride(from: 0, to: hex.count, by: 2).compactMap { UInt8(String(hex[$0..<$0 + 2]), radix: 16) }
    }
}

/// Processes under a tmux pane.
enum ProcessTree {
    static func descendant(of pid: Int32, named name: String) -> Int32? {
        var queue = [pid]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            if let comm = try? String(contentsOfFile: "/proc/\(current)/comm", encoding: .utf8),
               comm.trimmingCharacters(in: .whitespacesAndNewlines) == name { return current }
            let children = (try? String(contentsOfFile: "/proc/\(current)/task/\(current)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { Int32($0) }
        }
        return nil
    }
}

extension TmuxSession {
    func panePID() throws -> Int32 {
        let result = try Subprocess.run(["tmux", "-L", socket, "display-message", "-p", "-t", name, "#{pane_pid}"])
        return Int32(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

/// Item 8 at the case book's level: a slot whose user has no account in the log opens nothing,
/// even one a holder of the data key added to a key file of generation 1 (which the log holds no
/// record of) and authenticated.
@Suite struct SlotWithoutAccountTests {
    @Test func aScriptedSlotWithAValidMACStillOpensNothing() throws {
        let workspace = try CLIWorkspace()
        try CaseBook.create(at: workspace.data, organisation: "Shelter", user: "anna", passphrase: CLIWorkspace.passphrase,
                            kdf: .fastForTests).close()
        try ScriptedSlot.add(user: "mallory", passphrase: "mallory passphrase", to: workspace.data,
                             unlockingWith: "anna", CLIWorkspace.passphrase)
        #expect(throws: CaseBook.NotPermitted.self) {
            try CaseBook.open(at: workspace.data, user: "mallory", passphrase: "mallory passphrase", mode: .readOnly)
        }
        try CaseBook.open(at: workspace.data, user: "anna", passphrase: CLIWorkspace.passphrase, mode: .readOnly).close()
    }
}
