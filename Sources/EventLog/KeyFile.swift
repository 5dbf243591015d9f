/// The key file's byte format (version 2): one slot per user, the data keys retired so far, and a
/// MAC under the data key over everything before it.
///
///     "REFUGKEY" | version u16 | slotCount u16 | keysetID[16] | generation u64
///     | historySize u32 | sealedHistory[historySize] | slot * slotCount | mac[32]
///
/// Every slot has the same size and a random id, so the file reveals the number of users and
/// nothing about names. Only a holder of the data key can make a file whose MAC verifies, and the
/// log records each generation's digest (see `KeyFileRecord`), so a file changed, replaced by an
/// older copy or stripped of a slot outside Refuge is refused.
///
/// Version 1 (still read, upgraded on the first unlock that can write) had no generation, history
/// or MAC — only a CRC-32C — and slots tagged with an unkeyed hash of the user name.
struct KeyFile: Equatable {
    static let magic: [UInt8] = Array("REFUGKEY".utf8)
    static let version: UInt16 = 2
    static let macSize = 32
    /// Bounds the read of a key file before allocating.
    static let maxSize = 64 << 10
    static let maxSlots = 100
    static let maxHistorySize = 16 << 10

    var keysetID: [UInt8]
    /// 1 for a new log; one more for every change of the file. 0: a file of version 1.
    var generation: UInt64
    /// The retired data keys, sealed under the current one (`Keyring.sealHistory`); empty when
    /// the data key never changed.
    var sealedHistory: [UInt8]
    var slots: [KeySlot]
    /// `Keyring.mac(of:)` of `authenticatedBytes()`; empty for a file of version 1.
    var mac: [UInt8]

    var isVersion1: Bool { generation == 0 }

    func authenticatedBytes() -> [UInt8] {
        var writer = ByteWriter(capacity: 40 + sealedHistory.count + slots.count * KeySlot.size)
        writer.append(Self.magic)
        writer.append(Self.version)
        writer.append(UInt16(slots.count))
        writer.append(keysetID)
        writer.append(generation)
        writer.append(UInt32(sealedHistory.count))
        writer.append(sealedHistory)
        for slot in slots { slot.encode(into: &writer) }
        return writer.bytes
    }

    func encoded() -> [UInt8] { authenticatedBytes() + mac }

    enum DecodeError: Error, Equatable { case notAKeyFile, unsupportedVersion(UInt16), damaged }

    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> KeyFile {
        guard bytes.count >= 12, Array(bytes.prefix(8)) == magic else { throw .notAKeyFile }
        let version = UInt16.littleEndian(from: bytes[8..<10])
        switch version {
        case 1: return try decodeVersion1(bytes)
        case 2: break
        default: throw .unsupportedVersion(version)
        }
        guard bytes.count >= 10 + 2 + 16 + 8 + 4 + macSize else { throw .damaged }
        var reader = ByteReader(bytes[10..<(bytes.count - macSize)])
        guard let count = reader.readUInt16(), Int(count) <= maxSlots, let keysetID = reader.read(count: 16),
              let generation = reader.readUInt64(), generation > 0,
              let historySize = reader.readUInt32(), Int(historySize) <= maxHistorySize,
              let history = reader.read(count: Int(historySize)),
              reader.remaining == Int(count) * KeySlot.size else { throw .damaged }
        var slots: [KeySlot] = []
        for _ in 0..<count {
            guard let slot = KeySlot.decode(from: &reader) else { throw .damaged }
            slots.append(slot)
        }
        return KeyFile(keysetID: Array(keysetID), generation: generation, sealedHistory: Array(history), slots: slots,
                       mac: Array(bytes.suffix(macSize)))
    }

    /// Version 1: `"REFUGKEY" | 1 u16 | slotCount u16 | keysetID[16] | v1 slot * slotCount | crc32c u32`.
    private static func decodeVersion1(_ bytes: [UInt8]) throws(DecodeError) -> KeyFile {
        guard bytes.count >= 32 else { throw .damaged }
        let body = bytes[0..<(bytes.count - 4)]
        guard CRC32C.checksum(body) == UInt32.littleEndian(from: bytes[(bytes.count - 4)...]) else { throw .damaged }
        var reader = ByteReader(body.dropFirst(10))
        guard let count = reader.readUInt16(), let keysetID = reader.read(count: 16),
              reader.remaining == Int(count) * KeySlot.version1Size else { throw .damaged }
        var slots: [KeySlot] = []
        for _ in 0..<count {
            guard let slot = KeySlot.decodeVersion1(from: &reader) else { throw .damaged }
            slots.append(slot)
        }
        return KeyFile(keysetID: Array(keysetID), generation: 0, sealedHistory: [], slots: slots, mac: [])
    }
}

