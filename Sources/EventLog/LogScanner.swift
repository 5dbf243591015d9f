import Crypto
import Dispatch

/// Everything a front-to-back pass over the log learned; the writer continues from it.
struct ScanOutcome {
    var report: ReadReport
    /// Tag of the last good frame: the `previousTag` of the next one.
    var lastTag: [UInt8]
    /// Where some good frames start, for reading records back by sequence number (`FrameIndex`).
    var index: FrameIndex
    /// The tag of the good frame whose last record has the watched sequence number, if one has.
    var watchedTag: [UInt8]?
    /// Where the last good frame starts (nil when none was read).
    var lastFrameOffset: UInt64?

    /// Where this read left the log, with what the open derived from the log's own records: what
    /// a snapshot written now is bound to. Nil for a log without frames or with damage.
    func point(notes: LogNotes, keyFileHistory: KeyFileHistory) -> SnapshotPoint? {
        guard let lastFrameOffset, let lastSequence = report.lastSequence, report.damage.isEmpty else { return nil }
        return SnapshotPoint(lastFrameOffset: lastFrameOffset, endOffset: report.endOffset, lastSequence: lastSequence,
                             lastTag: lastTag, recordCount: report.recordCount, firstTimestamp: report.firstTimestamp,
                             lastTimestamp: report.lastTimestamp, notes: notes, keyFileHistory: keyFileHistory, index: index)
    }
}

/// Reads the log front to back, checking every frame, and classifies what is not a good frame
/// (docs/log-format.md, "Reading"):
///
/// - zeros from the last good frame to the end of a file that ends at a multiple of the
///   reservation step are the space the writer reserved for appends: the clean end of the log
///   (zeros ending anywhere else are a torn tail: not what the writer leaves);
/// - other bad bytes with no good frame after them are a torn tail when an interrupted write
///   could have left them, damage otherwise;
/// - bad bytes followed by a good frame are damage, reported with the lost sequence numbers;
/// - a frame with a good checksum that fails authentication or is out of sequence is tampering
///   (or the wrong key): the scan throws and nothing is changed.
///
/// A "good frame after damage" is one whose checksum is right, whose sequence number is higher
/// than any read so far, and that decrypts with the 16 bytes before it as the previous tag.
///
/// The loop in `scan` is sequential; the frames come to it already checksummed and decrypted by
/// a `FramePreOpener`, which works ahead on all cores.
struct LogScanner {
    let file: any OpenFile
    let fileSize: UInt64
    let opener: FrameOpener
    /// Zeros after the last frame are reserved space when the file ends at a multiple of this.
    let reservationStep: UInt64
    /// Salvage reads past tampering: a frame that does not authenticate or is out of sequence is
    /// reported as damage, and reading goes on at the next frame that authenticates in sequence.
    let salvaging: Bool
    /// The priority of the threads that open frames: a read nobody waits for (the background
    /// check of the frames a snapshot covered) yields the cores to the ones someone does.
    let priority: DispatchQoS.QoSClass

    init(file: any OpenFile, fileSize: UInt64, keys: DataKeys, fileID: [UInt8], reservationStep: Int,
         salvaging: Bool = false, priority: DispatchQoS.QoSClass = .default) {
        self.file = file
        self.fileSize = fileSize
        self.opener = FrameOpener(keys: keys, fileID: fileID)
        self.reservationStep = UInt64(max(1, reservationStep))
        self.salvaging = salvaging
        self.priority = priority
    }

    init(file: any OpenFile, fileSize: UInt64, key: SymmetricKey, fileID: [UInt8], reservationStep: Int) {
        self.init(file: file, fileSize: fileSize, keys: DataKeys(current: key), fileID: fileID, reservationStep: reservationStep)
    }

