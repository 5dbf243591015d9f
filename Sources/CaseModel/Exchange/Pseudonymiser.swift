import Crypto

/// Stable pseudonymous ids for anonymised exports: HMAC-SHA-256 of the case id under a secret
/// kept with the log. The same case gets the same id in every export made with that secret (so
/// exports can be joined over years), and without the secret the id cannot be traced back.
public struct Pseudonymiser: Sendable {
    private let secret: [UInt8]

    public init(secret: [UInt8]) { self.secret = secret }

    /// "P" and 13 characters of Crockford's base-32 alphabet (64 bits of the HMAC). Hex ids were
    /// destroyed by spreadsheets (`951453e975065241` read as 1.797e+308, all-digit ids losing
    /// leading zeros); a letter first and no separators make a cell no spreadsheet reads as a
    /// number, a date or a formula.
    public func pseudonym(for caseID: CaseID) -> String {
        let bytes = HMAC<SHA256>.authenticationCode(for: caseID.bytes, using: SymmetricKey(data: secret)).prefix(8)
        var bits = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var characters: [Character] = []
        for _ in 0..<13 {
            characters.append(Self.alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return "P" + String(characters.reversed())
    }

    /// Crockford's base 32: digits and capitals without I, L, O and U, so nothing is misread.
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
}
