import Foundation
import RefugeTestSupport
import Testing
@testable import AgeEncryption

/// What Refuge writes, Debian's real `age` reads: the interoperability is the test of the format.
@Suite("age files decrypted by the real age")
struct AgeInteropTests {
    @Test(arguments: [0, 1, 1000, 64 * 1024, 64 * 1024 + 1, 3 * 64 * 1024 + 17])
    func ageDecryptsWhatWeWriteForAnX25519Key(size: Int) throws {
        let folder = try AgeFolder()
        let identity = try folder.newIdentity("key.txt")
        let plaintext = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let encrypted = try AgeWriter.encrypt(plaintext, to: [.x25519(identity.recipient)])
        #expect(try folder.decrypt(encrypted, identities: [identity.file]) == plaintext)
    }

    @Test func eachOfSeveralRecipientsCanDecrypt() throws {
        let folder = try AgeFolder()
        let first = try folder.newIdentity("first.txt")
        let second = try folder.newIdentity("second.txt")
        let plaintext = Array("Направление: Каримова Гульнара\n".utf8)
        let encrypted = try AgeWriter.encrypt(plaintext, to: [.x25519(first.recipient), .x25519(second.recipient)])
        #expect(try folder.decrypt(encrypted, identities: [first.file]) == plaintext)
        #expect(try folder.decrypt(encrypted, identities: [second.file]) == plaintext)
    }

    @Test func aKeyThatWasNotARecipientCannotDecrypt() throws {
        let folder = try AgeFolder()
        let recipient = try folder.newIdentity("recipient.txt")
        let stranger = try folder.newIdentity("stranger.txt")
        let encrypted = try AgeWriter.encrypt(Array("secret".utf8), to: [.x25519(recipient.recipient)])
        #expect(throws: (any Error).self) { try folder.decrypt(encrypted, identities: [stranger.file]) }
    }

    @Test func aTamperedFileIsRefusedByAge() throws {
        let folder = try AgeFolder()
        let identity = try folder.newIdentity("key.txt")
        var encrypted = try AgeWriter.encrypt(Array("secret".utf8), to: [.x25519(identity.recipient)])
        encrypted[encrypted.count - 3] ^= 1
        #expect(throws: (any Error).self) { try folder.decrypt(encrypted, identities: [identity.file]) }
    }

    /// age reads a passphrase only from a terminal, so it runs under tmux and the test types it.
    @Test func ageDecryptsAPassphraseFileTypedAtItsPrompt() throws {
        let folder = try AgeFolder()
        let passphrase = AgePassphrase.generate()
        let plaintext = Array("Referral packet for a partner without a key\n".utf8)
        let encrypted = try AgeWriter.encrypt(plaintext, to: [.passphrase(passphrase, workFactor: 12)])
        let input = folder.url("packet.age")
        let output = folder.url("packet.txt")
        try Data(encrypted).write(to: input)
        let session = try TmuxSession("age -d -o \(TmuxSession.quote(output.path)) \(TmuxSession.quote(input.path))")
        try session.waitFor("passphrase")
        try session.type(passphrase)
        try session.press("Enter")
        #expect(try session.waitForExit() == 0)
        #expect(try Array(Data(contentsOf: output)) == plaintext)
    }

    @Test func aPassphraseCannotBeMixedWithOtherRecipients() throws {
        let key = try X25519Recipient(parsing: "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")
        #expect(throws: AgeError.passphraseNotAlone) {
            try AgeWriter.encrypt([1], to: [.passphrase("x", workFactor: 10), .x25519(key)])
        }
        #expect(throws: AgeError.noRecipients) { try AgeWriter.encrypt([1], to: []) }
    }

    @Test func aGeneratedPassphraseIsSixGroupsOfFiveWithoutLookAlikes() {
        let passphrase = AgePassphrase.generate()
        let groups = passphrase.split(separator: "-")
        #expect(groups.count == 6 && groups.allSatisfy { $0.count == 5 })
        #expect(!passphrase.contains { "01lo".contains($0) })
        #expect(AgePassphrase.generate() != passphrase)
    }
}

/// A temporary folder with `age-keygen` identities and `age -d` runs.
struct AgeFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("age-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    func newIdentity(_ name: String) throws -> (file: URL, recipient: X25519Recipient) {
        let file = url(name)
        let result = try Subprocess.run(["age-keygen", "-o", file.path])
        guard result.status == 0 else { throw AgeToolFailure(output: result.output) }
        let line = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("# public key: ") } ?? ""
        return (file, try X25519Recipient(parsing: String(line.dropFirst("# public key: ".count))))
    }

    func decrypt(_ encrypted: [UInt8], identities: [URL]) throws -> [UInt8] {
        let input = url("in-\(UUID().uuidString).age")
        let output = url("out-\(UUID().uuidString)")
        try Data(encrypted).write(to: input)
        let result = try Subprocess.run(["age", "-d", "-o", output.path] + identities.flatMap { ["-i", $0.path] } + [input.path])
        guard result.status == 0 else { throw AgeToolFailure(output: result.output) }
        // age opens its output lazily: an empty plaintext leaves no file at all.
        guard FileManager.default.fileExists(atPath: output.path) else { return [] }
        return Array(try Data(contentsOf: output))
    }
}

struct AgeToolFailure: Error { let output: String }
