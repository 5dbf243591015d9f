import Crypto
import Foundation
import Synchronization

/// A snapshot of what a caller derived from the log up to one frame, kept by this device beside
/// its state so that an open decrypts one file and reads only the frames written after it
/// (docs/log-format.md, "The snapshot"). It is never trusted over the log: it is bound to the
/// log's file id and to the frame it ends with, which the open reads and authenticates; one that
/// is missing, does not open, or names a frame the log does not hold is ignored, and the log is
/// read from its start. The log's own derived state (kept values, maintenance, the key file's
/// history, where frames start) travels inside it, so that what the open skips is not lost.
///
///     "REFUGSNP" | version u16 | reserved u16 | snapshot id (16) | chunk count u32
///     chunk × count: length u32 | nonce (12) | ciphertext | tag (16)
///
/// Each chunk is AES-GCM under the data key, 1 MiB of plaintext (the last 1 byte to 1 MiB), with the associated data
/// `RFGSNAP1 | file id | header (32) | chunk index u32`: a chunk cannot be moved to another log,
/// another snapshot or another place, and a snapshot cut short lacks a chunk its header counts.
enum SnapshotFormat {
    static let magic = Array("REFUGSNP".utf8)
    static let version: UInt16 = 1
    static let headerSize = 32
    static let chunkPlaintext = 1 << 20
    /// A snapshot larger than this is not read (a caseload of a million people is well under it).
    static let maxChunks: UInt32 = 4096

    /// Seals `prefix` followed by `payload` into `file` one chunk at a time, so that neither the
    /// two joined nor the sealed whole is ever held.
    static func write(_ prefix: [UInt8], _ payload: Data, key: SymmetricKey, fileID: [UInt8],
                      to file: any OpenFile) throws(FileSystemError) {
        let total = prefix.count + payload.count
        let chunks = max(1, (total + chunkPlaintext - 1) / chunkPlaintext)
        var header = ByteWriter(capacity: headerSize)
        header.append(magic)
        header.append(version)
        header.append(UInt16(0))
        header.append(Keyring.randomBytes(16))
        header.append(UInt32(chunks))
        try file.write(header.bytes, at: 0)
        var offset = UInt64(headerSize)
        var piece: [UInt8] = []
        piece.reserveCapacity(min(total, chunkPlaintext))
        for index in 0..<chunks {
            let range = (index * chunkPlaintext)..<min(total, (index + 1) * chunkPlaintext)
            piece.removeAll(keepingCapacity: true)
            piece.append(contentsOf: prefix[min(range.lowerBound, prefix.count)..<min(range.upperBound, prefix.count)])
            let fromPayload = max(range.lowerBound, prefix.count) - prefix.count..<max(range.upperBound, prefix.count) - prefix.count
            piece.append(contentsOf: payload[(payload.startIndex + fromPayload.lowerBound)..<(payload.startIndex + fromPayload.upperBound)])
            let box: AES.GCM.SealedBox
            do {
                box = try AES.GCM.seal(piece, using: key, nonce: AES.GCM.Nonce(),
                                       authenticating: associatedData(fileID: fileID, header: header.bytes, index: index))
            } catch {
                throw FileSystemError(operation: "sealing the snapshot (\(error))", path: "", code: 0)
            }
            var chunk = ByteWriter(capacity: chunkOverhead + piece.count)
            chunk.append(UInt32(box.ciphertext.count))
            chunk.append(Array(box.nonce))
            chunk.append(box.ciphertext)
            chunk.append(box.tag)
            try file.write(chunk.bytes, at: offset)
            offset += UInt64(chunk.bytes.count)
        }
    }

    /// What a chunk adds to its plaintext on disk: length, nonce and tag.
    static let chunkOverhead = 4 + 12 + 16

