import Crypto
import Foundation

/// The cryptography of key slots: deriving passphrase keys, wrapping and unwrapping the data key,
/// sealing user names. Knows nothing about files.
enum Keyring {
    /// User names are compared in Unicode NFC so that the same name typed on another keyboard
    /// layout still finds its slot.
    static func normalized(_ name: String) -> String { name.precomposedStringWithCanonicalMapping }

    static func isValidUserName(_ name: String) -> Bool {
        let bytes = normalized(name).utf8.count
        return bytes > 0 && bytes < KeySlot.nameCapacity
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    static func userTag(for name: String, keysetID: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array("RFGUSER1".utf8))
        hasher.update(data: keysetID)
        hasher.update(data: Array(normalized(name).utf8))
        return Array(hasher.finalize())
    }

    static func makeSlot(user: String, passphrase: String, kdf: KDFParameters,
                         dataKey: SymmetricKey, keysetID: [UInt8]) throws -> KeySlot {
        let tag = userTag(for: user, keysetID: keysetID)
        let salt = randomBytes(KeySlot.saltSize)
        let wrappingKey = try deriveKey(passphrase: passphrase, salt: salt, kdf: kdf)
        var rawKey = dataKey.withUnsafeBytes { Array($0) }
        defer { wipe(&rawKey) }
        let wrapped = try AES.GCM.seal(rawKey, using: wrappingKey,
                                       authenticating: slotAAD(keysetID: keysetID, userTag: tag, kdf: kdf, salt: salt))
        var paddedName = ByteWriter(capacity: KeySlot.nameCapacity)
        let nameBytes = Array(normalized(user).utf8)
        paddedName.append(UInt8(nameBytes.count))
        paddedName.append(nameBytes)
        paddedName.appendZeros(KeySlot.nameCapacity - 1 - nameBytes.count)
        let sealedName = try AES.GCM.seal(paddedName.bytes, using: dataKey,
                                          authenticating: nameAAD(keysetID: keysetID, userTag: tag))
        return KeySlot(userTag: tag, kdf: kdf, salt: salt,
                       wrappedKey: Array(wrapped.combined!), sealedName: Array(sealedName.combined!))
    }

    /// The data key if `passphrase` opens `slot`, nil if it does not.
    static func unwrapDataKey(from slot: KeySlot, passphrase: String, keysetID: [UInt8]) throws -> SymmetricKey? {
        let wrappingKey = try deriveKey(passphrase: passphrase, salt: slot.salt, kdf: slot.kdf)
        guard let box = try? AES.GCM.SealedBox(combined: slot.wrappedKey),
              var opened = try? AES.GCM.open(box, using: wrappingKey, authenticating:
                slotAAD(keysetID: keysetID, userTag: slot.userTag, kdf: slot.kdf, salt: slot.salt))
        else { return nil }
        defer { opened.resetBytes(in: 0..<opened.count) }
        return SymmetricKey(data: opened)
    }

    static func userName(in slot: KeySlot, dataKey: SymmetricKey, keysetID: [UInt8]) -> String? {
        guard let box = try? AES.GCM.SealedBox(combined: slot.sealedName),
              let padded = try? AES.GCM.open(box, using: dataKey,
                                             authenticating: nameAAD(keysetID: keysetID, userTag: slot.userTag)),
              let length = padded.first, Int(length) < padded.count else { return nil }
        return String(decoding: padded.dropFirst().prefix(Int(length)), as: UTF8.self)
    }

    static func deriveKey(passphrase: String, salt: [UInt8], kdf: KDFParameters) throws -> SymmetricKey {
        var bytes = Array(passphrase.utf8)
        defer { wipe(&bytes) }
        return try Scrypt.derive(passphrase: bytes, salt: salt, parameters: kdf, outputByteCount: 32)
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    private static func slotAAD(keysetID: [UInt8], userTag: [UInt8], kdf: KDFParameters, salt: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: 96)
        writer.append(Array("RFGSLOT1".utf8))
        writer.append(keysetID)
        writer.append(userTag)
        writer.append(kdf.logN)
        writer.append(kdf.r)
        writer.append(kdf.p)
        writer.append(salt)
        return writer.bytes
    }

    private static func nameAAD(keysetID: [UInt8], userTag: [UInt8]) -> [UInt8] {
        Array("RFGNAME1".utf8) + keysetID + userTag
    }
}
