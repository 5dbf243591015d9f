import Foundation

/// A compact binary form of `Codable` values for the parts of the snapshot of replayed state that
/// are few or rarely filled — the organisation's state and each case's work after intake (see
/// `CaseStore+Snapshot.swift`; the cases themselves are written by hand, `CaseRecordCoder`): the
/// compiler's synthesized conformances say what to write, so a property added to those types is
/// written without anyone remembering to, and one whose type cannot be written fails the build
/// instead of being left out.
///
/// Values are written in the order the conformance asks for them, without keys: integers as
/// (zigzag) varints, strings as length and UTF-8, an optional property as a presence byte, a
/// sequence as a count and its elements. The one key written is an enumeration's case name
/// (synthesized enums find their case by asking for the container's keys).
enum SnapshotCoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = BinaryEncoder()
        try value.encode(to: encoder)
        return encoder.storage.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let storage = DecodingStorage(bytes)
        let value = try T(from: BinaryDecoder(storage))
        guard storage.position == bytes.count else { throw SnapshotDecodingError.trailingBytes }
        return value
    }
}

struct SnapshotDecodingError: Error {
    static let overrun = SnapshotDecodingError()
    static let trailingBytes = SnapshotDecodingError()
    static let badValue = SnapshotDecodingError()
}

// MARK: - Writing

final class EncodingStorage {
    var bytes: [UInt8] = []

    func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
}

private struct BinaryEncoder: Encoder {
    let storage: EncodingStorage
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ storage: EncodingStorage = EncodingStorage()) { self.storage = storage }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(storage: storage) }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueWriter(storage: storage) }
}

/// Writes one value of any kind: the primitives directly, anything else through its conformance.
private struct ValueWriter: SingleValueEncodingContainer {
    let storage: EncodingStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { storage.bytes.append(0) }
    mutating func encode(_ value: Bool) throws { storage.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: String) throws { storage.string(value) }
    mutating func encode(_ value: Double) throws { storage.varint(value.bitPattern) }
    mutating func encode(_ value: Float) throws { storage.varint(UInt64(value.bitPattern)) }
    mutating func encode(_ value: Int) throws { storage.signed(Int64(value)) }
    mutating func encode(_ value: Int8) throws { storage.signed(Int64(value)) }
    mutating func encode(_ value: Int16) throws { storage.signed(Int64(value)) }
    mutating func encode(_ value: Int32) throws { storage.signed(Int64(value)) }
    mutating func encode(_ value: Int64) throws { storage.signed(value) }
    mutating func encode(_ value: UInt) throws { storage.varint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { storage.varint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { storage.varint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { storage.varint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { storage.varint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: BinaryEncoder(storage)) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: EncodingStorage
    var codingPath: [any CodingKey] { [] }
    private var value: ValueWriter { ValueWriter(storage: storage) }

    init(storage: EncodingStorage) { self.storage = storage }

    mutating func encodeNil(forKey key: Key) throws { storage.bytes.append(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var writer = self.value; try writer.encode(value) }

    // An optional property: a presence byte, then the value.
    private mutating func present<T: Encodable>(_ value: T?) throws {
        guard let value else { storage.bytes.append(0); return }
        storage.bytes.append(1)
        var writer = self.value
        try writer.encode(value)
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value) }

    // Only a synthesized enumeration asks for nested containers: its case name goes first.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        storage.string(key.stringValue)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(storage: storage))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        storage.string(key.stringValue)
        return UnkeyedWriter(storage: storage)
    }

    mutating func superEncoder() -> any Encoder { BinaryEncoder(storage) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { BinaryEncoder(storage) }
}

/// A sequence: a fixed 4-byte count, kept up to date as elements are written (an encoder is never
/// told that a sequence ended).
private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let storage: EncodingStorage
    private let countAt: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(storage: EncodingStorage) {
        self.storage = storage
        countAt = storage.bytes.count
        storage.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private mutating func counted(_ write: (inout ValueWriter) throws -> Void) rethrows {
        var writer = ValueWriter(storage: storage)
        try write(&writer)
        count += 1
        withUnsafeBytes(of: UInt32(count).littleEndian) { storage.bytes.replaceSubrange(countAt..<countAt + 4, with: $0) }
    }

    mutating func encodeNil() throws { try counted { try $0.encodeNil() } }
    mutating func encode(_ value: Bool) throws { try counted { try $0.encode(value) } }
    mutating func encode(_ value: String) throws { try counted { try $0.encode(value) } }
    mutating func encode(_ value: Int) throws { try counted { try $0.encode(value) } }
    mutating func encode(_ value: UInt64) throws { try counted { try $0.encode(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try counted { try $0.encode(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted { _ in }
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(storage: storage))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        counted { _ in }
        return UnkeyedWriter(storage: storage)
    }

    mutating func superEncoder() -> any Encoder {
        counted { _ in }
        return BinaryEncoder(storage)
    }
}

// MARK: - Reading

final class DecodingStorage {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func byte() throws -> UInt8 {
        guard position < bytes.count else { throw SnapshotDecodingError.overrun }
        defer { position += 1 }
        return bytes[position]
    }

    func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw SnapshotDecodingError.badValue }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    func signed() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    func string() throws -> String {
        let count = try varint()
        guard count <= UInt64(bytes.count - position) else { throw SnapshotDecodingError.overrun }
        defer { position += Int(count) }
        return String(decoding: bytes[position..<position + Int(count)], as: UTF8.self)
    }

    func fixedCount() throws -> Int {
        guard bytes.count - position >= 4 else { throw SnapshotDecodingError.overrun }
        defer { position += 4 }
        return Int(UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
            | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24)
    }

    func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let value = T.isSigned ? T(exactly: try signed()) : T(exactly: try varint())
        guard let value else { throw SnapshotDecodingError.badValue }
        return value
    }
}

private struct BinaryDecoder: Decoder {
    let storage: DecodingStorage
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ storage: DecodingStorage) { self.storage = storage }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(storage: storage))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(storage: storage) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueReader(storage: storage) }
}

private struct ValueReader: SingleValueDecodingContainer {
    let storage: DecodingStorage
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool {
        switch try storage.byte() {
        case 0: return false
        case 1: return true
        default: throw SnapshotDecodingError.badValue
        }
    }
    func decode(_ type: String.Type) throws -> String { try storage.string() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try storage.varint()) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try storage.integer(UInt32.self)) }
    func decode(_ type: Int.Type) throws -> Int { try storage.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try storage.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try storage.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try storage.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try storage.signed() }
    func decode(_ type: UInt.Type) throws -> UInt { try storage.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try storage.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try storage.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try storage.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try storage.varint() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: BinaryDecoder(storage)) }
}