    /// The plaintext of the snapshot in `file`, or nil when it is not a whole snapshot of this log
    /// under one of `keys` (or cannot be read: a snapshot is only ever a cache).
    ///
    /// Read and opened one chunk at a time into one buffer, sized once from the file's size: the
    /// whole file, or a plaintext grown by appending, is never held.
    /// Every chunk but the last holds exactly `chunkPlaintext` bytes (as `write` writes them), so
    /// each chunk's place follows from its index, and the chunks after the first, which chose the
    /// key, are opened on every core.
    static func open(_ file: any OpenFile, keys: [SymmetricKey], fileID: [UInt8]) -> SnapshotPlaintext? {
        guard let size = try? file.size(), size >= UInt64(headerSize),
              let header = try? file.read(at: 0, count: headerSize), header.count == headerSize,
              Array(header[0..<8]) == magic else { return nil }
        var reader = ByteReader(header)
        _ = reader.read(count: 8)
        guard reader.readUInt16() == version, reader.readUInt16() == 0, reader.read(count: 16) != nil,
              let count = reader.readUInt32(), count >= 1, count <= maxChunks else { return nil }
        let chunks = Int(count)
        let overhead = UInt64(headerSize + chunks * chunkOverhead)
        guard size >= overhead, max(1, (size - overhead + UInt64(chunkPlaintext) - 1) / UInt64(chunkPlaintext)) == count
        else { return nil }
        let total = Int(size - overhead)
        guard total > 0 else { return nil }
        let chunk = ChunkReader(file: file, header: header, fileID: fileID, total: total)
        let plaintext = SnapshotPlaintext(count: total)
        guard let key = keys.first(where: { chunk.open(0, key: $0, into: plaintext.bytes) }) else { return nil }
        let failed = Mutex(false)
        let shared = SendableKey(key: key)
        DispatchQueue.concurrentPerform(iterations: chunks - 1) { index in
            if !failed.withLock({ $0 }), !chunk.open(index + 1, key: shared.key, into: plaintext.bytes) {
                failed.withLock { $0 = true }
            }
        }
        return failed.withLock { $0 } ? nil : plaintext
    }

    /// Reads and opens single chunks of one snapshot file.
    private struct ChunkReader: Sendable {
        let file: any OpenFile
        let header: [UInt8]
        let fileID: [UInt8]
        /// The plaintext's size.
        let total: Int

        /// Opens chunk `index` under `key` into its place in `output`; false when it does not.
        func open(_ index: Int, key: SymmetricKey, into output: UnsafeMutableRawBufferPointer) -> Bool {
            let start = index * chunkPlaintext
            let length = min(chunkPlaintext, total - start)
            let offset = UInt64(headerSize + index * (chunkPlaintext + chunkOverhead))
            guard let bytes = try? file.read(at: offset, count: chunkOverhead + length),
                  bytes.count == chunkOverhead + length, UInt32.littleEndian(from: bytes[0..<4]) == UInt32(length),
                  let nonce = try? AES.GCM.Nonce(data: bytes[4..<16]),
                  let box = try? AES.GCM.SealedBox(nonce: nonce, ciphertext: bytes[16..<(16 + length)],
                                                   tag: bytes[(16 + length)...]),
                  let piece = try? AES.GCM.open(box, using: key,
                                                authenticating: associatedData(fileID: fileID, header: header, index: index)),
                  piece.count == length
            else { return false }
            piece.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: output[start..<(start + length)]))
            return true
        }
    }

    private static func associatedData(fileID: [UInt8], header: [UInt8], index: Int) -> [UInt8] {
        var aad = ByteWriter(capacity: 8 + 16 + headerSize + 4)
        aad.append(Array("RFGSNAP1".utf8))
        aad.append(fileID)
        aad.append(header)
        aad.append(UInt32(index))
        return aad.bytes
    }
}

/// Where the log stood when a snapshot was written, and what its open had derived by then: the
/// first part of a snapshot's plaintext (the caller's part follows).
struct SnapshotPoint: Sendable {
    /// The frame the snapshot ends with: where it starts and ends, its last record and its tag.
    var lastFrameOffset: UInt64
    var endOffset: UInt64
    var lastSequence: UInt64
    var lastTag: [UInt8]
    var recordCount: Int
    var firstTimestamp: UInt64?
    var lastTimestamp: UInt64?
    var notes: LogNotes
    var keyFileHistory: KeyFileHistory
    var index: FrameIndex

