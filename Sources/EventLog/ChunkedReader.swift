/// Reads a file front to back through one reusable chunk, so memory stays bounded by the chunk
/// plus the largest frame whatever the file size.
struct ChunkedReader {
    static let chunkSize = 1 << 20

    let file: any OpenFile
    /// Bytes at or past `limit` are never read (the size when the read began).
    let limit: UInt64
    /// How much one read of the file fetches at least (smaller for random access).
    let chunkSize: Int
    private var chunk: [UInt8] = []
    private var chunkStart: UInt64 = 0

    init(file: any OpenFile, limit: UInt64, chunkSize: Int = Self.chunkSize) {
        self.file = file
        self.limit = limit
        self.chunkSize = chunkSize
    }

    /// Exactly `count` bytes at `offset`, or nil if they are not all before `limit`.
    mutating func bytes(at offset: UInt64, count: Int) throws(FileSystemError) -> ArraySlice<UInt8>? {
        guard count >= 0, offset <= limit, UInt64(count) <= limit - offset else { return nil }
        if offset >= chunkStart, offset + UInt64(count) <= chunkStart + UInt64(chunk.count) {
            let start = Int(offset - chunkStart)
            return chunk[start..<start + count]
        }
        let wanted = Int(min(UInt64(max(count, chunkSize)), limit - offset))
        chunk = []  // release the old chunk before reading the next
        chunk = try file.read(at: offset, count: wanted)
        chunkStart = offset
        guard chunk.count >= count else { return nil }
        return chunk[0..<count]
    }
}
