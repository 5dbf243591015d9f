/// Reads the dates caseworkers type: `08.03.2026`, `8.3.2026` and ISO `2026-03-08`.
/// Two-digit years are refused (is `05` 1905 or 2005?).
public enum DateParser {
    public static func parse(_ input: String) -> Result<CalendarDate, ValidationIssue.Problem> {
        let text = input.trimmingWhitespace()
        let parts: [Substring]
        let order: (year: Int, month: Int, day: Int)
        if text.contains(".") {
            parts = text.split(separator: ".", omittingEmptySubsequences: false)
            order = (2, 1, 0)
        } else if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            order = (0, 1, 2)
        } else {
            return .failure(.unreadableDate(text))
        }
        guard parts.count == 3,
            parts[order.year].count == 4, (1...2).contains(parts[order.month].count),
            (1...2).contains(parts[order.day].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[order.year]), let month = Int(parts[order.month]), let day = Int(parts[order.day])
        else {
            return .failure(.unreadableDate(text))
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .failure(.impossibleDate(text))
        }
        return .success(date)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Trims spaces, tabs and newlines at both ends, without Foundation.
    func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
