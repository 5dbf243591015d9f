import Crypto
import Foundation

/// The cryptography of key slots: deriving passphrase keys, wrapping user keys, sealing the data
/// key to them, sealing user names and retired keys, authenticating the key file. Knows nothing
/// about files.
enum Keyring {
    /// User names are compared in Unicode NFC so that the same name typed on another keyboard
    /// layout still finds its slot.
    static func normalized(_ name: String) -> String { name.precomposedStringWithCanonicalMapping }

    /// RFC 8265's OpaqueString: every kind of space becomes U+0020, then NFC. The same passphrase
    /// typed with precomposed or combining letters (Kazakh ә, қ, ү on different layouts) is one key.
    static func normalizedPassphrase(_ passphrase: String) -> String {
        let spaced = String(String.UnicodeScalarView(passphrase.unicodeScalars.map {
            $0.properties.generalCategory == .spaceSeparator ? " " : $0
        }))
        return spaced.precomposedStringWithCanonicalMapping
    }

    static func isValidUserName(_ name: String) -> Bool {
        let bytes = normalized(name).utf8.count
        return bytes > 0 && bytes < KeySlot.nameCapacity
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    // MARK: Slots

    /// A slot of kind 2 for `user`: a new X25519 key pair whose private key `passphrase` wraps,
    /// and `dataKey` sealed to its public key.
    static func makeSlot(user: String, passphrase: String, kdf: KDFParameters,
                         dataKey: SymmetricKey, keysetID: [UInt8]) throws -> KeySlot {
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        var slot = KeySlot(id: randomBytes(KeySlot.idSize), kind: .publicKey, kdf: kdf, salt: [], wrapped: [],
                           publicKey: Array(privateKey.publicKey.rawRepresentation), sealedName: [])
        try wrap(privateKey, in: &slot, passphrase: passphrase, kdf: kdf, keysetID: keysetID)
        return try seal(dataKey, to: slot, user: user, keysetID: keysetID)
    }

    /// `slot` with `privateKey` wrapped anew under `passphrase` (a fresh salt).
    static func wrap(_ privateKey: Curve25519.KeyAgreement.PrivateKey, in slot: inout KeySlot, passphrase: String,
                     kdf: KDFParameters, keysetID: [UInt8]) throws {
        slot.kdf = kdf
        slot.salt = randomBytes(KeySlot.saltSize)
        let wrappingKey = try deriveKey(passphrase: normalizedPassphrase(passphrase), salt: slot.salt, kdf: kdf)
        var raw = Array(privateKey.rawRepresentation)
        defer { wipe(&raw) }
        slot.wrapped = Array(try AES.GCM.seal(raw, using: wrappingKey, authenticating: wrapAAD(slot, keysetID: keysetID)).combined!)
    }

    /// `slot` (of kind 2) with `dataKey` sealed to its public key and the user name sealed under it.
    static func seal(_ dataKey: SymmetricKey, to slot: KeySlot, user: String, keysetID: [UInt8]) throws -> KeySlot {
        var slot = slot
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        slot.ephemeralKey = Array(ephemeral.publicKey.rawRepresentation)
        let sealingKey = try dataKeySealingKey(ephemeral.sharedSecretFromKeyAgreement(
            with: .init(rawRepresentation: slot.publicKey)), slot: slot, keysetID: keysetID)
        var rawKey = dataKey.withUnsafeBytes { Array($0) }
        defer { wipe(&rawKey) }
        slot.sealedDataKey = Array(try AES.GCM.seal(rawKey, using: sealingKey,
                                                    authenticating: dataKeyAAD(slot, keysetID: keysetID)).combined!)
        var paddedName = ByteWriter(capacity: KeySlot.nameCapacity)
        let nameBytes = Array(normalized(user).utf8)
        paddedName.append(UInt8(nameBytes.count))
        paddedName.append(nameBytes)
        paddedName.appendZeros(KeySlot.nameCapacity - 1 - nameBytes.count)
        slot.sealedName = Array(try AES.GCM.seal(paddedName.bytes, using: dataKey,
                                                 authenticating: nameAAD(slot, keysetID: keysetID)).combined!)
        return slot
    }

    /// What a passphrase opens in a slot.
    struct OpenedSlot {
        var dataKey: SymmetricKey
        /// Kind 2 only.
        var privateKey: Curve25519.KeyAgreement.PrivateKey?
    }

    /// The data key (and the private key) if `passphrase` opens `slot`, nil if it does not.
    static func open(_ slot: KeySlot, passphrase: String, keysetID: [UInt8]) throws -> OpenedSlot? {
        switch slot.kind {
        case .passphraseWrapsDataKey:
            // Format 1 derived from the passphrase as typed; it is tried too when that differs.
            let normal = normalizedPassphrase(passphrase)
            for form in normal == passphrase ? [normal] : [normal, passphrase] {
                let wrappingKey = try deriveKey(passphrase: form, salt: slot.salt, kdf: slot.kdf)
                if var raw = unseal(slot.wrapped, key: wrappingKey, aad: version1SlotAAD(slot, keysetID: keysetID)) {
                    defer { wipe(&raw) }
                    return OpenedSlot(dataKey: SymmetricKey(data: raw), privateKey: nil)
                }
            }
            return nil
        case .publicKey:
            let wrappingKey = try deriveKey(passphrase: normalizedPassphrase(passphrase), salt: slot.salt, kdf: slot.kdf)
            guard var raw = unseal(slot.wrapped, key: wrappingKey, aad: wrapAAD(slot, keysetID: keysetID)) else { return nil }
            defer { wipe(&raw) }
            guard let privateKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw),
                  Array(privateKey.publicKey.rawRepresentation) == slot.publicKey,
                  let shared = try? privateKey.sharedSecretFromKeyAgreement(with: .init(rawRepresentation: slot.ephemeralKey)),
                  var key = unseal(slot.sealedDataKey, key: dataKeySealingKey(shared, slot: slot, keysetID: keysetID),
                                   aad: dataKeyAAD(slot, keysetID: keysetID))
            else { return nil }
            defer { wipe(&key) }
            return OpenedSlot(dataKey: SymmetricKey(data: key), privateKey: privateKey)
        }
    }

