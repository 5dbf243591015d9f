import Foundation

/// A minimal POSIX ustar archive of regular files, so that a backup is one file that the standard
/// `tar` restores. Every entry has mode 0600 and the given modification time.
struct TarArchive {
    private(set) var data = Data()
    private static let block = 512

    /// Adds a file. Names are short ASCII (`events.log`, `keys`, `NAME.sealed`).
    mutating func add(name: String, contents: Data, modified: Date) {
        precondition(name.utf8.count < 100 && name.allSatisfy(\.isASCII), "tar names here are short ASCII")
        var header = [UInt8](repeating: 0, count: Self.block)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: width - 1 - digits.count) + digits
        }
        put(name, at: 0)
        put(octal(0o600, width: 8), at: 100)
        put(octal(Int(getuid()), width: 8), at: 108)
        put(octal(Int(getgid()), width: 8), at: 116)
        put(octal(contents.count, width: 12), at: 124)
        put(octal(Int(modified.timeIntervalSince1970), width: 12), at: 136)
        put("        ", at: 148)  // the checksum counts its own field as spaces
        put("0", at: 156)         // regular file
        put("ustar", at: 257)     // "ustar\0" then version "00"
        put("00", at: 263)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7), at: 148)
        header[154] = 0
        data.append(contentsOf: header)
        data.append(contents)
        data.append(Data(count: padding(contents.count)))
    }

    /// The archive with its end marker: two zero blocks.
    var finished: Data { data + Data(count: 2 * Self.block) }

    private func padding(_ size: Int) -> Int { (Self.block - size % Self.block) % Self.block }
}
