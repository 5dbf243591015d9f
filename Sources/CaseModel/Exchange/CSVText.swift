import CSV
import Foundation

/// CSV as RFC 4180 with what spreadsheets need: UTF-8 with a byte-order mark (so Excel reads
/// Cyrillic correctly), CRLF line ends, quotes where needed (CSV.swift writes the fields), and
/// formula neutralisation.
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

    /// A whole document, written by CSV.swift: BOM, header row, rows, each line ended by CRLF,
    /// cells neutralised; a cell with edge spaces is quoted too, so that no reader trims it.
    public static func document(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in [header] + rows {
                let cells = row.map(neutralised)
                try writer.write(row: cells, quotedAtIndex: { cells[$0].first == " " || cells[$0].last == " " })
            }
            writer.stream.close()
        } catch {
            preconditionFailure("writing CSV to memory cannot fail: \(error)")
        }
        let written = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return byteOrderMark + String(decoding: written, as: UTF8.self) + "\r\n"
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
