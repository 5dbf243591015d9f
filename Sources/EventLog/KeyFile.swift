/// The key file's byte format: one slot per user, each holding the data key sealed under a key
/// derived from that user's passphrase (the LUKS key-slot pattern).
///
///     "REFUGKEY" | version u16 | slotCount u16 | keysetID[16] | slot * slotCount | crc32c u32
///
/// Every slot has the same size, so the file reveals the number of users and nothing about names.
struct KeyFile: Equatable {
    static let magic: [UInt8] = Array("REFUGKEY".utf8)
    static let version: UInt16 = 1
    static let fixedSize = 8 + 2 + 2 + 16 + 4
    /// Bounds the read of a key file before allocating.
    static let maxSize = 64 << 10
    static let maxSlots = (maxSize - fixedSize) / KeySlot.size

    var keysetID: [UInt8]
    var slots: [KeySlot]

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: Self.fixedSize + slots.count * KeySlot.size)
        writer.append(Self.magic)
        writer.append(Self.version)
        writer.append(UInt16(slots.count))
        writer.append(keysetID)
        for slot in slots { slot.encode(into: &writer) }
        writer.append(CRC32C.checksum(writer.bytes))
        return writer.bytes
    }

    enum DecodeError: Error, Equatable { case notAKeyFile, unsupportedVersion(UInt16), damaged }

    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> KeyFile {
        guard bytes.count >= fixedSize, Array(bytes.prefix(8)) == magic else { throw .notAKeyFile }
        // A newer format may lay the file out differently: its version is believed before its checksum.
        let storedVersion = UInt16.littleEndian(from: bytes[8..<10])
        guard storedVersion <= Self.version else { throw .unsupportedVersion(storedVersion) }
        let body = bytes[0..<(bytes.count - 4)]
        guard CRC32C.checksum(body) == UInt32.littleEndian(from: bytes[(bytes.count - 4)...]) else { throw .damaged }
        var reader = ByteReader(body)
        _ = reader.read(count: 8)
        guard let version = reader.readUInt16(), version == Self.version else {
            throw .unsupportedVersion(UInt16.littleEndian(from: bytes[8..<10]))
        }
        guard let count = reader.readUInt16(), let keysetID = reader.read(count: 16),
              reader.remaining == Int(count) * KeySlot.size else { throw .damaged }
        var slots: [KeySlot] = []
        for _ in 0..<count {
            guard let slot = KeySlot.decode(from: &reader) else { throw .damaged }
            slots.append(slot)
        }
        return KeyFile(keysetID: Array(keysetID), slots: slots)
    }
}

/// One user's slot.
///
///     userTag[32] | kdf u8 (1 = scrypt) | logN u8 | r u32 | p u32 | salt[32]
///     | wrappedKey[60]  (nonce, sealed 32-byte data key, tag; under scrypt(passphrase))
///     | sealedName[156] (nonce, sealed 128-byte padded name, tag; under the data key)
struct KeySlot: Equatable {
    static let tagSize = 32
    static let saltSize = 32
    static let wrappedKeySize = 12 + 32 + 16
    static let nameCapacity = 128
    static let sealedNameSize = 12 + nameCapacity + 16
    static let size = tagSize + 1 + 1 + 4 + 4 + saltSize + wrappedKeySize + sealedNameSize
    static let scryptAlgorithm: UInt8 = 1

    /// SHA-256 of the user name (with the key set id): finds a user's slot without storing the name.
    var userTag: [UInt8]
    var kdf: KDFParameters
    var salt: [UInt8]
    var wrappedKey: [UInt8]
    var sealedName: [UInt8]

    func encode(into writer: inout ByteWriter) {
        writer.append(userTag)
        writer.append(Self.scryptAlgorithm)
        writer.append(kdf.logN)
        writer.append(kdf.r)
        writer.append(kdf.p)
        writer.append(salt)
        writer.append(wrappedKey)
        writer.append(sealedName)
    }

    static func decode(from reader: inout ByteReader) -> KeySlot? {
        guard let tag = reader.read(count: tagSize),
              reader.readUInt8() == scryptAlgorithm,
              let logN = reader.readUInt8(), let r = reader.readUInt32(), let p = reader.readUInt32(),
              let salt = reader.read(count: saltSize),
              let wrapped = reader.read(count: wrappedKeySize),
              let name = reader.read(count: sealedNameSize) else { return nil }
        return KeySlot(userTag: Array(tag), kdf: KDFParameters(logN: logN, r: r, p: p),
                       salt: Array(salt), wrappedKey: Array(wrapped), sealedName: Array(name))
    }
}
