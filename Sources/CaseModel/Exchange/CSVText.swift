/// Writes CSV as RFC 4180 with what spreadsheets need: UTF-8 with a byte-order mark (so Excel
/// reads Cyrillic correctly), CRLF line ends, quotes where needed, and formula neutralisation.
public enum CSVText {
    public static let byteOrderMark = "\u{FEFF}"

    /// Characters that make a spreadsheet treat a cell as a formula (or split it) when first.
    static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would run as a formula gets a leading apostrophe: `=1+1` → `'=1+1`.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.first, formulaStarters.contains(first) else { return cell }
        return "'" + cell
    }

    /// Undoes `neutralised` on import, so an exported value reads back as it was.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, formulaStarters.contains(second) else {
            return cell
        }
        return String(cell.dropFirst())
    }

    /// One field, quoted when it holds a comma, a quote, a line break or edge spaces.
    static func field(_ cell: String) -> String {
        let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || cell.first == " " || cell.last == " "
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A whole document: BOM, header row, rows, each line ended by CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark
        for row in [header] + rows {
            out += row.map { field(neutralised($0)) }.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }
}

extension String {
    /// Plain replacement without Foundation's overhead on every cell.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
