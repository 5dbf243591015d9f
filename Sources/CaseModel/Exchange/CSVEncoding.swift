import Foundation

/// The text encodings spreadsheets save CSV in, and how to tell them apart from the bytes.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1251 = "windows-1251"

    /// What the bytes are: a byte-order mark decides; otherwise text that is valid UTF-8 is UTF-8,
    /// and text that is not but whose high bytes are mostly Cyrillic letters of Windows-1251
    /// (0xC0–0xFF: А–я) following one another, as in Russian or Kazakh words, is Windows-1251 —
    /// what a Russian-locale Excel writes as "CSV". (A Latin-1 file's accented letters stand alone
    /// between ASCII letters.) Nil when neither fits (then `--encoding` decides). Reads the file
    /// in chunks; memory stays bounded.
    public static func detect(fileAt url: URL) -> CSVEncoding? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var validator = UTF8Validator()
        var highBytes = 0, cyrillicInWords = 0
        var previous: UInt8 = 0
        var isFirstChunk = true
        while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            if isFirstChunk {
                isFirstChunk = false
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
                if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { return .utf16 }
            }
            for byte in chunk {
                if byte >= 0x80 { highBytes += 1 }
                if byte >= 0xC0 && previous >= 0xC0 { cyrillicInWords += 1 }
                previous = byte
            }
            validator.feed(chunk)
        }
        if validator.isValid && validator.isComplete { return .utf8 }
        return cyrillicInWords * 2 >= highBytes ? .windows1251 : nil
    }
}

/// Checks UTF-8 well-formedness across chunk boundaries.
struct UTF8Validator {
    private var pending: [UInt8] = []
    private(set) var isValid = true

    mutating func feed(_ chunk: Data) {
        guard isValid else { return }
        var bytes = pending + chunk
        // Hold back an incomplete sequence at the end for the next chunk.
        var cut = bytes.count
        var back = 0
        while back < 3, cut - back - 1 >= 0, bytes[cut - back - 1] & 0xC0 == 0x80 { back += 1 }
        if cut - back - 1 >= 0 {
            let lead = bytes[cut - back - 1]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if length > back + 1 { cut = cut - back - 1 }
        }
        pending = Array(bytes[cut...])
        bytes.removeSubrange(cut...)
        if String(validating: bytes, as: UTF8.self) == nil { isValid = false }
    }

    var isComplete: Bool { pending.isEmpty }
}
