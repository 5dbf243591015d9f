import CalendarDay

extension Words {
    /// A day as this language writes it in lists and messages: "30.11.2026" in Russian and Kazakh,
    /// "30 Nov 2026" in English (a month name leaves no doubt which number is the day). The pattern
    /// and the month names are catalog entries (`date.format`, `date.month.N`).
    public func day(_ date: CalendarDate) -> String { DayFormat.of[language]!.text(of: date) }
}

/// A language's `date.format` and month names, read from its catalog once: the case list writes a
/// date in every row of every frame.
private struct DayFormat: Sendable {
    let pattern: String
    let months: [String]

    static let of: [Language: DayFormat] = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        let words = Words(language)
        return (language, DayFormat(pattern: words("date.format"), months: (1...12).map { words("date.month.\($0)") }))
    })

    /// The pattern with `{dd}`, `{mm}`, `{yyyy}` (zero-padded), `{d}` and `{month}` filled.
    func text(of date: CalendarDate) -> String {
        var result = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "dd": result += Self.padded(date.day, to: 2)
            case "mm": result += Self.padded(date.month, to: 2)
            case "yyyy": result += Self.padded(date.year, to: 4)
            case "d": result += String(date.day)
            case "month": result += months[date.month - 1]
            default: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
