import Crypto
import Foundation

/// One record as the writer hands it to a frame: its sequence number is implied by its place.
struct RecordContent: Sendable {
    var type: UInt8
    var timestamp: UInt64
    var payload: Data
}

/// The byte layout of a frame, the unit that is written, synced, checksummed and sealed at once:
///
///     crc32c u32 | bodyLength u32 | firstSequence u64 | nonce[12] | ciphertext | tag[16]
///
/// The CRC covers everything after itself. The body (nonce, ciphertext, tag) is AES-256-GCM; its
/// plaintext holds one or more records (a single append, a batch, or a group commit) padded to a
/// multiple of 64 bytes. A frame is valid as a whole or not at all, which is what makes batches atomic.
enum FrameLayout {
    static let headerSize = 16
    static let nonceSize = 12
    static let tagSize = 16
    static let paddingUnit = 64
    /// The largest plaintext a frame may carry; bounds every allocation a reader makes.
    static let maxPlaintextSize = 16 << 20
    static let sealingOverhead = nonceSize + tagSize
    static let maxBodyLength = sealingOverhead + maxPlaintextSize
    /// Per-record bytes inside the plaintext: type u8, timestamp u64, payload length u32.
    static let recordHeaderSize = 13
    /// The record count u32 at the start of the plaintext.
    static let plaintextPrefixSize = 4

    /// Whether a body length read from disk could be one we wrote; checked before allocating.
    static func isPlausibleBodyLength(_ length: UInt32) -> Bool {
        let length = Int(length)
        return length >= sealingOverhead + paddingUnit && length <= maxBodyLength
            && (length - sealingOverhead) % paddingUnit == 0
    }

    static func plaintextSize(for records: some Collection<RecordContent>) -> Int {
        records.reduce(plaintextPrefixSize) { $0 + recordHeaderSize + $1.payload.count }
    }

    static func paddedSize(_ size: Int) -> Int { (size + paddingUnit - 1) / paddingUnit * paddingUnit }

    /// The clear fields a frame starts with: checksum, body length, first sequence number.
    static func header(_ bytes: ArraySlice<UInt8>) -> (storedCRC: UInt32, bodyLength: UInt32, firstSequence: UInt64) {
        (UInt32.littleEndian(from: bytes), UInt32.littleEndian(from: bytes.dropFirst(4)),
         UInt64.littleEndian(from: bytes.dropFirst(8)))
    }

    /// Whether a whole frame's checksum covers what it should (everything after the checksum field).
    static func checksumMatches(_ frame: ArraySlice<UInt8>, storedCRC: UInt32) -> Bool {
        frame.dropFirst(4).withUnsafeBytes { CRC32C.checksum($0) } == storedCRC
    }

    /// Associated data: binds a frame to its file, its place in the sequence and its predecessor.
    static func associatedData(fileID: [UInt8], firstSequence: UInt64, previousTag: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: 48)
        writer.append(Array("RFGFRAME".utf8))
        writer.append(fileID)
        writer.append(firstSequence)
        writer.append(previousTag)
        return writer.bytes
    }

    /// The tag that precedes the first frame of a file.
    static let initialPreviousTag = [UInt8](repeating: 0, count: tagSize)

    /// The writer reserves space after its last frame up to a multiple of this many bytes (as
    /// zeros); zeros that end the file at such a multiple are that reserved space.
    static let reservationStep = 1 << 20
}

/// Builds sealed frames.
struct FrameSealer {
    let key: SymmetricKey
    let fileID: [UInt8]

    /// The frame's bytes and its tag (the next frame's `previousTag`).
    func seal(_ records: [RecordContent], firstSequence: UInt64, previousTag: [UInt8]) throws -> (bytes: [UInt8], tag: [UInt8]) {
        let plaintextSize = FrameLayout.plaintextSize(for: records)
        var plaintext = ByteWriter(capacity: FrameLayout.paddedSize(plaintextSize))
        plaintext.append(UInt32(records.count))
        for record in records {
            plaintext.append(record.type)
            plaintext.append(record.timestamp)
            plaintext.append(UInt32(record.payload.count))
            plaintext.append(record.payload)
        }
        plaintext.appendZeros(FrameLayout.paddedSize(plaintextSize) - plaintextSize)
        var clear = plaintext.bytes
        defer { wipe(&clear) }

        let aad = FrameLayout.associatedData(fileID: fileID, firstSequence: firstSequence, previousTag: previousTag)
        let box = try AES.GCM.seal(clear, using: key, nonce: AES.GCM.Nonce(), authenticating: aad)
        let tag = Array(box.tag)
        let bodyLength = FrameLayout.sealingOverhead + clear.count

        var frame = ByteWriter(capacity: FrameLayout.headerSize + bodyLength)
        frame.append(UInt32(0))  // CRC, filled in below
        frame.append(UInt32(bodyLength))
        frame.append(firstSequence)
        frame.append(Array(box.nonce))
        frame.append(box.ciphertext)
        frame.append(tag)
        var bytes = frame.bytes
        let crc = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[4...])) }
        withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange(0..<4, with: $0) }
        return (bytes, tag)
    }
}

