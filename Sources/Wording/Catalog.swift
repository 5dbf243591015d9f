/// One language's words, read from a gettext catalog (`.po`): each entry's `msgctxt` is its stable
/// key, `msgid` the English source a translator sees, `msgstr` (or `msgstr[n]`, one per plural
/// form) the translation.
public struct Catalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let source: String
        /// One text, or one per plural form in the language's `pluralCategories` order.
        public let forms: [String]
        public let isPlural: Bool
    }

    public let entries: [String: Entry]

    public init(entries: [Entry]) {
        var table: [String: Entry] = [:]
        for entry in entries { table[entry.key] = entry }
        self.entries = table
    }

    /// Parses a `.po` file. Entries without a `msgctxt` (the header) are skipped, as are empty
    /// translations, so that a missing word shows as missing rather than blank.
    public init(po text: String) {
        var entries: [Entry] = []
        var context: String?, source = "", forms: [Int: String] = [:], plural = false
        var field: (name: String, index: Int)?

        func finish() {
            if let key = context, !forms.isEmpty, forms.values.allSatisfy({ !$0.isEmpty }) {
                let ordered = forms.keys.sorted().map { forms[$0]! }
                entries.append(Entry(key: key, source: source, forms: ordered, isPlural: plural))
            }
            context = nil; source = ""; forms = [:]; plural = false; field = nil
        }
        func append(_ value: String) {
            guard let current = field else { return }
            switch current.name {
            case "msgctxt": context = (context ?? "") + value
            case "msgid": source += value
            case "msgstr": forms[current.index, default: ""] += value
            default: break
            }
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty { finish(); continue }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("\"") { append(Self.unquote(line)); continue }
            guard let space = line.firstIndex(of: " ") else { continue }
            let keyword = String(line[..<space]), value = Self.unquote(line[line.index(after: space)...].trimmingSpaces())
            if keyword == "msgctxt" {
                if context != nil || !forms.isEmpty { finish() }
                field = ("msgctxt", 0); context = value
            } else if keyword == "msgid" {
                field = ("msgid", 0); source = value
            } else if keyword == "msgid_plural" {
                field = ("msgid_plural", 0); plural = true
            } else if keyword == "msgstr" {
                field = ("msgstr", 0); forms[0] = value
            } else if keyword.hasPrefix("msgstr["), let index = Int(keyword.dropFirst(7).dropLast()) {
                field = ("msgstr", index); forms[index] = value
            }
        }
        finish()
        self.init(entries: entries)
    }

    /// The text between the quotes of a `.po` string, with its escapes resolved.
    static func unquote<S: StringProtocol>(_ quoted: S) -> String {
        var text = Substring(quoted)
        guard text.first == "\"", text.last == "\"", text.count >= 2 else { return "" }
        text = text.dropFirst().dropLast()
        var result = "", escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The `{name}` placeholders of a text, in order of first appearance.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = [], current: String?
        for character in text {
            if character == "{" { current = "" }
            else if character == "}", let name = current { if !names.contains(name) { names.append(name) }; current = nil }
            else if current != nil { current!.append(character) }
        }
        return names
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
