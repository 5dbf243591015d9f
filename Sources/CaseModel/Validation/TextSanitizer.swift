import Foundation

/// Cleans typed or pasted text before it is stored: control characters are never stored raw.
///
/// - Line breaks (CR LF, CR) become LF. A one-line field turns line breaks and tabs into spaces
///   and runs of spaces into one; a long-text field keeps line breaks and turns tabs into spaces.
/// - Other C0/C1 control characters and the invisible bidirectional overrides (U+202A–202E,
///   U+2066–2069), which can disguise text, are removed and reported as a warning.
/// - Text is put in Unicode NFC form and trimmed.
public enum TextSanitizer {
    public struct Result: Sendable, Hashable {
        public let text: String
        /// True when something other than tabs and line breaks had to be removed.
        public let removedControlCharacters: Bool
    }

    public static func clean(_ raw: String, multiline: Bool) -> Result {
        var scalars = String.UnicodeScalarView()
        var removed = false
        var previousWasCR = false
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            if value == 0x0A && previousWasCR { continue }  // LF of a CR LF pair
            let isLineBreak = value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
            let isTab = value == 0x09
            if isLineBreak && multiline {
                while scalars.last == " " { scalars.removeLast() }
                scalars.append("\n")
                pendingSpace = false
                continue
            }
            if isLineBreak || isTab || (!multiline && scalar.isWhitespace) {
                pendingSpace = true
                continue
            }
            if isControl(value) {
                removed = true
                continue
            }
            if pendingSpace {
                if let last = scalars.last, last != "\n", last != " " { scalars.append(" ") }
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        let text = composed(String(scalars)).trimmingWhitespace()
        return Result(text: text, removedControlCharacters: removed)
    }

    /// True when the text holds anything `clean` would remove (for values that did not come
    /// through `clean`, e.g. from another device).
    public static func containsControlCharacters(_ text: String, multiline: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            let value = scalar.value
            if value == 0x0A { return !multiline }
            return value == 0x09 || value == 0x0D || isControl(value)
        }
    }

    /// The text in NFC. Foundation's normalisation is asked only when the text holds a scalar
    /// that might change under it; most names and notes have none.
    static func composed(_ text: String) -> String {
        text.unicodeScalars.allSatisfy(isStableInNFC) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Scalars that NFC leaves as they are wherever they stand: starters (combining class 0)
    /// that have no other canonical form and never compose with the scalar before them — ASCII,
    /// Latin-1 and Latin Extended, the Cyrillic letters (Russian, Kazakh and the rest, without
    /// the combining titlo marks U+0483–0489), and general punctuation. A string of these alone
    /// is already in NFC (`TextSanitizerNFCTests` checks every one against Unicode's data).
    static func isStableInNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    private static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
