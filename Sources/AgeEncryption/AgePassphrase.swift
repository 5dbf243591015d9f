/// A passphrase for a partner without an age key: read aloud or sent by another channel, so it
/// uses lower-case letters and digits without the look-alikes (0/o, 1/l), in groups of five.
/// Six groups of five from a 32-character alphabet carry 150 bits.
public enum AgePassphrase {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<6).map { _ in
            String((0..<5).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        }
        return groups.joined(separator: "-")
    }
}
