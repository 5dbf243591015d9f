import Synchronization

/// A file held in memory: what the fuzz entry point reads, and a building block for tests.
final class MemoryFile: OpenFile {
    private let contents: Mutex<[UInt8]>

    init(_ bytes: [UInt8] = []) { contents = Mutex(bytes) }

    func size() throws(FileSystemError) -> UInt64 { UInt64(contents.withLock { $0.count }) }

    func read(at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8] {
        contents.withLock { bytes in
            guard offset < UInt64(bytes.count), count > 0 else { return [] }
            let start = Int(offset)
            return Array(bytes[start..<min(bytes.count, start + count)])
        }
    }

    func write(_ newBytes: [UInt8], at offset: UInt64) throws(FileSystemError) {
        contents.withLock { bytes in
            let start = Int(offset)
            if bytes.count < start + newBytes.count { bytes += [UInt8](repeating: 0, count: start + newBytes.count - bytes.count) }
            bytes.replaceSubrange(start..<start + newBytes.count, with: newBytes)
        }
    }

    func truncate(to size: UInt64) throws(FileSystemError) {
        contents.withLock { bytes in
            if bytes.count > Int(size) { bytes.removeSubrange(Int(size)...) }
            else { bytes += [UInt8](repeating: 0, count: Int(size) - bytes.count) }
        }
    }

    func sync() throws(FileSystemError) {}
    func close() {}
}
