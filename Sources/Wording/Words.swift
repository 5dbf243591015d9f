/// A value put into a text's `{name}` placeholder: text as it is, a number written the language's
/// way (thousands grouped).
public enum WordValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case number(Int)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}

/// Every user-visible word, by stable key, in one language. The catalogs are compiled into the
/// binary (see `EmbedCatalogs`); a key missing from a catalog falls back to English, then to the
/// key itself, and the completeness test keeps that from shipping.
public struct Words: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The catalog of each language, parsed once on first use.
    public static let catalogs: [Language: Catalog] = {
        var catalogs: [Language: Catalog] = [:]
        for language in Language.allCases {
            catalogs[language] = Catalog(po: EmbeddedCatalogs.text[language.rawValue] ?? "")
        }
        return catalogs
    }()

    public var catalog: Catalog { Self.catalogs[language]! }

    /// The text of `key` with its placeholders filled.
    public func callAsFunction(_ key: String, _ arguments: [String: WordValue] = [:]) -> String {
        guard let (entry, from) = entry(key) else { return key }
        return fill(entry.forms[0], arguments, in: from)
    }

    /// The plural form of `key` that `count` takes in this language; `{count}` is the number.
    public func callAsFunction(_ key: String, count: Int, _ arguments: [String: WordValue] = [:]) -> String {
        guard let (entry, from) = entry(key) else { return key }
        let categories = from.pluralCategories
        let index = categories.firstIndex(of: from.pluralCategory(of: count)) ?? categories.count - 1
        let form = entry.forms[min(index, entry.forms.count - 1)]
        var all = arguments
        all["count"] = .number(count)
        return fill(form, all, in: from)
    }

    /// A whole number with the language's thousands separator: 12,345 · 12 345.
    public func number(_ value: Int) -> String { Self.number(value, in: language) }

    public static func number(_ value: Int, in language: Language) -> String {
        let digits = String(value.magnitude)
        // CLDR's grouping: English with a comma, Russian and Kazakh with a no-break space.
        let separator: Character = language == .en ? "," : "\u{00A0}"
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    private func entry(_ key: String) -> (Catalog.Entry, Language)? {
        if let entry = catalog.entries[key] { return (entry, language) }
        if let entry = Self.catalogs[.en]?.entries[key] { return (entry, .en) }
        return nil
    }

    /// `text` with each `{name}` that names an argument replaced by its value, in one pass (a
    /// value is never read for placeholders); a `{name}` no argument names stays as it is. Lists
    /// fill a date per row and frame, so this is on the path of every key.
    private func fill(_ text: String, _ arguments: [String: WordValue], in language: Language) -> String {
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            switch arguments[String(rest[rest.index(after: open)..<close])] {
            case .text(let value): result += value
            case .number(let number): result += Self.number(number, in: language)
            case nil: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
