import Crypto

/// Stable pseudonymous ids for anonymised exports: HMAC-SHA-256 of the case id under a secret
/// kept with the log. The same case gets the same id in every export made with that secret (so
/// exports can be joined over years), and without the secret the id cannot be traced back.
public struct Pseudonymiser: Sendable {
    private let secret: [UInt8]

    public init(secret: [UInt8]) { self.secret = secret }

    /// 16 hexadecimal digits (64 bits of the HMAC).
    public func pseudonym(for caseID: CaseID) -> String {
        HMAC<SHA256>.authenticationCode(for: caseID.bytes, using: SymmetricKey(data: secret)).prefix(8)
            .map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
