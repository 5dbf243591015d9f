import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A sheet of an Excel workbook (`.xlsx`, `.xlsm`), read with ZIPFoundation (the zip) and
/// Foundation's XMLParser (the XML): shared and inline strings, numbers, booleans, dates by the
/// cell's number format, empty cells; hidden rows are left out. The first sheet holding data is
/// read, or the one named. What cannot be read safely — a password-protected workbook, a part
/// that unpacks beyond `partLimit` (a zip bomb), a row past Excel's last column, a formula —
/// is refused with its reason; memory is bounded by `partLimit`.
public final class XLSXTable: ImportTable {
    public let sheetName: String
    private let archive: Archive
    private let sheetPath: String
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let uses1904Dates: Bool

    /// The most a part of the workbook may unpack to (a sheet of about 500,000 short rows).
    public static let partLimit = 200 << 20
    /// Excel's last column, XFD.
    public static let columnLimit = 16_384

    public init(contentsOf url: URL, sheet wanted: String? = nil) throws(ImportFailure) {
        // A password-protected workbook is not a zip but an OLE compound file holding the
        // encrypted package.
        if let handle = try? FileHandle(forReadingFrom: url) {
            let magic = (try? handle.read(upToCount: 8)).map(Array.init) ?? []
            try? handle.close()
            if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { throw Self.failure(.passwordProtected) }
        }
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read, pathEncoding: nil) } catch { throw Self.failure(.notAWorkbook) }
        self.archive = archive
        let workbook = try Self.parse(XMLElements(keeping: ["sheet", "workbookPr"]), Self.part("xl/workbook.xml", of: archive))
        let relations = try Self.parse(XMLElements(keeping: ["Relationship"]), Self.part("xl/_rels/workbook.xml.rels", of: archive))
        let targets = Dictionary(relations.elements.compactMap { attributes -> (String, String)? in
            guard let id = attributes["Id"], let target = attributes["Target"] else { return nil }
            return (id, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }, uniquingKeysWith: { first, _ in first })
        let sheets: [(name: String, path: String)] = workbook.elements.compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"], let path = targets[id] else { return nil }
            return (name, path)
        }
        uses1904Dates = workbook.elements.contains { $0["date1904"] == "1" || $0["date1904"] == "true" }
        sharedStrings = archive["xl/sharedStrings.xml"] == nil ? []
            : try Self.parse(SharedStrings(), Self.part("xl/sharedStrings.xml", of: archive)).strings
        dateStyles = archive["xl/styles.xml"] == nil ? []
            : try Self.parse(DateStyles(), Self.part("xl/styles.xml", of: archive)).dateStyles
        if let wanted {
            guard let chosen = sheets.first(where: { $0.name == wanted }) else {
                throw Self.failure(.noSuchSheet(wanted, available: sheets.map(\.name)))
            }
            (sheetName, sheetPath) = chosen
        } else {
            var withData: (name: String, path: String)?
            for sheet in sheets where withData == nil {
                if Self.holdsData(try Self.part(sheet.path, of: archive)) { withData = sheet }
            }
            guard let chosen = withData ?? sheets.first else { throw Self.failure(.notAWorkbook) }
            (sheetName, sheetPath) = chosen
        }
    }

    public var formatDescription: String { "Excel workbook, sheet “\(sheetName)”" }

    public func forEachRow(_ body: (_ row: Int, _ cells: [String]) throws -> Void) throws {
        let data = try Self.part(sheetPath, of: archive)
        try withoutActuallyEscaping(body) { body in
            let reader = SheetReader(sharedStrings: sharedStrings, dateStyles: dateStyles, uses1904Dates: uses1904Dates,
                                     deliver: body)
            let parser = Self.parser(data)
            parser.delegate = reader
            let parsed = parser.parse()
            if let error = reader.stop { throw error }
            if !parsed { throw Self.failure(.notAWorkbook) }
        }
    }

    // MARK: - Parts

    /// A part unpacked into memory, refused past `partLimit` whatever its header claims.
    private static func part(_ path: String, of archive: Archive) throws(ImportFailure) -> Data {
        guard let entry = archive[path] else { throw failure(.notAWorkbook) }
        guard entry.uncompressedSize <= UInt64(partLimit) else { throw failure(.partTooLarge) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= partLimit else { throw ImportFailure(problem: .partTooLarge) }
                data.append(chunk)
            }
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            throw failure(.notAWorkbook)
        }
        return data
    }

    /// A parser fed from a stream: Foundation's XMLParser on Linux, given a part over 10 MB as one
    /// piece of data, delivers every element and then fails; read as a stream, it does not.
    private static func parser(_ data: Data) -> XMLParser { XMLParser(stream: InputStream(data: data)) }

    private static func parse<Delegate: XMLParserDelegate>(_ delegate: Delegate, _ data: Data) throws(ImportFailure) -> Delegate {
        let parser = parser(data)
        parser.delegate = delegate
        guard parser.parse() else { throw failure(.notAWorkbook) }
        return delegate
    }

    /// Whether a sheet's XML holds a cell with a value (cheap: bytes, not a parse).
    private static func holdsData(_ data: Data) -> Bool {
        data.range(of: Data("<v>".utf8)) != nil || data.range(of: Data("<is>".utf8)) != nil
    }

    static func failure(_ problem: ImportError.Problem, row: Int = 1, column: String = "") -> ImportFailure {
        ImportFailure(problem: problem, row: row, column: column)
    }
}