private final class KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let storage: DecodingStorage
    var codingPath: [any CodingKey] { [] }
    /// An enumeration's case name, once read by `allKeys`.
    private var caseKey: Key?
    private var value: ValueReader { ValueReader(storage: storage) }

    init(storage: DecodingStorage) { self.storage = storage }

    var allKeys: [Key] {
        if caseKey == nil, let name = try? storage.string() { caseKey = Key(stringValue: name) }
        return caseKey.map { [$0] } ?? []
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { try storage.byte() == 0 }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value.decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value.decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value.decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value.decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value.decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value.decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value.decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value.decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value.decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value.decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value.decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value.decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value.decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value.decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value.decode(type) }

    private func present<T: Decodable>(_ type: T.Type) throws -> T? {
        switch try storage.byte() {
        case 0: return nil
        case 1: return try value.decode(type)
        default: throw SnapshotDecodingError.badValue
        }
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(type) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(type) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(type) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(type) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(type) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(type) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(type) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(type) }

    /// The case name was read by `allKeys` (a synthesized enumeration asks for it first); if not, here.
    private func skipCaseName() throws {
        if caseKey == nil { _ = try storage.string() }
        caseKey = nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try skipCaseName()
        return KeyedDecodingContainer(KeyedReader<NestedKey>(storage: storage))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try skipCaseName()
        return try UnkeyedReader(storage: storage)
    }

    func superDecoder() throws -> any Decoder { BinaryDecoder(storage) }
    func superDecoder(forKey key: Key) throws -> any Decoder { BinaryDecoder(storage) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let storage: DecodingStorage
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(storage: DecodingStorage) throws {
        self.storage = storage
        let count = try storage.fixedCount()
        guard count <= storage.bytes.count - storage.position else { throw SnapshotDecodingError.overrun }
        self.count = count
    }

    private mutating func next<T>(_ read: (ValueReader) throws -> T) throws -> T {
        guard !isAtEnd else { throw SnapshotDecodingError.overrun }
        currentIndex += 1
        return try read(ValueReader(storage: storage))
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let storage = self.storage
        return try next { _ in KeyedDecodingContainer(KeyedReader<NestedKey>(storage: storage)) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let storage = self.storage
        return try next { _ in try UnkeyedReader(storage: storage) }
    }

    mutating func superDecoder() throws -> any Decoder {
        let storage = self.storage
        return try next { _ in BinaryDecoder(storage) }
    }
}
