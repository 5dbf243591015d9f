import CSV
import Foundation

/// A table read one row at a time — a header, then each row's cells — so that an import of any
/// size holds one row in memory, never the file.
public protocol ImportTable: AnyObject {
    /// The first row's cells, trimmed.
    var header: [String] { get }
    /// The next row's cells; nil at the end, or when the file stopped being readable (`isUnreadable`).
    func nextRow() -> [String]?
    /// True when reading stopped before the end of the file.
    var isUnreadable: Bool { get }
}

/// A CSV file read as it streams from disk (or a string, for small tables), through CSV.swift.
public final class CSVTable: ImportTable {
    private let reader: CSVReader
    public let header: [String]

    /// The table in `text` (a byte-order mark is skipped).
    public convenience init(string text: String) throws(ImportFailure) {
        let reader: CSVReader
        let body = text.hasPrefix(CSVText.byteOrderMark) ? String(text.dropFirst()) : text
        do { reader = try CSVReader(string: body, hasHeaderRow: true) } catch { throw ImportFailure.unreadable }
        try self.init(reader: reader)
    }

    /// The table in the UTF-8 file at `url`, read as it streams.
    public convenience init(contentsOf url: URL) throws(ImportFailure) {
        guard let stream = InputStream(url: url) else { throw ImportFailure.unreadable }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream, hasHeaderRow: true) } catch { throw ImportFailure.unreadable }
        try self.init(reader: reader)
    }

    private init(reader: CSVReader) throws(ImportFailure) {
        guard let header = reader.headerRow else { throw ImportFailure.unreadable }
        self.reader = reader
        self.header = header.map { $0.replacingAll("\u{FEFF}", with: "").trimmingWhitespace() }
    }

    public func nextRow() -> [String]? { reader.next() }

    /// CSV.swift ends a file stream by failing to read one more byte (`cannotReadFile`): that is
    /// the end of the file, not a fault. Undecodable text and stream errors are.
    public var isUnreadable: Bool {
        guard let error = reader.error else { return false }
        if case CSVError.cannotReadFile = error { return false }
        return true
    }
}
