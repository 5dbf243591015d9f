/// Appends the primitives of the event encoding: bytes, LEB128 varints, length-prefixed strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Unsigned LEB128: 7 bits per byte, high bit set on all but the last byte.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Signed integers are zigzag-mapped first so small negatives stay short.
    mutating func signed(_ value: Int) {
        let wide = Int64(value)
        varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func identifier<Tag>(_ id: Identifier<Tag>) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: id.high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: id.low >> UInt64(shift))) }
    }

    mutating func date(_ date: CalendarDate) {
        varint(UInt64(date.year))
        byte(UInt8(date.month))
        byte(UInt8(date.day))
    }

    mutating func optionalDate(_ date: CalendarDate?) {
        if let date {
            byte(1)
            self.date(date)
        } else {
            byte(0)
        }
    }
}
