import Foundation
import ZIPFoundation

/// An export as an Excel workbook of one sheet, zipped by ZIPFoundation; the few XML parts are
/// written here as text (five fixed parts and one sheet of three cell kinds need no XML library).
/// Every cell carries its type: text is an inline string in a text-formatted cell (ids, phone
/// numbers, `007`, `1e5`, `3/4` and `=…` stay exactly what they are, with no apostrophe), dates are
/// day numbers in a date format, numbers numbers; no cell is ever a formula.
struct XLSXWriter {
    /// The number format of date cells (`dd.mm.yyyy` or `yyyy-mm-dd`).
    let dateFormat: String

    /// Cell styles, by their index in `styles.xml`.
    private enum Style: Int {
        case number = 0, text, date, header
    }

    func workbook(_ table: ExportTable) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts(table) {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: Self.fixedDate, compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return Array(archive.data ?? Data())
        } catch {
            preconditionFailure("writing a workbook to memory cannot fail: \(error)")
        }
    }

    /// Entries carry a fixed date, so the same export makes the same bytes.
    private static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    private func parts(_ table: ExportTable) -> [(String, String)] {
        [("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
         ("xl/workbook.xml", Self.workbookPart), ("xl/_rels/workbook.xml.rels", Self.workbookRelationships),
         ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet(table))]
    }

    private func sheet(_ table: ExportTable) -> String {
        var xml = Self.declaration + #"<worksheet xmlns="\#(Self.main)"><sheetViews><sheetView workbookViewId="0">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#
        let rows = [table.header.map(ExportCell.text)] + table.rows
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 1
            xml += #"<row r="\#(number)">"#
            for (columnIndex, cell) in row.enumerated() {
                let reference = Self.columnName(columnIndex) + String(number)
                switch cell {
                case .text(let text) where text.isEmpty:
                    continue
                case .text(let text):
                    let style = rowIndex == 0 ? Style.header : .text
                    xml += #"<c r="\#(reference)" s="\#(style.rawValue)" t="inlineStr"><is><t xml:space="preserve">"#
                        + Self.escaped(text) + "</t></is></c>"
                case .number(let value):
                    xml += #"<c r="\#(reference)" s="\#(Style.number.rawValue)"><v>\#(value)</v></c>"#
                case .date(let date):
                    xml += #"<c r="\#(reference)" s="\#(Style.date.rawValue)"><v>\#(Self.serial(of: date))</v></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Excel's day number: days since 1899-12-30 (its calendar counts a 29 February 1900).
    static func serial(of date: CalendarDate) -> Int { date.dayNumber + 25_569 }

    /// A, B, …, Z, AA, AB, …
    static func columnName(_ index: Int) -> String {
        var name = "", rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// XML text. Control characters XML cannot hold, and a literal `_xHHHH_` that a reader would
    /// take for one, are written as OOXML's `_xHHHH_` escapes.
    static func escaped(_ text: String) -> String {
        let literal = text.contains("_x")
            ? text.replacingOccurrences(of: #"_(x[0-9A-Fa-f]{4}_)"#, with: "_x005F_$1", options: .regularExpression)
            : text
        var out = ""
        out.reserveCapacity(literal.utf8.count)
        for scalar in literal.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "_x000D_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "_x" + String(format: "%04X", scalar.value) + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private var styles: String {
        Self.declaration + #"<styleSheet xmlns="\#(Self.main)"><numFmts count="1">"#
            + #"<numFmt numFmtId="164" formatCode="\#(Self.escaped(dateFormat))"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#
            + #"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static let contentTypes = declaration
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        + "</Types>"

    private static let packageRelationships = declaration + #"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#
        + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    private static let workbookPart = declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)">"#
        + #"<sheets><sheet name="Refuge" sheetId="1" r:id="rId1"/></sheets></workbook>"#

    private static let workbookRelationships = declaration + #"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#
        + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#
}
