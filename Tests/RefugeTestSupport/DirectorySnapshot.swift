import Foundation

/// Every file of a directory with its bytes and modification time, to prove nothing changed.
public struct DirectorySnapshot: Equatable {
    public struct Entry: Equatable {
        public var bytes: [UInt8]
        public var modified: timespec
        public static func == (a: Entry, b: Entry) -> Bool {
            a.bytes == b.bytes && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }
    public var entries: [String: Entry]

    public init(_ directory: URL) throws {
        entries = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            stat(path, &info)
            entries[name] = Entry(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), modified: info.st_mtim)
        }
    }
}
