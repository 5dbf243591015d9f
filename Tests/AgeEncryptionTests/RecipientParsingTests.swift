import Testing
@testable import AgeEncryption

@Suite("age recipients")
struct RecipientParsingTests {
    let specExample = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

    @Test func theSpecExampleParsesAndPrintsBack() throws {
        let recipient = try X25519Recipient(parsing: "  \(specExample)\n")
        #expect(recipient.publicKey.count == 32)
        #expect(recipient.description == specExample)
        #expect(try X25519Recipient(parsing: specExample.uppercased()) == recipient)
    }

    @Test func oneMistypedCharacterFailsTheChecksum() {
        var typo = Array(specExample)
        typo[10] = typo[10] == "q" ? "p" : "q"
        #expect(throws: AgeError.invalidRecipient(.badChecksum)) { try X25519Recipient(parsing: String(typo)) }
        #expect(throws: AgeError.invalidRecipient(.badChecksum)) { try X25519Recipient(parsing: String(specExample.dropLast())) }
    }

    @Test func otherThingsAreNotAgeRecipients() {
        let notKeys = ["", "hello", "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX",
                       "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA", "ageX" + specExample.dropFirst(4)]
        for text in notKeys {
            #expect(throws: AgeError.invalidRecipient(.notAnAgeKey), "\(text)") { try X25519Recipient(parsing: text) }
        }
        let mixed = "age1Zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
        #expect(throws: AgeError.invalidRecipient(.malformed)) { try X25519Recipient(parsing: mixed) }
        let badCharacter = "age1bvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"  // "b" is not Bech32
        #expect(throws: AgeError.invalidRecipient(.malformed)) { try X25519Recipient(parsing: badCharacter) }
    }

    @Test func aValidBech32OfTheWrongLengthIsRefused() {
        let short = Bech32.encode(hrp: "age", data: [UInt8](repeating: 9, count: 20))
        #expect(throws: AgeError.invalidRecipient(.wrongLength)) { try X25519Recipient(parsing: short) }
    }

    @Test func bodyLinesEndWithALineShorterThanSixtyFour() {
        #expect(AgeWriter.bodyLines(String(repeating: "A", count: 43)) == String(repeating: "A", count: 43) + "\n")
        #expect(AgeWriter.bodyLines(String(repeating: "A", count: 64)) == String(repeating: "A", count: 64) + "\n\n")
    }
}
