/// Reads the dates caseworkers type: `08.03.2026`, `8.3.2026` and ISO `2026-03-08`.
/// Two-digit years are refused (is `05` 1905 or 2005?).
public enum DateParser {
    public static func parse(_ input: String) -> Result<CalendarDate, ValidationIssue.Problem> {
        let text = input.trimmingWhitespace()
        // A readable date is ASCII digits and its separators only, so it is read byte by byte;
        // anything else is unreadable, whichever separator it holds.
        let bytes = Array(text.utf8)
        let dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
        let separator: UInt8
        let order: (year: Int, month: Int, day: Int)
        if bytes.contains(dot) {
            separator = dot
            order = (2, 1, 0)
        } else if bytes.contains(dash) {
            separator = dash
            order = (0, 1, 2)
        } else {
            return .failure(.unreadableDate(text))
        }
        let parts = bytes.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts[order.year].count == 4, (1...2).contains(parts[order.month].count),
            (1...2).contains(parts[order.day].count),
            parts.allSatisfy({ $0.allSatisfy { (0x30...0x39).contains($0) } })
        else {
            return .failure(.unreadableDate(text))
        }
        func number(_ digits: ArraySlice<UInt8>) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        guard let date = CalendarDate(year: number(parts[order.year]), month: number(parts[order.month]),
                                      day: number(parts[order.day]))
        else {
            return .failure(.impossibleDate(text))
        }
        return .success(date)
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and newlines at both ends, without Foundation.
    func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        // Most cells need no trimming: say so from their two ends, without walking them.
        guard let head = scalars.first, let tail = scalars.last else { return "" }
        if !head.isWhitespace && !tail.isWhitespace { return String(scalars) }
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension String {
    /// `fold`'s work for plain ASCII text, byte by byte: lower case, without whitespace and the
    /// `dropped` bytes; nil when the text is not all ASCII and needs Unicode's rules.
    func asciiFolded(dropping dropped: [UInt8]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) || dropped.contains(byte) { continue }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space, answered without a property lookup below U+2000 (ASCII, Latin,
    /// Cyrillic: nearly every cell), where the only spaces are these.
    var isWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680: true
        case 0..<0x2000: false
        default: properties.isWhitespace
        }
    }
}
