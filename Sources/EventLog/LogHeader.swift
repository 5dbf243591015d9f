/// The 48-byte plaintext header at the start of the log file.
///
/// It holds nothing secret: a magic, the format version, the file's random id (bound into every
/// record's associated data, so records cannot be spliced between logs) and the id of the key set
/// (which key file opens it).
struct LogHeader: Equatable {
    static let magic: [UInt8] = Array("REFUGLOG".utf8)
    /// 1: a log alone in its data directory. 2: one device's log in a shared folder, or the
    /// folder's `events.log` marker (a header without frames) that keeps older Refuges out.
    static let version: UInt16 = 2
    static let size = 48

    var version: UInt16 = 1
    var fileID: [UInt8]    // 16 bytes
    var keysetID: [UInt8]  // 16 bytes

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: Self.size)
        writer.append(Self.magic)
        writer.append(version)
        writer.append(UInt16(Self.size))
        writer.append(fileID)
        writer.append(keysetID)
        writer.append(CRC32C.checksum(writer.bytes))
        return writer.bytes
    }

    enum DecodeError: Error { case notALog, unsupportedVersion(UInt16), damaged }

    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> LogHeader {
        guard bytes.starts(with: magic) || magic.starts(with: bytes) else { throw .notALog }
        guard bytes.count >= size else { throw .damaged }  // a cut inside the header
        var reader = ByteReader(bytes[8..<size])
        let version = reader.readUInt16()!
        // A newer format may lay its header out differently: its version is believed before its checksum.
        guard version <= Self.version else { throw .unsupportedVersion(version) }
        let headerSize = reader.readUInt16()!
        let fileID = Array(reader.read(count: 16)!)
        let keysetID = Array(reader.read(count: 16)!)
        let storedCRC = reader.readUInt32()!
        guard CRC32C.checksum(bytes[0..<(size - 4)]) == storedCRC else { throw .damaged }
        guard version >= 1, headerSize == UInt16(size) else { throw .unsupportedVersion(version) }
        return LogHeader(version: version, fileID: fileID, keysetID: keysetID)
    }
}