    /// The point's part of a snapshot's plaintext (the caller's part follows it).
    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 256 + index.entries.count * 16)
        writer.append(lastFrameOffset)
        writer.append(endOffset)
        writer.append(lastSequence)
        writer.append(lastTag)
        writer.append(UInt64(recordCount))
        writer.append(firstTimestamp ?? 0)
        writer.append(lastTimestamp ?? 0)
        writer.append(UInt32(notes.kept.count))
        for (name, value) in notes.kept.sorted(by: { $0.key < $1.key }) {
            writer.appendBytes(Array(name.utf8))
            writer.appendBytes(Array(value))
        }
        writer.append(UInt32(notes.maintenance.count))
        for note in notes.maintenance {
            writer.appendBytes(Array(note.user.utf8))
            writer.appendBytes(Array(note.action.utf8))
            writer.append(note.timestamp)
        }
        if let written = keyFileHistory.lastWritten {
            writer.append(UInt8(1))
            writer.append(written.generation)
            writer.appendBytes(written.digest)
        } else {
            writer.append(UInt8(0))
        }
        if let retirement = keyFileHistory.lastRetirement {
            writer.append(UInt8(1))
            writer.append(retirement.generation)
            writer.append(retirement.sequence)
            writer.append(UInt32(retirement.dropped.count))
            for slot in retirement.dropped { writer.appendBytes(slot) }
        } else {
            writer.append(UInt8(0))
        }
        writer.append(keyFileHistory.lastSequence)
        writer.append(UInt32(index.entries.count))
        for entry in index.entries {
            writer.append(entry.sequence)
            writer.append(entry.offset)
        }
        return writer.bytes
    }

    /// The point and the caller's part, or nil when the plaintext is not one this version wrote.
    /// The caller's part shares the plaintext's memory (it keeps it alive), so the largest part of
    /// a snapshot is never copied.
    static func decode(_ plaintext: SnapshotPlaintext) -> (SnapshotPoint, Data)? {
        // A view of the plaintext, valid while `plaintext` lives: at least until this returns.
        let view = Data(bytesNoCopy: plaintext.bytes.baseAddress!, count: plaintext.bytes.count, deallocator: .none)
        var reader = LittleEndianReader(view)
        guard let lastFrameOffset = reader.readUInt64(), let endOffset = reader.readUInt64(),
              let lastSequence = reader.readUInt64(), let lastTag = reader.read(count: FrameLayout.tagSize),
              let recordCount = reader.readUInt64(), let first = reader.readUInt64(), let last = reader.readUInt64(),
              let keptCount = reader.readUInt32() else { return nil }
        var notes = LogNotes()
        for _ in 0..<keptCount {
            guard let name = reader.readBytes(), let value = reader.readBytes() else { return nil }
            notes.kept[String(decoding: name, as: UTF8.self)] = Data(value)
        }
        guard let maintenanceCount = reader.readUInt32() else { return nil }
        for _ in 0..<maintenanceCount {
            guard let user = reader.readBytes(), let action = reader.readBytes(), let time = reader.readUInt64() else { return nil }
            notes.maintenance.append(MaintenanceNote(user: String(decoding: user, as: UTF8.self),
                                                     action: String(decoding: action, as: UTF8.self), timestamp: time))
        }
        var history = KeyFileHistory()
        guard let hasWritten = reader.readUInt8() else { return nil }
        if hasWritten == 1 {
            guard let generation = reader.readUInt64(), let digest = reader.readBytes() else { return nil }
            history.lastWritten = (generation, Array(digest))
        }
        guard let hasRetirement = reader.readUInt8() else { return nil }
        if hasRetirement == 1 {
            guard let generation = reader.readUInt64(), let sequence = reader.readUInt64(),
                  let count = reader.readUInt32() else { return nil }
            var dropped: [[UInt8]] = []
            for _ in 0..<count {
                guard let slot = reader.readBytes() else { return nil }
                dropped.append(Array(slot))
            }
            history.lastRetirement = (generation, dropped, sequence)
        }
        guard let historySequence = reader.readUInt64(), let entryCount = reader.readUInt32() else { return nil }
        history.lastSequence = historySequence
        var entries: [FrameIndex.Entry] = []
        entries.reserveCapacity(Int(min(entryCount, 1 << 20)))
        for _ in 0..<entryCount {
            guard let sequence = reader.readUInt64(), let offset = reader.readUInt64() else { return nil }
            entries.append(FrameIndex.Entry(sequence: sequence, offset: offset))
        }
        guard recordCount <= UInt64(Int.max), endOffset > lastFrameOffset, lastFrameOffset >= UInt64(LogHeader.size)
        else { return nil }
        let point = SnapshotPoint(lastFrameOffset: lastFrameOffset, endOffset: endOffset, lastSequence: lastSequence,
                                  lastTag: Array(lastTag), recordCount: Int(recordCount),
                                  firstTimestamp: first == 0 ? nil : first, lastTimestamp: last == 0 ? nil : last,
                                  notes: notes, keyFileHistory: history, index: FrameIndex(entries: entries))
        return withExtendedLifetime(plaintext) { (point, plaintext.data(from: reader.position)) }
    }
}