extension ImportFailure {
    init(problem: ImportError.Problem, row: Int = 1, column: String = "") {
        self.init(errors: [ImportError(row: row, column: column, value: "", problem: problem)], count: 1)
    }
}

/// The attributes of the named elements, in document order.
private final class XMLElements: NSObject, XMLParserDelegate {
    private let keeping: Set<String>
    private(set) var elements: [[String: String]] = []

    init(keeping: Set<String>) { self.keeping = keeping }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if keeping.contains(name) { elements.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text (rich-text runs joined; phonetic hints left out).
private final class SharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// `xl/styles.xml`: which cell styles (`cellXfs` positions) show a number as a date.
private final class DateStyles: NSObject, XMLParserDelegate {
    private(set) var dateStyles: Set<Int> = []
    private var dateFormats: Set<Int> = Set(14...22).union(45...47)  // Excel's built-in date and time formats
    private var inCellStyles = false
    private var styleIndex = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
               Self.isDateFormat(code) {
                dateFormats.insert(id)
            }
        case "cellXfs":
            inCellStyles = true
        case "xf" where inCellStyles:
            if let format = attributes["numFmtId"].flatMap(Int.init), dateFormats.contains(format) {
                dateStyles.insert(styleIndex)
            }
            styleIndex += 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellStyles = false }
    }

    /// A format with a day, month or year outside quotes and brackets (`dd.mm.yyyy`, `[$-419]d mmm`).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracketed = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[": bracketed = true
            case "]": bracketed = false
            case "d", "y": if !quoted && !bracketed { return true }
            default: break
            }
        }
        return false
    }
}

/// A worksheet's rows, delivered one at a time as they are parsed.
private final class SheetReader: NSObject, XMLParserDelegate {
    typealias Deliver = (_ row: Int, _ cells: [String]) throws -> Void

    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let uses1904Dates: Bool
    private let deliver: Deliver
    /// Why reading stopped early (a refused cell, or what `deliver` threw).
    private(set) var stop: (any Error)?

    private var rowNumber = 0
    private var rowHidden = false
    private var cells: [String] = []
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var cellText = ""
    private var inValue = false
    private var hasFormula = false

    init(sharedStrings: [String], dateStyles: Set<Int>, uses1904Dates: Bool, deliver: @escaping Deliver) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.uses1904Dates = uses1904Dates
        self.deliver = deliver
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            rowHidden = attributes["hidden"] == "1" || attributes["hidden"] == "true"
            cells = []
        case "c":
            cellColumn = attributes["r"].map(Self.columnIndex) ?? cells.count
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            cellText = ""
            hasFormula = false
            if cellColumn >= XLSXTable.columnLimit {
                halt(parser, XLSXTable.failure(.tooManyColumns(XLSXTable.columnLimit), row: rowNumber))
            }
        case "v", "t":
            inValue = true
        case "f":
            hasFormula = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { cellText += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            inValue = false
        case "c":
            if hasFormula {
                halt(parser, XLSXTable.failure(.formulaCell, row: rowNumber, column: Self.columnName(cellColumn)))
                return
            }
            guard let value = value() else {
                halt(parser, XLSXTable.failure(.notAWorkbook, row: rowNumber, column: Self.columnName(cellColumn)))
                return
            }
            if cells.count < cellColumn { cells += Array(repeating: "", count: cellColumn - cells.count) }
            if cells.count == cellColumn { cells.append(value) } else { cells[cellColumn] = value }
        case "row":
            guard !rowHidden || rowNumber == 1 else { return }  // a hidden header row (HTCDS) is still the header
            do { try deliver(rowNumber, cells) } catch { halt(parser, error) }
        default:
            break
        }
    }

    private func halt(_ parser: XMLParser, _ error: any Error) {
        guard stop == nil else { return }
        stop = error
        parser.abortParsing()
    }

    /// The cell's text as the importer reads it; nil when it cannot be.
    private func value() -> String? {
        switch cellType {
        case "s":
            guard let index = Int(cellText), sharedStrings.indices.contains(index) else { return nil }
            return sharedStrings[index]
        case "b":
            return cellText == "1" ? "TRUE" : "FALSE"
        case "inlineStr", "str", "e":
            return cellText
        default:  // a number; a date when its style shows one
            guard dateStyles.contains(cellStyle), let serial = Double(cellText) else { return cellText }
            return Self.isoDate(serial: serial, from1904: uses1904Dates) ?? cellText
        }
    }

    private static func isoDate(serial: Double, from1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let epoch = calendar.date(from: from1904 ? DateComponents(year: 1904, month: 1, day: 1)
                                                 : DateComponents(year: 1899, month: 12, day: 30))!
        guard let day = calendar.date(byAdding: .day, value: Int(serial), to: epoch) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// `AB12` → 27 (zero-based column).
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            if index > XLSXTable.columnLimit { break }
        }
        return index - 1
    }

    static func columnName(_ index: Int) -> String {
        var name = "", number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }
}
