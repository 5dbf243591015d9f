import CSV
import Foundation

/// A table read one row at a time, so that an import of any size holds one row in memory, never
/// the rows of the file.
public protocol ImportTable: AnyObject {
    /// Calls `body` with each row in order — the header row first — and its number as the
    /// spreadsheet shows it. Throws `ImportFailure` when the file cannot be read on, and what `body`
    /// throws.
    func forEachRow(_ body: (_ row: Int, _ cells: [String]) throws -> Void) throws
    /// What was read, for the preview: "CSV, windows-1251, cells separated by “;”".
    var formatDescription: String { get }
}

/// A CSV file as spreadsheets write it — comma, semicolon or tab; UTF-8 with or without a BOM,
/// UTF-16 with a BOM, or Windows-1251; CRLF; quoted cells over several lines — read as it streams
/// from disk through CSV.swift.
public final class CSVTable: ImportTable {
    public let header: [String]
    public let encoding: CSVEncoding
    public let delimiter: Character
    /// A fresh reader from the start: each pass (check, then import) streams the file again.
    private let makeReader: () throws -> CSVReader

    /// The delimiters spreadsheets write: Excel uses the locale's list separator (a semicolon in
    /// Russian and Kazakh Windows), "Unicode text" uses tabs.
    public static let delimiters: [Character] = [",", ";", "\t"]

    /// The table in `text` (a byte-order mark is skipped).
    public convenience init(string text: String, delimiter: Character? = nil) throws(ImportFailure) {
        let body = text.hasPrefix(CSVText.byteOrderMark) ? String(text.dropFirst()) : text
        let delimiter = delimiter ?? Self.detectDelimiter(firstLineOf: body)
        let scalar = delimiter.unicodeScalars.first!
        try self.init(encoding: .utf8, delimiter: delimiter) {
            try CSVReader(string: body, hasHeaderRow: true, delimiter: scalar)
        }
    }

    /// The table in the file at `url`, read as it streams. The encoding and delimiter are
    /// detected unless given.
    public convenience init(contentsOf url: URL, encoding: CSVEncoding? = nil, delimiter: Character? = nil)
        throws(ImportFailure)
    {
        guard let encoding = encoding ?? CSVEncoding.detect(fileAt: url) else {
            throw ImportFailure([ImportError(row: 1, column: "", value: "", problem: .unknownEncoding)])!
        }
        let delimiter = delimiter ?? Self.detectDelimiter(firstLineOf: Self.start(of: url, in: encoding))
        let scalar = delimiter.unicodeScalars.first!
        let bigEndian = Self.firstBytes(of: url, count: 2) == [0xFE, 0xFF]
        try self.init(encoding: encoding, delimiter: delimiter) {
            switch encoding {
            case .utf8:
                guard let stream = InputStream(url: url) else { throw ImportFailure.unreadable }
                return try CSVReader(stream: stream, codecType: UTF8.self, hasHeaderRow: true, delimiter: scalar)
            case .utf16:
                guard let stream = InputStream(url: url) else { throw ImportFailure.unreadable }
                return try CSVReader(stream: stream, codecType: UTF16.self, endian: bigEndian ? .big : .little,
                                     hasHeaderRow: true, delimiter: scalar)
            case .windows1251:
                guard let stream = Windows1251Stream(reading: url) else { throw ImportFailure.unreadable }
                return try CSVReader(stream: stream, codecType: UTF8.self, hasHeaderRow: true, delimiter: scalar)
            }
        }
    }

    private init(encoding: CSVEncoding, delimiter: Character, makeReader: @escaping () throws -> CSVReader)
        throws(ImportFailure)
    {
        self.encoding = encoding
        self.delimiter = delimiter
        self.makeReader = makeReader
        guard let reader = try? makeReader(), let header = reader.headerRow else { throw ImportFailure.unreadable }
        self.header = Self.cleaned(header)
    }

    private static func cleaned(_ header: [String]) -> [String] {
        header.map { $0.replacingAll("\u{FEFF}", with: "").trimmingWhitespace() }
    }

    public func forEachRow(_ body: (_ row: Int, _ cells: [String]) throws -> Void) throws {
        let reader: CSVReader
        do { reader = try makeReader() } catch { throw ImportFailure.unreadable }
        try body(1, Self.cleaned(reader.headerRow ?? []))
        var row = 1
        while let cells = reader.next() {
            row += 1
            try body(row, cells)
        }
        if Self.stoppedEarly(reader) {
            throw ImportFailure([ImportError(row: row + 1, column: "", value: "", problem: .unreadableFile)])!
        }
    }

    public var formatDescription: String {
        "CSV, \(encoding.rawValue), cells separated by “\(delimiter == "\t" ? "tab" : String(delimiter))”"
    }

    /// CSV.swift ends a file stream by failing to read one more code unit (`cannotReadFile` for
    /// UTF-8, `stringEncodingMismatch` for UTF-16): that is the end of the file, not a fault.
    /// Undecodable text and stream errors are.
    private static func stoppedEarly(_ reader: CSVReader) -> Bool {
        switch reader.error {
        case nil, CSVError.cannotReadFile?, CSVError.stringEncodingMismatch?: false
        default: true
        }
    }

    /// The delimiter that occurs most often outside quotes in the first line (the header); a
    /// comma when none does.
    static func detectDelimiter(firstLineOf text: String) -> Character {
        var counts: [Character: Int] = [:]
        var isQuoted = false
        for character in text {
            if character == "\"" { isQuoted.toggle() }
            if !isQuoted && (character == "\n" || character == "\r\n" || character == "\r") { break }
            if !isQuoted && delimiters.contains(character) { counts[character, default: 0] += 1 }
        }
        let best = delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
        return counts[best, default: 0] > 0 ? best : ","
    }

    /// The first 64 KiB of the file as text, for finding the delimiter.
    private static func start(of url: URL, in encoding: CSVEncoding) -> String {
        var bytes = firstBytes(of: url, count: 1 << 16)
        switch encoding {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .utf16:
            if bytes.count % 2 == 1 { bytes.removeLast() }
            return String(data: Data(bytes), encoding: .utf16) ?? ""
        case .windows1251:
            return String(data: Data(bytes), encoding: .windowsCP1251) ?? ""
        }
    }

    private static func firstBytes(of url: URL, count: Int) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: count)) ?? Data())
    }
}