private extension ByteWriter {
    mutating func appendBytes(_ bytes: [UInt8]) {
        append(UInt32(bytes.count))
        append(bytes)
    }
}

private extension LittleEndianReader {
    mutating func readBytes() -> Bytes? {
        guard let count = readUInt32() else { return nil }
        return read(count: Int(count))
    }
}

/// A snapshot's plaintext, in memory allocated once for the whole and freed when the last `Data`
/// made from it is gone: the caller's part is handed over without a copy.
final class SnapshotPlaintext: @unchecked Sendable {
    // Written only while the chunks are opened, before any `Data` is made from it.
    let bytes: UnsafeMutableRawBufferPointer

    init(count: Int) { bytes = .allocate(byteCount: count, alignment: 16) }

    deinit { bytes.deallocate() }

    /// The bytes from `position` to the end, indexed from zero, sharing this memory (and keeping it).
    func data(from position: Int) -> Data {
        guard position < bytes.count else { return Data() }
        return Data(bytesNoCopy: bytes.baseAddress! + position, count: bytes.count - position,
                    deallocator: .custom { _, _ in withExtendedLifetime(self) {} })
    }
}

extension DataDirectory {
    /// This device's snapshot of its own log: device-local, rebuilt from the log whenever it is
    /// missing or does not match.
    var snapshotPath: String { state + "/" + logName + ".snapshot" }
}

extension EventLog {
    /// The snapshot's point, when the snapshot opens under one of `keys`, the log holds the frame it
    /// ends with, and `accept` takes its caller's part; nil otherwise (the log is then read whole).
    static func resumptionPoint(_ paths: DataDirectory, _ fileSystem: any FileSystem, keys: DataKeys, fileID: [UInt8],
                                scanner: LogScanner, accept: (Data) -> Bool) throws -> SnapshotPoint? {
        guard fileSystem.fileExists(paths.snapshotPath),
              let file = try? fileSystem.open(paths.snapshotPath, mode: .read) else { return nil }
        let plaintext = SnapshotFormat.open(file, keys: keys.newestFirst, fileID: fileID)
        file.close()
        guard let plaintext, let (point, payload) = SnapshotPoint.decode(plaintext) else { return nil }
        // A snapshot the log does not hold the end of is stale (an older log put back, a salvage)
        // or newer than the log (the log cut); bad bytes read here are the full read's to report.
        guard (try? scanner.holdsFrame(of: point)) == true, accept(payload) else { return nil }
        return point
    }

    /// Writes this device's snapshot of the log as it stands: `payload` is what the caller derived
    /// from the records the open delivered and those appended since for which `folded` is true
    /// (the caller appends nothing meanwhile). Nothing is written, and false returned, when a
    /// record appended since the open was not folded (`prepareSnapshot`).
    @discardableResult
    public func writeSnapshot(_ payload: Data, folded: (UInt64) -> Bool) throws -> Bool {
        guard let write = try prepareSnapshot(folded: folded) else { return false }
        try write.write(payload)
        return true
    }

