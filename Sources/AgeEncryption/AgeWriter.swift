import Crypto
import _CryptoExtras
import Foundation

/// Writes files in the age v1 format (https://age-encryption.org/v1), which any `age` or `rage`
/// decrypts: a text header with one stanza per recipient wrapping a random 16-byte file key, the
/// header's MAC, then the payload as ChaCha20-Poly1305 STREAM in 64 KiB chunks. Only encryption:
/// Refuge hands files out and never reads them back.
public enum AgeWriter {
    static let chunkSize = 64 * 1024

    /// `plaintext` encrypted for `recipients` (a passphrase recipient must be the only one).
    public static func encrypt(_ plaintext: [UInt8], to recipients: [AgeRecipient]) throws(AgeError) -> [UInt8] {
        guard !recipients.isEmpty else { throw .noRecipients }
        let hasPassphrase = recipients.contains { if case .passphrase = $0 { true } else { false } }
        if hasPassphrase && recipients.count > 1 { throw .passphraseNotAlone }

        let fileKey = SymmetricKey(size: .bits128)
        var header = "age-encryption.org/v1\n"
        for recipient in recipients {
            header += try stanza(for: recipient, fileKey: fileKey)
        }
        header += "---"
        let macKey = hkdf(fileKey, salt: [], info: "header")
        let mac = HMAC<SHA256>.authenticationCode(for: Array(header.utf8), using: macKey)
        header += " " + base64(Array(mac)) + "\n"

        let nonce = randomBytes(16)
        let payloadKey = hkdf(fileKey, salt: nonce, info: "payload")
        return Array(header.utf8) + nonce + stream(plaintext, key: payloadKey)
    }

    // MARK: Recipient stanzas

    private static func stanza(for recipient: AgeRecipient, fileKey: SymmetricKey) throws(AgeError) -> String {
        switch recipient {
        case .x25519(let key):
            let ephemeral = Curve25519.KeyAgreement.PrivateKey()
            let share = Array(ephemeral.publicKey.rawRepresentation)
            guard let theirs = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: key.publicKey),
                  let shared = try? ephemeral.sharedSecretFromKeyAgreement(with: theirs)
            else { throw .invalidRecipient(.wrongLength) }
            let wrapKey = shared.hkdfDerivedSymmetricKey(
                using: SHA256.self, salt: share + key.publicKey,
                sharedInfo: Array("age-encryption.org/v1/X25519".utf8), outputByteCount: 32)
            return "-> X25519 \(base64(share))\n" + wrapBody(fileKey, with: wrapKey)
        case .passphrase(let passphrase, let workFactor):
            guard !passphrase.isEmpty else { throw .emptyPassphrase }
            guard AgeRecipient.workFactors.contains(workFactor) else { throw .workFactorOutOfRange }
            let salt = randomBytes(16)
            guard let wrapKey = try? KDF.Scrypt.deriveKey(
                from: Array(passphrase.utf8), salt: Array("age-encryption.org/v1/scrypt".utf8) + salt,
                outputByteCount: 32, rounds: 1 << workFactor, blockSize: 8, parallelism: 1)
            else { throw .workFactorOutOfRange }
            return "-> scrypt \(base64(salt)) \(workFactor)\n" + wrapBody(fileKey, with: wrapKey)
        }
    }

    /// The file key sealed under `wrapKey` with the all-zero nonce, as the stanza's body lines.
    private static func wrapBody(_ fileKey: SymmetricKey, with wrapKey: SymmetricKey) -> String {
        let sealed = seal(fileKey.withUnsafeBytes { Array($0) }, key: wrapKey, nonce: [UInt8](repeating: 0, count: 12))
        return bodyLines(base64(sealed))
    }

    /// Base64 wrapped at 64 columns; the last line is always shorter than 64 (empty if needed),
    /// which is how a reader knows the body has ended.
    static func bodyLines(_ encoded: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(encoded)
        while rest.count >= 64 {
            lines.append(rest.prefix(64))
            rest = rest.dropFirst(64)
        }
        lines.append(rest)
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: Payload

    /// STREAM: chunk i sealed with nonce = 11-byte big-endian i || 1 byte "last chunk" flag. An
    /// empty plaintext is one empty final chunk; otherwise no chunk is empty.
    private static func stream(_ plaintext: [UInt8], key: SymmetricKey) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(plaintext.count + (plaintext.count / chunkSize + 1) * 16)
        var start = 0
        var counter: UInt64 = 0
        repeat {
            let end = min(start + chunkSize, plaintext.count)
            let isLast = end == plaintext.count
            var nonce = [UInt8](repeating: 0, count: 3)
            nonce += withUnsafeBytes(of: counter.bigEndian) { Array($0) }
            nonce.append(isLast ? 1 : 0)
            output += seal(Array(plaintext[start..<end]), key: key, nonce: nonce)
            start = end
            counter += 1
        } while start < plaintext.count
        return output
    }

    // MARK: Primitives

    private static func seal(_ plaintext: [UInt8], key: SymmetricKey, nonce: [UInt8]) -> [UInt8] {
        // The nonce is 12 bytes by construction and ChaCha20-Poly1305 takes any plaintext length.
        let box = try! ChaChaPoly.seal(plaintext, using: key, nonce: ChaChaPoly.Nonce(data: nonce))
        return Array(box.ciphertext) + Array(box.tag)
    }

    private static func hkdf(_ key: SymmetricKey, salt: [UInt8], info: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: salt, info: Array(info.utf8), outputByteCount: 32)
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Standard Base64 without padding, as age writes it.
    static func base64(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
