import Crypto
import Foundation

/// Who can open an age file: the holder of an X25519 identity (`age1…`), or whoever knows a
/// passphrase (the scrypt recipient, which must be the file's only recipient).
public enum AgeRecipient: Sendable, Hashable {
    case x25519(X25519Recipient)
    case passphrase(String, workFactor: Int = AgeRecipient.defaultWorkFactor)

    /// log2 of scrypt's N: age's own default (2^18, 256 MiB, about a second on an old laptop).
    public static let defaultWorkFactor = 18
    /// What `age` itself accepts when decrypting (it refuses more than 2^22 by default).
    public static let workFactors = 1...22
}

/// An `age1…` public key: 32 bytes of Curve25519, Bech32 with the human-readable part `age`.
public struct X25519Recipient: Sendable, Hashable, CustomStringConvertible {
    public let publicKey: [UInt8]

    /// Parses `text` (surrounding spaces ignored); throws why it is not an age recipient.
    public init(parsing text: String) throws(AgeError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.lowercased().hasPrefix("age1") else { throw .invalidRecipient(.notAnAgeKey) }
        let decoded: (hrp: String, data: [UInt8])
        do {
            decoded = try Bech32.decode(trimmed)
        } catch .badChecksum {
            throw .invalidRecipient(.badChecksum)
        } catch {
            throw .invalidRecipient(.malformed)
        }
        guard decoded.hrp == "age" else { throw .invalidRecipient(.notAnAgeKey) }
        guard decoded.data.count == 32,
              (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: decoded.data)) != nil
        else { throw .invalidRecipient(.wrongLength) }
        publicKey = decoded.data
    }

    public init(publicKey: Curve25519.KeyAgreement.PublicKey) {
        self.publicKey = Array(publicKey.rawRepresentation)
    }

    /// The canonical lower-case `age1…` form.
    public var description: String { Bech32.encode(hrp: "age", data: publicKey) }
}

public enum AgeError: Error, Sendable, Equatable {
    public enum RecipientProblem: Sendable, Equatable {
        /// Not of the form `age1…` (for example an `AGE-SECRET-KEY-…`, an ssh key, or a typo).
        case notAnAgeKey
        /// The checksum does not match: a character was mistyped or lost.
        case badChecksum
        /// Characters outside Bech32's alphabet, mixed case, or bad padding.
        case malformed
        /// Not 32 bytes of key.
        case wrongLength
    }

    case invalidRecipient(RecipientProblem)
    case noRecipients
    /// A passphrase recipient with others, which age refuses to decrypt (the spec forbids it).
    case passphraseNotAlone
    case emptyPassphrase
    case workFactorOutOfRange
}