    /// Calls `deliver` with each good frame's first sequence number and records, in order.
    /// `watching`: a sequence number whose frame's tag the outcome should name (the state file's).
    /// With `start`, the scan goes on after the frame a snapshot ends with (which `holdsFrame`
    /// checked), as if it had read everything before.
    func scan(watching: UInt64? = nil, from start: SnapshotPoint? = nil,
              _ deliver: (UInt64, ArraySlice<RecordContent>) throws -> Void) throws -> ScanOutcome {
        let startTag = start?.lastTag ?? FrameLayout.initialPreviousTag
        var frames = FramePreOpener(file: file, fileSize: fileSize, opener: opener,
                                    from: start?.endOffset ?? UInt64(LogHeader.size), previousTag: startTag, priority: priority)
        var reader = ChunkedReader(file: file, limit: fileSize)  // for what follows bad bytes
        var outcome = ScanOutcome(report: ReadReport(recordCount: start?.recordCount ?? 0, lastSequence: start?.lastSequence,
                                                     endOffset: start?.endOffset ?? UInt64(LogHeader.size),
                                                     fileSize: fileSize, tornTail: nil, damage: [],
                                                     firstTimestamp: start?.firstTimestamp, lastTimestamp: start?.lastTimestamp),
                                  lastTag: startTag, index: start?.index ?? FrameIndex(), watchedTag: nil,
                                  lastFrameOffset: start?.lastFrameOffset)
        var nextSequence: UInt64 = (start?.lastSequence ?? 0) + 1
        if let start, watching == start.lastSequence { outcome.watchedTag = start.lastTag }
        while true {
            // 1. The next frame, checksummed and opened, or the bytes that are not one.
            let bad: BadBytes
            switch try frames.next() {
            case .end:
                outcome.lastTag = frames.previousTag
                return outcome

            // 2. A good frame: in sequence, its records are delivered and reading goes on after it.
            case .opened(let frame, let records) where frame.firstSequence == nextSequence:
                outcome.index.noteGoodFrame(sequence: frame.firstSequence, offset: frame.offset, end: frame.end)
                try deliver(frame.firstSequence, records)
                outcome.report.recordCount += records.count
                outcome.report.firstTimestamp = outcome.report.firstTimestamp ?? records.first?.timestamp
                outcome.report.lastTimestamp = records.last?.timestamp
                nextSequence = frame.firstSequence + UInt64(records.count)
                if nextSequence - 1 == watching { outcome.watchedTag = frames.tag }
                outcome.report.lastSequence = nextSequence - 1
                outcome.report.endOffset = frame.end
                outcome.lastFrameOffset = frame.offset
                continue

            // 3. Tampering: a right checksum, but out of sequence or not authentic. Salvage reads
            //    past it as bad bytes; every other read stops.
            case .opened(let frame, _):
                bad = try tampering(frame, problem: .outOfSequence(frame.firstSequence),
                                    detail: "sequence \(frame.firstSequence) where \(nextSequence) was expected")
            case .unauthentic(let frame, _) where frame.firstSequence != nextSequence:
                bad = try tampering(frame, problem: .outOfSequence(frame.firstSequence),
                                    detail: "sequence \(frame.firstSequence) where \(nextSequence) was expected")
            case .unauthentic(let frame, let failure):
                bad = try tampering(frame, problem: .authenticationFailed, detail: failure.detail)

            case .notAFrame(let offset, let problem, let skipHint):
                bad = BadBytes(offset: offset, problem: problem, skipHint: skipHint)
            }

            // 4. Bad bytes: damage when a good frame follows (reading resumes there), else the end
            //    of the log: reserved space, a torn tail, or damage to the end.
            switch try classify(bad, nextSequence: nextSequence, reader: &reader) {
            case .damage(let range, let resumption):
                outcome.report.damage.append(range)
                nextSequence = resumption.sequence
                frames.restart(at: resumption.offset, previousTag: resumption.previousTag)
                continue
            case .reservedSpace:
                outcome.report.reservedBytes = fileSize - bad.offset
            case .tornTail(let tail):
                outcome.report.tornTail = tail
            case .damageToTheEnd(let range):
                outcome.report.damage.append(range)
            }
            outcome.lastTag = frames.previousTag
            return outcome
        }
    }

