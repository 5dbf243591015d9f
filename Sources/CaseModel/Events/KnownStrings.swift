/// The strings events repeat millions of times (field keys, codes, country codes), shared instead
/// of allocated anew on every decode: decoding a field key or a code becomes a hash and a compare.
enum KnownStrings {
    private struct Entry: Sendable {
        let bytes: [UInt8]
        let string: String
    }

    private struct Table: Sendable {
        let entries: [Entry]
        /// Open addressing; -1 is empty.
        let slots: [Int32]
        let mask: Int
    }

    private static let table: Table = {
        var strings = IntakeSchema.standard.fields.map(\.key.rawValue)
        strings += CodeLists.all.flatMap { $0.codes.map(\.code) }
        strings += Countries.codes
        let entries = Array(Set(strings)).sorted().map { Entry(bytes: Array($0.utf8), string: $0) }
        var size = 1
        while size < entries.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, entry) in entries.enumerated() {
            var slot = entry.bytes.withUnsafeBytes { hash($0) } & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index)
        }
        return Table(entries: entries, slots: slots, mask: size - 1)
    }()

    /// FNV-1a: short keys, no need for a keyed hash (the table is fixed and not attacker-chosen).
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    /// The shared string for these UTF-8 bytes, or nil when they are not a known string.
    static func lookup(_ bytes: UnsafeRawBufferPointer) -> String? {
        let table = self.table
        var slot = hash(bytes) & table.mask
        while true {
            let index = Int(table.slots[slot])
            if index < 0 { return nil }
            let entry = table.entries[index]
            if entry.bytes.count == bytes.count && entry.bytes.elementsEqual(bytes) { return entry.string }
            slot = (slot + 1) & table.mask
        }
    }
}