    /// The snapshot of the log as it stands now, to be written later with the payload the caller
    /// derived from the records the open delivered and those appended since for which `folded` is
    /// true: the caller takes its state at the same moment, and may append and write the
    /// snapshot on another thread meanwhile (a snapshot of a large caseload takes about a second
    /// to write, which must not hold up the keys typed meanwhile). Nil, and nothing to write, when a
    /// record appended since the open was not folded (appended around the caller's state, as a
    /// streamed import is): the payload would not cover it.
    /// Only a writer writes one, so a log opened read-only (damaged, rolled back) never has its
    /// state snapshotted.
    public func prepareSnapshot(folded: (UInt64) -> Bool) throws -> SnapshotWrite? {
        let writer = try requireWriter()
        let keys = try dataKeys()
        let tail = writer.committedTail
        guard tail.nextSequence > 1 else { return nil }
        // From where the opening read left the log, over what was appended since.
        let scanner = LogScanner(file: file, fileSize: tail.endOffset, keys: keys, fileID: header.fileID,
                                 reservationStep: fileSystem.appendReservation)
        var notes = openingPoint?.notes ?? LogNotes()
        var history = openingPoint?.keyFileHistory ?? KeyFileHistory()
        var covered = true
        let scan = try scanner.scan(from: openingPoint) { first, records in
            history.note(records, firstSequence: first)
            notes.note(records)
            for (offset, record) in records.enumerated()
            where record.type != LogNote.recordType && record.type != KeyFileRecord.type && !folded(first + UInt64(offset)) {
                covered = false
            }
        }
        guard covered, let point = scan.point(notes: notes, keyFileHistory: history), point.lastSequence == tail.nextSequence - 1
        else { return nil }
        return SnapshotWrite(prefix: point.encoded(), key: keys.current, fileID: header.fileID, path: paths.snapshotPath,
                             fileSystem: fileSystem)
    }

    /// The sequence number of the last record acknowledged (0 for an empty log).
    public var lastSequence: UInt64 { writer.map { $0.committedTail.nextSequence - 1 } ?? openingRead.lastSequence ?? 0 }

    /// The last record the snapshot this open resumed from covers (nil when the open read the
    /// whole log).
    public var snapshotCoverage: UInt64? { resumedFrom?.lastSequence }

    /// Reads the frames the snapshot covered, which the open did not read, exactly as a full read
    /// does: what it finds (damage, tampering) is what the open would have found. Empty when the
    /// open read the whole log. `shouldPause` is asked between batches of frames, so that the read can wait while the user types. The frames are opened on every
    /// core at `priority`; the caller's own thread should run at it too.
    public func verifyFramesCoveredBySnapshot(priority: DispatchQoS.QoSClass = .default,
                                              shouldPause: () -> Void = {}) throws -> [DamagedRange] {
        guard let point = resumedFrom else { return [] }
        let keys = try dataKeys()
        let scanner = LogScanner(file: file, fileSize: point.endOffset, keys: keys, fileID: header.fileID,
                                 reservationStep: fileSystem.appendReservation, priority: priority)
        var frames = 0
        let scan: ScanOutcome
        do {
            scan = try scanner.scan { _, _ in
                frames += 1
                if frames % FramePreOpener.batchFrames == 0 { shouldPause() }
            }
        } catch EventLogError.tampered(let offset, let sequence, _) {
            // What stops an open stops the case file from being written: reported as damage here.
            return [DamagedRange(offsets: offset..<offset + 1, lostSequences: sequence...sequence, problem: .authenticationFailed)]
        }
        var damage = scan.report.damage
        if scan.report.tornTail != nil || scan.report.lastSequence != point.lastSequence || scan.lastTag != point.lastTag {
            damage.append(DamagedRange(offsets: scan.report.endOffset..<point.endOffset,
                                       lostSequences: ((scan.report.lastSequence ?? 0) + 1)...max(point.lastSequence, 1),
                                       problem: scan.report.tornTail?.problem ?? .checksumMismatch))
        }
        return damage
    }
}

/// A snapshot's point, taken by `EventLog.prepareSnapshot`, and what sealing and writing it needs:
/// it holds no reference to the log, so any thread may write it.
///
/// `@unchecked Sendable` for its key, as `DataKeys`: a `SymmetricKey` is never mutated after
/// creation; swift-crypto 3 merely does not declare it `Sendable`.
public struct SnapshotWrite: @unchecked Sendable {
    fileprivate let prefix: [UInt8]
    fileprivate let key: SymmetricKey
    fileprivate let fileID: [UInt8]
    fileprivate let path: String
    fileprivate let fileSystem: any FileSystem

    /// Seals `payload` behind the point and replaces the snapshot file with it. Atomic: a crash
    /// leaves the old snapshot or the new one, and either only ever saves work.
    public func write(_ payload: Data) throws {
        try io { () throws(FileSystemError) in
            try AtomicReplace.write(to: path, in: fileSystem) { file throws(FileSystemError) in
                try SnapshotFormat.write(prefix, payload, key: key, fileID: fileID, to: file)
            }
        }
    }
}
