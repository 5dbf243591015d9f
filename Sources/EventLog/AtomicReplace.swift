/// Replaces a small file so that a crash at any step leaves either the old or the new content:
/// write a temporary file, sync it, rename it over the old one, sync the directory.
enum AtomicReplace {
    static let temporarySuffix = ".tmp"
    static func temporaryPath(for path: String) -> String { path + temporarySuffix }

    static func write(_ bytes: [UInt8], to path: String, in fileSystem: any FileSystem) throws(FileSystemError) {
        try write(to: path, in: fileSystem) { file throws(FileSystemError) in try file.write(bytes, at: 0) }
    }

    /// Replaces `path` by what `body` writes into the new file (for contents too large to hold
    /// twice, written piece by piece).
    static func write(to path: String, in fileSystem: any FileSystem,
                      _ body: (any OpenFile) throws(FileSystemError) -> Void) throws(FileSystemError) {
        let temporary = temporaryPath(for: path)
        let file = try fileSystem.open(temporary, mode: .createOrTruncate)
        do {
            try body(file)
            try file.sync()
            file.close()
        } catch {
            file.close()
            try? fileSystem.remove(temporary)
            throw error
        }
        try fileSystem.rename(temporary, to: path)
        try fileSystem.syncDirectory(parentDirectory(of: path))
    }

    /// Reads a whole small file, refusing anything larger than `limit` before allocating.
    static func read(_ path: String, in fileSystem: any FileSystem, limit: Int) throws(FileSystemError) -> [UInt8]? {
        let file = try fileSystem.open(path, mode: .read)
        defer { file.close() }
        let size = try file.size()
        guard size <= UInt64(limit) else { return nil }
        return try file.read(at: 0, count: Int(size))
    }
}