    /// Whether the log holds the frame a snapshot ends with, where the snapshot says: its checksum
    /// right, authentic with the 16 bytes before it as previous tag, ending with the snapshot's
    /// last record, and with the snapshot's tag. (The chain makes that tag stand for every frame
    /// before it; their bytes are checked by the full read that follows the open.)
    func holdsFrame(of point: SnapshotPoint) throws -> Bool {
        guard point.endOffset <= fileSize else { return false }
        let previousTag: [UInt8]
        if point.lastFrameOffset == UInt64(LogHeader.size) {
            previousTag = FrameLayout.initialPreviousTag
        } else {
            var reader = ChunkedReader(file: file, limit: fileSize, chunkSize: 64)
            guard let before = try reader.bytes(at: point.lastFrameOffset - UInt64(FrameLayout.tagSize),
                                                count: FrameLayout.tagSize) else { return false }
            previousTag = Array(before)
        }
        var frames = FramePreOpener(file: file, fileSize: point.endOffset, opener: opener,
                                    from: point.lastFrameOffset, previousTag: previousTag, priority: priority)
        guard case .opened(let frame, let records) = try frames.next() else { return false }
        return frame.end == point.endOffset && frame.firstSequence + UInt64(records.count) - 1 == point.lastSequence
            && frames.tag == point.lastTag
    }

    /// Bytes at `offset` that are not a good frame; `skipHint` is where the next frame would start
    /// if only the contents are bad.
    private struct BadBytes {
        var offset: UInt64
        var problem: FrameProblem
        var skipHint: UInt64?
    }

    /// Tampering stops a read, except salvage's, which reads past the frame as bad bytes.
    private func tampering(_ frame: FramePreOpener.Frame, problem: FrameProblem, detail: String) throws -> BadBytes {
        guard salvaging else { throw EventLogError.tampered(offset: frame.offset, sequence: frame.firstSequence, detail: detail) }
        return BadBytes(offset: frame.offset, problem: problem, skipHint: frame.end)
    }

    private enum Verdict {
        /// A good frame follows the damaged range: reading resumes there.
        case damage(DamagedRange, resumeAt: Resumption)
        /// Only zeros to the end of the file, which ends at a reservation step.
        case reservedSpace
        case tornTail(TornTail)
        case damageToTheEnd(DamagedRange)
    }

    /// What the bad bytes are: see the type's comment.
    private func classify(_ bad: BadBytes, nextSequence: UInt64, reader: inout ChunkedReader) throws -> Verdict {
        let offset = bad.offset
        switch try nextGoodFrame(after: offset, hint: bad.skipHint, minimumSequence: nextSequence, reader: &reader) {
        case .resume(let resumption):
            let lost = resumption.sequence > nextSequence ? nextSequence...(resumption.sequence - 1) : nil
            return .damage(DamagedRange(offsets: offset..<resumption.offset, lostSequences: lost, problem: bad.problem),
                           resumeAt: resumption)
        case .unverifiable(let lastSequence):
            // Intact-looking frames after the bad bytes: not what a crash leaves, so damage.
            return .damageToTheEnd(DamagedRange(offsets: offset..<fileSize, lostSequences: nextSequence...max(nextSequence, lastSequence),
                                                problem: bad.problem, reachesEndOfLog: true))
        case .reserved:
            return .reservedSpace
        case .nothing(zeroFilled: true):
            return .tornTail(TornTail(offset: offset, length: fileSize - offset, problem: .zeroFill))
        case .nothing(zeroFilled: false):
            if try couldBeInterruptedWrite(at: offset, reader: &reader) {
                return .tornTail(TornTail(offset: offset, length: fileSize - offset, problem: bad.problem))
            }
            return .damageToTheEnd(DamagedRange(offsets: offset..<fileSize, lostSequences: nextSequence...nextSequence,
                                                problem: bad.problem, reachesEndOfLog: true))
        }
    }

    private struct Resumption {
        var offset: UInt64
        var sequence: UInt64
        var previousTag: [UInt8]
    }

