import Crypto
import Foundation

/// A small encrypted file under the data key (drafts, derived caches), replaced atomically.
///
///     "REFUGSEA" | version u16 | reserved u16 | nonce[12] | ciphertext | tag[16]
///
/// The plaintext is `length u32 | contents | zero padding` to a multiple of 64 bytes; the
/// associated data binds the header, the log's file id and the sealed file's name, so a sealed
/// file cannot be swapped for another one or moved to another log.
enum SealedFileFormat {
    static let magic: [UInt8] = Array("REFUGSEA".utf8)
    static let version: UInt16 = 1
    static let headerSize = 12
    static let maxContentSize = 16 << 20
    static let maxFileSize = headerSize + FrameLayout.sealingOverhead + FrameLayout.paddedSize(4 + maxContentSize)

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 || $0 == 95 }
    }

    static func seal(_ contents: Data, name: String, key: SymmetricKey, fileID: [UInt8]) throws -> [UInt8] {
        var plaintext = ByteWriter(capacity: FrameLayout.paddedSize(4 + contents.count))
        plaintext.append(UInt32(contents.count))
        plaintext.append(contents)
        plaintext.appendZeros(FrameLayout.paddedSize(4 + contents.count) - (4 + contents.count))
        var clear = plaintext.bytes
        defer { wipe(&clear) }
        let header = headerBytes()
        let box = try AES.GCM.seal(clear, using: key, authenticating: aad(header: header, name: name, fileID: fileID))
        return header + Array(box.combined!)
    }

    static func open(_ bytes: [UInt8], name: String, key: SymmetricKey, fileID: [UInt8]) -> Data? {
        let header = headerBytes()
        guard bytes.count >= headerSize + FrameLayout.sealingOverhead + 4, Array(bytes.prefix(headerSize)) == header,
              let box = try? AES.GCM.SealedBox(combined: bytes.dropFirst(headerSize)),
              let plaintext = try? AES.GCM.open(box, using: key, authenticating: aad(header: header, name: name, fileID: fileID))
        else { return nil }
        var reader = ByteReader(Array(plaintext))
        guard let length = reader.readUInt32(), let contents = reader.read(count: Int(length)) else { return nil }
        return Data(contents)
    }

    /// The version of a sealed file written by a newer format, or nil if it is not one.
    static func newerVersion(of bytes: [UInt8]) -> UInt16? {
        guard bytes.count >= headerSize, Array(bytes.prefix(8)) == magic else { return nil }
        let stored = UInt16.littleEndian(from: bytes[8..<10])
        return stored > version ? stored : nil
    }

    private static func headerBytes() -> [UInt8] {
        var writer = ByteWriter(capacity: headerSize)
        writer.append(magic)
        writer.append(version)
        writer.append(UInt16(0))
        return writer.bytes
    }

    private static func aad(header: [UInt8], name: String, fileID: [UInt8]) -> [UInt8] {
        header + fileID + Array(name.utf8)
    }
}

/// Sealed files: small encrypted blobs beside the log, never written in clear.
extension EventLog {
    /// Seals `contents` into `name`.sealed, replacing it atomically (a crash leaves the old or the
    /// new contents). `name`: 1-64 of a-z, 0-9, '-', '_'. Needs the log open for writing.
    public func writeSealedFile(named name: String, contents: Data) throws {
        guard SealedFileFormat.isValidName(name) else { throw EventLogError.invalidSealedFileName(name) }
        guard contents.count <= SealedFileFormat.maxContentSize else {
            throw EventLogError.recordTooLarge(size: contents.count, limit: SealedFileFormat.maxContentSize)
        }
        _ = try requireWriter()
        let bytes = try SealedFileFormat.seal(contents, name: name, key: dataKey(), fileID: header.fileID)
        try io { () throws(FileSystemError) in try AtomicReplace.write(bytes, to: paths.sealedPath(name), in: fileSystem) }
    }

    /// The names of the sealed files beside the log, sorted.
    public func sealedFileNames() throws -> [String] {
        let entries = try io { () throws(FileSystemError) in try fileSystem.listDirectory(paths.state) }
        return entries.filter { $0.hasSuffix(DataDirectory.sealedSuffix) }
            .map { String($0.dropLast(DataDirectory.sealedSuffix.count)) }
            .filter(SealedFileFormat.isValidName).sorted()
    }

    /// Where `name`.sealed is (this device's state directory in a shared folder).
    public func sealedFileURL(named name: String) -> URL { URL(fileURLWithPath: paths.sealedPath(name)) }

    /// The log's file name in its folder (`events.log`, or this device's `events-NAME.log`).
    public var logFileName: String { paths.logName }

    /// The contents of `name`.sealed, or nil if there is none.
    public func readSealedFile(named name: String) throws -> Data? {
        guard SealedFileFormat.isValidName(name) else { throw EventLogError.invalidSealedFileName(name) }
        let path = paths.sealedPath(name)
        guard fileSystem.fileExists(path) else { return nil }
        let bytes = try io { () throws(FileSystemError) in
            try AtomicReplace.read(path, in: fileSystem, limit: SealedFileFormat.maxFileSize)
        }
        // Sealed under the data key of its day: the current one, or one retired since.
        let keys = try dataKeys().newestFirst
        guard let bytes, let contents = keys.lazy.compactMap({
            SealedFileFormat.open(bytes, name: name, key: $0, fileID: self.header.fileID)
        }).first else {
            if let bytes, let version = SealedFileFormat.newerVersion(of: bytes) {
                throw EventLogError.newerFormat(path: path, version: version)
            }
            throw EventLogError.damagedSealedFile(name: name)
        }
        return contents
    }

    /// Removes `name`.sealed if it exists.
    public func removeSealedFile(named name: String) throws {
        guard SealedFileFormat.isValidName(name) else { throw EventLogError.invalidSealedFileName(name) }
        _ = try requireWriter()
        let path = paths.sealedPath(name)
        guard fileSystem.fileExists(path) else { return }
        try io { () throws(FileSystemError) in
            try fileSystem.remove(path)
            try fileSystem.syncDirectory(paths.state)
        }
    }
}
