/// The Russian ЙЦУКЕН layout mapped onto the US QWERTY keys it shares.
///
/// Caseworkers switch layouts all day; a letter shortcut must work whichever layout is active,
/// so `n` and `т` (the same physical key) are the same shortcut.
public enum KeyboardLayout {
    /// Pairs of (QWERTY, ЙЦУКЕН) characters on the same physical key, lower and upper case.
    static let pairs: [(Character, Character)] = {
        let latin = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`") + Array("QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~")
        let russian = Array("йцукенгшщзхъфывапролджэячсмитьбюё") + Array("ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ")
        return Array(zip(latin, russian))
    }()

    private static let qwertyForRussian: [Character: Character] = Dictionary(uniqueKeysWithValues: pairs.map { ($0.1, $0.0) })
    private static let russianForQwerty: [Character: Character] = Dictionary(uniqueKeysWithValues: pairs)

    /// The QWERTY character on the key that types `character` in ЙЦУКЕН (`т` → `n`); itself otherwise.
    public static func qwerty(for character: Character) -> Character { qwertyForRussian[character] ?? character }

    /// The ЙЦУКЕН character on the same key as the QWERTY `character` (`n` → `т`), if any.
    public static func russian(for character: Character) -> Character? { russianForQwerty[character] }

    /// True when `a` and `b` are the same shortcut: the same physical key, ignoring case and layout.
    public static func sameKey(_ a: Character, _ b: Character) -> Bool {
        canonical(a) == canonical(b)
    }

    static func canonical(_ c: Character) -> String { String(qwerty(for: c)).lowercased() }
}
