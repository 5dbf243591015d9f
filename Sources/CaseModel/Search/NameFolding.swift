import Foundation

/// Folds a name to a phonetic ASCII key so that spellings of one name in Cyrillic, Latin and
/// Kazakh/Uzbek alphabets meet: `Жанар`, `Zhanar` and `Janar` all fold to `ianar`.
///
/// The steps (documented in docs/data-dictionary.md, "Search folding"):
/// 1. Unicode NFC, lower case.
/// 2. Letter by letter: Cyrillic (Russian, Kazakh, Kyrgyz, Uzbek, Tajik, Ukrainian) by our own
///    table; Latin letters with their own sound (ş ç ž š č ə ı ß ø æ ...) by a table; other
///    accented letters lose their marks (NFD); any other script goes through ICU's
///    `Any-Latin` and `Latin-ASCII`-like strip transforms. Apostrophes (Uzbek oʻ, gʻ; ь, ъ) vanish;
///    anything else that is not a letter or digit separates words.
/// 3. Word by word, sound-alike spellings merge: shch/sch/sh→s, dzh/dj/zh→j, kh→h, gh→g, ch/ts/tz→c,
///    ph→f, ye→e, q→k, x→ks, w→v, then j/y→i, and doubled letters become one.
public enum NameFolding {
    /// The folded words of `text`, joined by single spaces.
    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The folded words as ASCII bytes, words separated by one space (0x20).
    public static func foldedBytes(_ text: String) -> [UInt8] {
        var letters: [UInt8] = []
        letters.reserveCapacity(text.utf8.count)
        let composed = needsComposition(text) ? text.precomposedStringWithCanonicalMapping : text
        for scalar in composed.lowercased().unicodeScalars {
            appendLatin(of: scalar, to: &letters, allowICU: true)
        }
        var result: [UInt8] = []
        result.reserveCapacity(letters.count)
        for word in letters.split(separator: space) {
            if !result.isEmpty { result.append(space) }
            foldSounds(of: word, into: &result)
        }
        return result
    }

    /// The folded words, split.
    public static func words(_ text: String) -> [[UInt8]] {
        foldedBytes(text).split(separator: space).map(Array.init)
    }

    static let space: UInt8 = 0x20

    /// NFC matters only when combining marks are present; skipping it keeps folding cheap.
    private static func needsComposition(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (0x0300...0x036F).contains(value) || (0x0483...0x0489).contains(value) || value >= 0x1100
        }
    }

    // MARK: Step 2: one letter to ASCII

    private static func appendLatin(of scalar: Unicode.Scalar, to out: inout [UInt8], allowICU: Bool) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            switch byte {
            case 0x61...0x7A, 0x30...0x39: out.append(byte)
            case 0x41...0x5A: out.append(byte + 0x20)
            case 0x27, 0x60: break  // ' and `: Uzbek oʻ/gʻ written with plain apostrophes
            default: appendSpace(to: &out)
            }
            return
        }
        if let mapped = cyrillic[scalar] ?? latinWithOwnSound[scalar] {
            out.append(contentsOf: mapped.utf8)
            return
        }
        if apostrophes.contains(value) { return }
        if (0x0300...0x036F).contains(value) { return }  // combining marks
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
            appendSpace(to: &out)
            return
        }
        let single = String(scalar)
        let decomposed = single.decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.value < 0x80, base != scalar {
            for part in decomposed { appendLatin(of: part, to: &out, allowICU: false) }
            return
        }
        guard allowICU,
            let latin = single.applyingTransform(.toLatin, reverse: false)?
                .applyingTransform(.stripDiacritics, reverse: false)?.lowercased(),
            latin != single
        else { return }
        for part in latin.unicodeScalars { appendLatin(of: part, to: &out, allowICU: false) }
    }

    private static func appendSpace(to out: inout [UInt8]) {
        if let last = out.last, last != space { out.append(space) }
    }

    /// ʼ ʻ ʹ ʺ ’ ‘ and the like: marks inside a name, not separators.
    private static let apostrophes: Set<UInt32> = [0x2BC, 0x2BB, 0x2B9, 0x2BA, 0x2019, 0x2018, 0x2CC, 0xB4]

    private static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        // Kazakh, Kyrgyz
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
        // Uzbek, Tajik
        "ў": "o", "ҳ": "h", "ӣ": "i", "ӯ": "u", "ҷ": "j",
        // Ukrainian, Belarusian, Moldovan Cyrillic
        "є": "ye", "ї": "yi", "ґ": "g", "ӂ": "j",
    ]

    private static let latinWithOwnSound: [Unicode.Scalar: String] = [
        "ş": "sh", "ș": "sh", "ç": "ch", "ž": "zh", "š": "sh", "č": "ch", "ţ": "ts", "ț": "ts",
        "ə": "a", "ı": "i", "ŋ": "n", "ß": "ss", "ø": "o", "æ": "ae", "đ": "dj", "ł": "l",
    ]

    // MARK: Step 3: sound-alike spellings

    /// Longest first at each position.
    private static let digraphs: [(from: [UInt8], to: [UInt8])] = [
        ("shch", "s"), ("dzh", "j"), ("sch", "s"), ("sh", "s"), ("dj", "j"), ("zh", "j"), ("kh", "h"),
        ("gh", "g"), ("ch", "c"), ("ts", "c"), ("tz", "c"), ("ph", "f"), ("ye", "e"),
        ("q", "k"), ("x", "ks"), ("w", "v"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static func foldSounds(of word: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var spelled: [UInt8] = []
        spelled.reserveCapacity(word.count)
        var index = word.startIndex
        outer: while index < word.endIndex {
            for rule in digraphs where word[index...].starts(with: rule.from) {
                spelled.append(contentsOf: rule.to)
                index += rule.from.count
                continue outer
            }
            spelled.append(word[index])
            index += 1
        }
        var previous: UInt8 = 0
        for var byte in spelled {
            if byte == UInt8(ascii: "j") || byte == UInt8(ascii: "y") { byte = UInt8(ascii: "i") }
            let isLetter = byte >= UInt8(ascii: "a")
            if isLetter && byte == previous { continue }
            out.append(byte)
            previous = byte
        }
    }
}
