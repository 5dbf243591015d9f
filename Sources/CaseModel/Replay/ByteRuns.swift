import Foundation

/// Runs of bytes kept end to end in one buffer: one allocation for all of them, where an array of
/// arrays costs an allocation and a header per run. The snapshot's cases and event references are
/// read into these as they are and decoded one run at a time, when asked for.
struct ByteRuns: Sendable {
    /// May be a slice of the decrypted snapshot (`init(reading:sharing:)`): its indices then start
    /// where the slice does, which `starts` does not count.
    private var storage = Data()
    /// Where each run starts in `storage`, and where the last one ends (count + 1 entries).
    private var starts: [Int] = [0]

    init() {}

    var count: Int { starts.count - 1 }

    /// Reads run `index` (its bytes only, without its length).
    func withRun<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
        }
    }

    mutating func append(_ run: [UInt8]) {
        storage.append(contentsOf: run)
        starts.append(storage.count)
    }

    /// Appends run `index` of `other` as it is.
    mutating func append(_ index: Int, of other: ByteRuns) {
        let base = other.storage.startIndex
        storage.append(contentsOf: other.storage[base + other.starts[index]..<base + other.starts[index + 1]])
        starts.append(storage.count)
    }

    /// The form the snapshot keeps runs in, lengths first so that the bytes after them are taken
    /// in one piece: count varint | count × length varint | the runs joined. With `source`, the
    /// bytes `reader` reads (from its start), the runs stay in it instead of being copied out: the
    /// open then never holds the decrypted snapshot and a copy of its cases at once.
    init(reading reader: inout ByteReader, sharing source: Data? = nil) throws {
        let count = try reader.count()
        starts.reserveCapacity(count + 1)
        var end = 0
        for _ in 0..<count {
            end += try reader.count()
            starts.append(end)
        }
        let offset = reader.position
        let bytes = try reader.skip(end)
        if let source, source.count >= offset + end {
            storage = source[source.startIndex + offset..<source.startIndex + offset + end]
        } else {
            storage = Data(bytes)
        }
    }

    /// Writes the runs in the form `init(reading:)` reads.
    func write(to out: inout ByteWriter) {
        out.varint(UInt64(count))
        for index in 0..<count { out.varint(UInt64(starts[index + 1] - starts[index])) }
        out.bytes.append(contentsOf: storage)
    }
}
