/// Little-endian building of the on-disk structures.
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func append<Bytes: Sequence<UInt8>>(_ other: Bytes) { bytes.append(contentsOf: other) }
    mutating func append(_ value: UInt8) { bytes.append(value) }
    mutating func append(_ value: UInt16) { appendLittleEndian(value) }
    mutating func append(_ value: UInt32) { appendLittleEndian(value) }
    mutating func append(_ value: UInt64) { appendLittleEndian(value) }
    mutating func appendZeros(_ count: Int) { bytes.append(contentsOf: repeatElement(0, count: count)) }

    private mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }
}

/// Bounds-checked little-endian parsing: every read returns nil instead of trapping past the end,
/// so hostile input can never crash a reader. Generic so that a large plaintext held in `Data`
/// (a snapshot's) is parsed where it lies, without a copy into an array.
struct LittleEndianReader<Bytes: RandomAccessCollection<UInt8>> where Bytes.Index == Int, Bytes.SubSequence == Bytes {
    private let bytes: Bytes
    private(set) var position: Int

    init(_ bytes: Bytes) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - position }

    mutating func read(count: Int) -> Bytes? {
        guard count >= 0, remaining >= count else { return nil }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func readUInt8() -> UInt8? { read(count: 1)?.first }
    mutating func readUInt16() -> UInt16? { readLittleEndian() }
    mutating func readUInt32() -> UInt32? { readLittleEndian() }
    mutating func readUInt64() -> UInt64? { readLittleEndian() }

    private mutating func readLittleEndian<T: FixedWidthInteger>() -> T? {
        read(count: MemoryLayout<T>.size).map(T.littleEndian(from:))
    }
}

/// The reader of the on-disk structures held in arrays.
typealias ByteReader = LittleEndianReader<ArraySlice<UInt8>>

extension LittleEndianReader where Bytes == ArraySlice<UInt8> {
    init(_ bytes: [UInt8]) { self.init(bytes[...]) }
}

extension FixedWidthInteger {
    /// The value read little-endian from the first `MemoryLayout<Self>.size` bytes of `bytes`.
    static func littleEndian(from bytes: some Collection<UInt8>) -> Self {
        var value: Self = 0
        var shift = 0
        for byte in bytes.prefix(MemoryLayout<Self>.size) {
            value |= Self(byte) << shift
            shift += 8
        }
        return value
    }
}
