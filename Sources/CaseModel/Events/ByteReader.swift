/// Reads the primitives `ByteWriter` writes, straight from the payload's memory, with bounds
/// checks on every read (a damaged or hostile payload throws; it never crashes).
/// Only ever used inside `withUnsafeBytes`: it must not outlive the buffer it reads.
struct ByteReader {
    struct Overrun: Error {}

    private let buffer: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var remaining: Int { buffer.count - position }

    mutating func byte() throws(Overrun) -> UInt8 {
        guard position < buffer.count else { throw Overrun() }
        defer { position += 1 }
        return buffer[position]
    }

    mutating func varint() throws(Overrun) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Overrun() }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(Overrun) -> Int {
        let raw = try varint()
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        return Int(value)
    }

    /// A count or length, bounded by what is left so a huge value cannot force an allocation.
    mutating func count() throws(Overrun) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining) else { throw Overrun() }
        return Int(value)
    }

    /// The next `count` bytes, passed over.
    mutating func skip(_ count: Int) throws(Overrun) -> UnsafeRawBufferPointer {
        guard count <= remaining else { throw Overrun() }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<position + count])
    }

    mutating func string() throws(Overrun) -> String {
        let length = try count()
        let start = position
        position += length
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
    }

    /// A string that is usually a field key or a code: shared when known, decoded otherwise.
    mutating func knownString() throws(Overrun) -> String {
        let length = try count()
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[position..<position + length])
        position += length
        return KnownStrings.lookup(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    mutating func identifier<Tag>() throws(Overrun) -> Identifier<Tag> {
        guard remaining >= 16 else { throw Overrun() }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for offset in 0..<8 { high = high << 8 | UInt64(buffer[position + offset]) }
        for offset in 8..<16 { low = low << 8 | UInt64(buffer[position + offset]) }
        position += 16
        return Identifier(high: high, low: low)
    }

    mutating func date() throws(Overrun) -> CalendarDate {
        let year = try varint()
        let month = try byte()
        let day = try byte()
        guard year <= 9999, let date = CalendarDate(year: Int(year), month: Int(month), day: Int(day)) else {
            throw Overrun()
        }
        return date
    }

    mutating func optionalDate() throws(Overrun) -> CalendarDate? {
        switch try byte() {
        case 0: return nil
        case 1: return try date()
        default: throw Overrun()
        }
    }
}