    static func userName(in slot: KeySlot, dataKey: SymmetricKey, keysetID: [UInt8]) -> String? {
        guard let padded = unseal(slot.sealedName, key: dataKey, aad: nameAAD(slot, keysetID: keysetID)),
              let length = padded.first, Int(length) < padded.count else { return nil }
        return String(decoding: padded.dropFirst().prefix(Int(length)), as: UTF8.self)
    }

    /// The id format 1 gave a user's slot: the unkeyed SHA-256 of the name. Only used to find a
    /// slot of kind 1 before its user's first unlock.
    static func version1Tag(for name: String, keysetID: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array("RFGUSER1".utf8))
        hasher.update(data: keysetID)
        hasher.update(data: Array(normalized(name).utf8))
        return Array(hasher.finalize())
    }

    // MARK: The key file as a whole

    /// HMAC-SHA-256 of the file's bytes under a key derived from the current data key.
    static func mac(of keyFile: KeyFile, dataKey: SymmetricKey) -> [UInt8] {
        let macKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: dataKey, info: Array("RFGKEYMAC2".utf8) + keyFile.keysetID,
                                            outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: keyFile.authenticatedBytes(), using: macKey))
    }

    static func isAuthentic(_ keyFile: KeyFile, dataKey: SymmetricKey) -> Bool {
        let expected = mac(of: keyFile, dataKey: dataKey)
        guard keyFile.mac.count == expected.count else { return false }
        return zip(keyFile.mac, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0  // constant time
    }

    /// What the log records of a key file: the SHA-256 of its bytes.
    static func digest(of keyFile: KeyFile) -> [UInt8] { Array(SHA256.hash(data: keyFile.encoded())) }

    /// Retired data keys, each with the last sequence number it sealed, sealed under `current`.
    static func sealHistory(_ retired: [DataKeys.RetiredKey], under current: SymmetricKey, keysetID: [UInt8]) throws -> [UInt8] {
        guard !retired.isEmpty else { return [] }
        var plaintext = ByteWriter(capacity: 2 + retired.count * 40)
        plaintext.append(UInt16(retired.count))
        for entry in retired {
            plaintext.append(entry.throughSequence)
            plaintext.append(entry.key.withUnsafeBytes { Array($0) })
        }
        var clear = plaintext.bytes
        defer { wipe(&clear) }
        return Array(try AES.GCM.seal(clear, using: current, authenticating: historyAAD(keysetID)).combined!)
    }

    static func openHistory(_ sealed: [UInt8], under current: SymmetricKey, keysetID: [UInt8]) -> [DataKeys.RetiredKey]? {
        guard !sealed.isEmpty else { return [] }
        guard var clear = unseal(sealed, key: current, aad: historyAAD(keysetID)) else { return nil }
        defer { wipe(&clear) }
        var reader = ByteReader(clear)
        guard let count = reader.readUInt16(), reader.remaining == Int(count) * 40 else { return nil }
        var retired: [DataKeys.RetiredKey] = []
        for _ in 0..<count {
            guard let through = reader.readUInt64(), let key = reader.read(count: 32) else { return nil }
            retired.append(DataKeys.RetiredKey(throughSequence: through, key: SymmetricKey(data: key)))
        }
        return retired
    }

    // MARK: Primitives

    static func deriveKey(passphrase: String, salt: [UInt8], kdf: KDFParameters) throws -> SymmetricKey {
        var bytes = Array(passphrase.utf8)
        defer { wipe(&bytes) }
        return try Scrypt.derive(passphrase: bytes, salt: salt, parameters: kdf, outputByteCount: 32)
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    private static func unseal(_ combined: [UInt8], key: SymmetricKey, aad: [UInt8]) -> [UInt8]? {
        guard let box = try? AES.GCM.SealedBox(combined: combined),
              let opened = try? AES.GCM.open(box, using: key, authenticating: aad) else { return nil }
        return Array(opened)
    }

    private static func dataKeySealingKey(_ shared: SharedSecret, slot: KeySlot, keysetID: [UInt8]) -> SymmetricKey {
        shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: slot.ephemeralKey + slot.publicKey,
                                       sharedInfo: Array("RFGSEAL2".utf8) + keysetID + slot.id, outputByteCount: 32)
    }

    private static func kdfBytes(_ kdf: KDFParameters) -> [UInt8] {
        var writer = ByteWriter(capacity: 9)
        writer.append(kdf.logN)
        writer.append(kdf.r)
        writer.append(kdf.p)
        return writer.bytes
    }

    private static func wrapAAD(_ slot: KeySlot, keysetID: [UInt8]) -> [UInt8] {
        Array("RFGSLOT2".utf8) + keysetID + slot.id + kdfBytes(slot.kdf) + slot.salt + slot.publicKey
    }

    private static func dataKeyAAD(_ slot: KeySlot, keysetID: [UInt8]) -> [UInt8] {
        Array("RFGDKEY2".utf8) + keysetID + slot.id + slot.publicKey + slot.ephemeralKey
    }

    private static func nameAAD(_ slot: KeySlot, keysetID: [UInt8]) -> [UInt8] {
        Array((slot.kind == .publicKey ? "RFGNAME2" : "RFGNAME1").utf8) + keysetID + slot.id
    }

    private static func version1SlotAAD(_ slot: KeySlot, keysetID: [UInt8]) -> [UInt8] {
        Array("RFGSLOT1".utf8) + keysetID + slot.id + kdfBytes(slot.kdf) + slot.salt
    }

    private static func historyAAD(_ keysetID: [UInt8]) -> [UInt8] { Array("RFGHIST2".utf8) + keysetID }
}