    private enum Search {
        /// A good frame: reading goes on from it.
        case resume(Resumption)
        /// No good frame, but frames with a right checksum (up to `lastSequence`) that cannot be
        /// authenticated because what they chain to is damaged.
        case unverifiable(lastSequence: UInt64)
        /// Only zeros to the end of the file, which ends at a reservation step: space reserved for
        /// appends, the clean end of the log.
        case reserved
        /// Nothing frame-like (perhaps only zeros, but not up to a step): a torn tail.
        case nothing(zeroFilled: Bool)
    }

    private enum Candidate {
        case none
        case checksumOnly(sequence: UInt64)
        case good(Resumption)
    }

    /// The first good frame after bad bytes at `badOffset`: tried first where the bad frame's own
    /// length says the next one starts, then at every later byte. A crash can only tear the last
    /// frame, so any frame with a right checksum after the bad bytes means damage, not a torn tail.
    private func nextGoodFrame(after badOffset: UInt64, hint: UInt64?, minimumSequence: UInt64,
                               reader: inout ChunkedReader) throws -> Search {
        let dataEnd = try endOfNonZeroBytes(from: badOffset, reader: &reader)
        if dataEnd == badOffset { return fileSize % reservationStep == 0 ? .reserved : .nothing(zeroFilled: true) }
        var unverifiable: UInt64?
        func consider(_ candidate: Candidate) -> Resumption? {
            switch candidate {
            case .none: return nil
            case .checksumOnly(let sequence): unverifiable = max(unverifiable ?? 0, sequence); return nil
            case .good(let resumption): return resumption
            }
        }
        let minimumFrame = UInt64(FrameLayout.headerSize + FrameLayout.sealingOverhead + FrameLayout.paddingUnit)
        if let hint, let found = consider(try candidate(at: hint, minimumSequence: minimumSequence, reader: &reader)) {
            return .resume(found)
        }
        var offset = badOffset + 1
        // A frame's length field is never zero, so none starts in the zeros at the end (a frame
        // torn inside the reserved space is followed by up to a whole step of them).
        while offset + minimumFrame <= fileSize, offset < dataEnd {
            if offset != hint, let found = consider(try candidate(at: offset, minimumSequence: minimumSequence, reader: &reader)) {
                return .resume(found)
            }
            offset += 1
        }
        return unverifiable.map { .unverifiable(lastSequence: $0) } ?? .nothing(zeroFilled: false)
    }

    private func candidate(at offset: UInt64, minimumSequence: UInt64, reader: inout ChunkedReader) throws -> Candidate {
        guard offset >= UInt64(LogHeader.size + FrameLayout.tagSize),
              case .frame(let frame) = try FrameView.read(at: offset, reader: &reader), frame.checksumMatches
        else { return .none }
        guard frame.firstSequence >= minimumSequence,
              let previous = try reader.bytes(at: offset - UInt64(FrameLayout.tagSize), count: FrameLayout.tagSize)
        else { return .checksumOnly(sequence: frame.firstSequence) }
        let previousTag = Array(previous)
        guard (try? opener.open(body: frame.body, firstSequence: frame.firstSequence, previousTag: previousTag)) != nil else {
            return .checksumOnly(sequence: frame.firstSequence)
        }
        return .good(Resumption(offset: offset, sequence: frame.firstSequence, previousTag: previousTag))
    }

    /// Whether the bad frame at `offset`, with no good frame after it, could be what an interrupted
    /// write leaves (etcd's `isTornEntry`): it runs past the end of the file, or its part of one of
    /// the 512-byte sectors, counted from the file's start, is entirely zero (a disk writes whole
    /// sectors, and one it had not written yet still holds what was there: the reserved zeros, or
    /// zeros of a fresh extension; a sector the frame shares with the one before it held that
    /// frame's end and zeros).
    /// A frame that is whole on disk but whose length field changed reaches into the zeros after
    /// it, or past the end, too; it is recognised by its checksum, which matches once its length is
    /// put back to where its bytes end. Anything else is damage.
    private func couldBeInterruptedWrite(at offset: UInt64, reader: inout ChunkedReader) throws(FileSystemError) -> Bool {
        guard let header = try reader.bytes(at: offset, count: FrameLayout.headerSize) else { return true }
        let (storedCRC, length, _) = FrameLayout.header(header)
        guard FrameLayout.isPlausibleBodyLength(length) else {
            return try containsZeroSector(offset..<(offset + UInt64(FrameLayout.headerSize)), reader: &reader)
        }
        if try isWholeFrameWithChangedLength(at: offset, storedCRC: storedCRC, reader: &reader) { return false }
        let end = offset + UInt64(FrameLayout.headerSize) + UInt64(length)
        if end > fileSize { return true }
        return try containsZeroSector(offset..<end, reader: &reader)
    }