/// One user's slot.
///
///     slotID[32] | kind u8 | kdf u8 (1 = scrypt) | logN u8 | r u32 | p u32 | salt[32]
///     | wrapped[60]       (nonce, sealed 32-byte secret, tag; under scrypt(passphrase))
///     | publicKey[32] | ephemeralKey[32]
///     | sealedDataKey[60] (nonce, sealed data key, tag; under X25519(ephemeral, publicKey))
///     | sealedName[156]   (nonce, sealed 128-byte padded name, tag; under the data key)
///
/// Kind 2: the passphrase wraps the user's X25519 private key, and the data key is sealed to the
/// public key, so a coordinator can hand every remaining user a new data key without knowing
/// their passphrases (when a user is disabled). Kind 1: a slot of key file version 1, whose
/// passphrase wraps the data key itself and whose id is the unkeyed hash of the user name; it is
/// replaced by a slot of kind 2 when its user next unlocks for writing.
struct KeySlot: Equatable {
    static let idSize = 32
    static let saltSize = 32
    static let wrappedSize = 12 + 32 + 16
    static let publicKeySize = 32
    static let nameCapacity = 128
    static let sealedNameSize = 12 + nameCapacity + 16
    static let size = idSize + 1 + 1 + 1 + 4 + 4 + saltSize + wrappedSize + 2 * publicKeySize + wrappedSize + sealedNameSize
    static let version1Size = idSize + 1 + 1 + 4 + 4 + saltSize + wrappedSize + sealedNameSize
    static let scryptAlgorithm: UInt8 = 1

    enum Kind: UInt8 { case passphraseWrapsDataKey = 1, publicKey = 2 }

    var id: [UInt8]
    var kind: Kind
    var kdf: KDFParameters
    var salt: [UInt8]
    /// The data key (kind 1) or the X25519 private key (kind 2), sealed under scrypt(passphrase).
    var wrapped: [UInt8]
    var publicKey: [UInt8] = Array(repeating: 0, count: publicKeySize)
    var ephemeralKey: [UInt8] = Array(repeating: 0, count: publicKeySize)
    var sealedDataKey: [UInt8] = Array(repeating: 0, count: wrappedSize)
    var sealedName: [UInt8]

    func encode(into writer: inout ByteWriter) {
        writer.append(id)
        writer.append(kind.rawValue)
        writer.append(Self.scryptAlgorithm)
        writer.append(kdf.logN)
        writer.append(kdf.r)
        writer.append(kdf.p)
        writer.append(salt)
        writer.append(wrapped)
        writer.append(publicKey)
        writer.append(ephemeralKey)
        writer.append(sealedDataKey)
        writer.append(sealedName)
    }

    static func decode(from reader: inout ByteReader) -> KeySlot? {
        guard let id = reader.read(count: idSize),
              let kind = reader.readUInt8().flatMap(Kind.init(rawValue:)),
              reader.readUInt8() == scryptAlgorithm,
              let logN = reader.readUInt8(), let r = reader.readUInt32(), let p = reader.readUInt32(),
              let salt = reader.read(count: saltSize),
              let wrapped = reader.read(count: wrappedSize),
              let publicKey = reader.read(count: publicKeySize),
              let ephemeralKey = reader.read(count: publicKeySize),
              let sealedDataKey = reader.read(count: wrappedSize),
              let name = reader.read(count: sealedNameSize) else { return nil }
        return KeySlot(id: Array(id), kind: kind, kdf: KDFParameters(logN: logN, r: r, p: p), salt: Array(salt),
                       wrapped: Array(wrapped), publicKey: Array(publicKey), ephemeralKey: Array(ephemeralKey),
                       sealedDataKey: Array(sealedDataKey), sealedName: Array(name))
    }

    /// `userTag[32] | kdf u8 | logN u8 | r u32 | p u32 | salt[32] | wrappedKey[60] | sealedName[156]`.
    static func decodeVersion1(from reader: inout ByteReader) -> KeySlot? {
        guard let tag = reader.read(count: idSize),
              reader.readUInt8() == scryptAlgorithm,
              let logN = reader.readUInt8(), let r = reader.readUInt32(), let p = reader.readUInt32(),
              let salt = reader.read(count: saltSize),
              let wrapped = reader.read(count: wrappedSize),
              let name = reader.read(count: sealedNameSize) else { return nil }
        return KeySlot(id: Array(tag), kind: .passphraseWrapsDataKey, kdf: KDFParameters(logN: logN, r: r, p: p),
                       salt: Array(salt), wrapped: Array(wrapped), sealedName: Array(name))
    }
}
