import CaseModel
import Foundation

/// What an import will do, before it does it — the one preview both `refuge import --dry-run` and
/// the import screen show: the detected format, where each column goes, how many rows are ready
/// and every problem by row and column. It checks exactly what the import checks.
struct ImportPreview {
    let table: ImportTable
    let importer: CaseImporter
    let mapping: [(column: String, target: String)]
    let check: ImportCheck

    init(table: ImportTable, importer: CaseImporter) {
        self.table = table
        self.importer = importer
        mapping = importer.mapping(of: Self.header(of: table))
        check = importer.check(table)
    }

    /// Opens `path` as a workbook (by its name or first bytes) or as CSV, encoding and separator
    /// detected unless given.
    static func open(_ path: String, sheet: String? = nil, encoding: CSVEncoding? = nil,
                     delimiter: Character? = nil) throws(ImportFailure) -> ImportTable {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        if isWorkbook(url) { return try XLSXTable(contentsOf: url, sheet: sheet) }
        return try CSVTable(contentsOf: url, encoding: encoding, delimiter: delimiter)
    }

    /// A column header shortened for a line of the preview.
    static func shown(_ column: String) -> String {
        column.count > 40 ? String(column.prefix(40)) + "…" : column
    }

    /// The header row (the table is streamed, so it is read once more for it).
    private static func header(of table: ImportTable) -> [String] {
        var header: [String] = []
        do {
            try table.forEachRow { _, cells in
                header = cells
                throw HeaderRead()
            }
        } catch {}
        return header
    }

    private struct HeaderRead: Error {}

    /// An Excel workbook by its name or its first bytes: a zip, or the OLE file of an encrypted one.
    private static func isWorkbook(_ url: URL) -> Bool {
        if ["xlsx", "xlsm"].contains(url.pathExtension.lowercased()) { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let magic = Array((try? handle.read(upToCount: 4)) ?? Data())
        return magic == [0x50, 0x4B, 0x03, 0x04] || magic == [0xD0, 0xCF, 0x11, 0xE0]
    }
}