    /// The unit a disk writes whole; zeros in a whole one mean it was never written.
    static let sectorSize: UInt64 = 512

    /// Whether the part of `range` in some sector is all zeros. Parts of fewer than 8 bytes do not
    /// count: a frame's last few bytes are zero by chance more often than a disk loses a sector.
    private func containsZeroSector(_ range: Range<UInt64>, reader: inout ChunkedReader) throws(FileSystemError) -> Bool {
        let end = min(range.upperBound, fileSize)
        var start = range.lowerBound
        while start < end {
            let sectorEnd = min((start / Self.sectorSize + 1) * Self.sectorSize, end)
            if sectorEnd - start >= 8, let bytes = try reader.bytes(at: start, count: Int(sectorEnd - start)),
               bytes.allSatisfy({ $0 == 0 }) {
                return true
            }
            start = sectorEnd
        }
        return false
    }

    /// Whether the bytes from `offset` up to the last one that is not zero are a whole frame whose
    /// length field alone is wrong. A frame's last bytes are its tag; the length that ends the frame
    /// within 64 bytes after the last non-zero byte (frame sizes step by 64) is the only candidate.
    private func isWholeFrameWithChangedLength(at offset: UInt64, storedCRC: UInt32,
                                               reader: inout ChunkedReader) throws(FileSystemError) -> Bool {
        let dataEnd = try endOfNonZeroBytes(from: offset, reader: &reader)
        let headerAndSealing = UInt64(FrameLayout.headerSize + FrameLayout.sealingOverhead)
        guard dataEnd > offset + headerAndSealing else { return false }
        let unit = UInt64(FrameLayout.paddingUnit)
        let frameSize = headerAndSealing + (dataEnd - offset - headerAndSealing + unit - 1) / unit * unit
        let length = frameSize - UInt64(FrameLayout.headerSize)
        guard length <= UInt64(UInt32.max), FrameLayout.isPlausibleBodyLength(UInt32(length)), offset + frameSize <= fileSize,
              let bytes = try reader.bytes(at: offset, count: Int(frameSize)) else { return false }
        var frame = Array(bytes)
        withUnsafeBytes(of: UInt32(length).littleEndian) { frame.replaceSubrange(4..<8, with: $0) }
        return FrameLayout.checksumMatches(frame[...], storedCRC: storedCRC)
    }

    /// The offset just after the last byte that is not zero, or `offset` when all from there are.
    private func endOfNonZeroBytes(from offset: UInt64, reader: inout ChunkedReader) throws(FileSystemError) -> UInt64 {
        var position = offset
        var end = offset
        while position < fileSize {
            let count = Int(min(UInt64(ChunkedReader.chunkSize), fileSize - position))
            guard let bytes = try reader.bytes(at: position, count: count) else { break }
            if let last = Self.lastNonZeroByte(in: bytes) { end = position + UInt64(last) + 1 }
            position += UInt64(count)
        }
        return end
    }

    /// Where the last byte that is not zero is, counted from the start of `bytes`. Eight bytes at a
    /// time: every open that reads to the end of the log looks through the reserved space, up to a
    /// megabyte of zeros.
    static func lastNonZeroByte(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBytes { raw in
            var end = raw.count
            while end >= 8, raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) == 0 { end -= 8 }
            while end > 0, raw[end - 1] == 0 { end -= 1 }
            return end == 0 ? nil : end - 1
        }
    }
}