/// Decrypts a frame whose CRC has been checked, and parses its records.
/// Shared by the threads of a parallel read: `SymmetricKey` is not marked Sendable, but its bytes
/// never change after creation and opening only reads them.
struct FrameOpener: @unchecked Sendable {
    /// A frame is opened with the key of its first sequence number (older frames may be sealed
    /// under a retired data key).
    let keys: DataKeys
    let fileID: [UInt8]

    init(keys: DataKeys, fileID: [UInt8]) {
        self.keys = keys
        self.fileID = fileID
    }

    init(key: SymmetricKey, fileID: [UInt8]) { self.init(keys: DataKeys(current: key), fileID: fileID) }

    enum Failure: Error {
        /// The AEAD tag does not verify: wrong key, tampering, or a record moved from elsewhere.
        case authentication
        /// The tag verified but the plaintext is not a valid record list (a writer bug or forgery).
        case malformedPlaintext

        /// How a report of tampering says it.
        var detail: String { self == .authentication ? "authentication tag does not verify" : "malformed contents" }
    }

    /// `body` is nonce, ciphertext and tag.
    func open(body: ArraySlice<UInt8>, firstSequence: UInt64, previousTag: [UInt8]) throws(Failure) -> [RecordContent] {
        var records: [RecordContent] = []
        var associatedData = AssociatedData(fileID: fileID)
        var failure: Failure?
        body.withUnsafeBytes { body in
            previousTag.withUnsafeBytes { tag in
                do throws(Failure) {
                    try open(body: body, firstSequence: firstSequence, previousTag: tag, appendingTo: &records,
                             associatedData: &associatedData)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        return records
    }

    /// Opens one frame body and appends its records to `records`: the form a reader of many frames
    /// uses, reusing one record array and one associated-data buffer for all of them.
    func open(body: UnsafeRawBufferPointer, firstSequence: UInt64, previousTag: UnsafeRawBufferPointer,
              appendingTo records: inout [RecordContent], associatedData: inout AssociatedData) throws(Failure) {
        let plaintext: Data
        do {
            // nonce | ciphertext | tag is exactly swift-crypto's "combined" representation.
            let box = try AES.GCM.SealedBox(combined: body)
            let associated = associatedData.bytes(firstSequence: firstSequence, previousTag: previousTag)
            let key = keys.key(forFrameAt: firstSequence)
            if let opened = try? AES.GCM.open(box, using: key, authenticating: associated) {
                plaintext = opened
            } else {
                // The retired keys' sequence numbers are those of the log that recorded the change;
                // another device's log in a shared folder may hold a frame sealed under any of them.
                // Whichever opens it, it was sealed for this log (the associated data binds it).
                plaintext = try keys.newestFirst.lazy.compactMap { try? AES.GCM.open(box, using: $0, authenticating: associated) }
                    .first ?? AES.GCM.open(box, using: key, authenticating: associated)
            }
        } catch {
            throw .authentication
        }
        guard Self.parse(plaintext, appendingTo: &records) else { throw .malformedPlaintext }
    }

    /// `FrameLayout.associatedData` built in place: the file part once, the frame's part per frame.
    struct AssociatedData {
        private var buffer: [UInt8]
        private let prefixSize: Int

        init(fileID: [UInt8]) {
            buffer = FrameLayout.associatedData(fileID: fileID, firstSequence: 0, previousTag: FrameLayout.initialPreviousTag)
            prefixSize = buffer.count - 8 - FrameLayout.tagSize
        }

        mutating func bytes(firstSequence: UInt64, previousTag: UnsafeRawBufferPointer) -> [UInt8] {
            let prefixSize = prefixSize
            buffer.withUnsafeMutableBytes { raw in
                raw.storeBytes(of: firstSequence.littleEndian, toByteOffset: prefixSize, as: UInt64.self)
                UnsafeMutableRawBufferPointer(rebasing: raw[(prefixSize + 8)...]).copyMemory(from: previousTag)
            }
            return buffer
        }
    }

    /// Appends the records `plaintext` holds, or leaves `records` as it was and returns false.
    static func parse(_ plaintext: Data, appendingTo records: inout [RecordContent]) -> Bool {
        let countBefore = records.count
        let parsed = plaintext.withUnsafeBytes { raw -> Bool in
            var offset = 0
            func read<T: FixedWidthInteger>(_: T.Type) -> T? {
                let size = MemoryLayout<T>.size
                guard raw.count - offset >= size else { return nil }
                defer { offset += size }
                return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard let count = read(UInt32.self), count >= 1,
                  Int(count) <= (raw.count - FrameLayout.plaintextPrefixSize) / FrameLayout.recordHeaderSize
            else { return false }
            for _ in 0..<count {
                guard let type = read(UInt8.self), let timestamp = read(UInt64.self),
                      let length = read(UInt32.self), raw.count - offset >= Int(length) else { return false }
                let payload = Data(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + Int(length)]))
                offset += Int(length)
                records.append(RecordContent(type: type, timestamp: timestamp, payload: payload))
            }
            let padding = raw.count - offset
            return padding < FrameLayout.paddingUnit && raw[offset...].allSatisfy({ $0 == 0 })
        }
        if !parsed { records.removeSubrange(countBefore...) }
        return parsed
    }
}
