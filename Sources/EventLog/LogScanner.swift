import Crypto
import Foundation

/// Everything a front-to-back pass over the log learned; the writer continues from it.
struct ScanOutcome {
    var report: ReadReport
    /// Tag of the last good frame: the `previousTag` of the next one.
    var lastTag: [UInt8]
    /// Where some good frames start, for reading records back by sequence number (`FrameIndex`).
    var index: FrameIndex
    /// The tag of the good frame whose last record has the watched sequence number, if one has.
    var watchedTag: [UInt8]?
}

/// Reads the log front to back, checking every frame, and classifies what is not a good frame:
///
/// - zeros from the last good frame to the end of a file that ends at a multiple of the
///   reservation step are the space the writer reserved for appends: the clean end of the log
///   (zeros ending anywhere else are a torn tail: not what the writer leaves);
/// - other bad bytes with no good frame after them are a torn tail;
/// - bad bytes followed by a good frame are damage, reported with the lost sequence numbers;
/// - a frame with a good checksum that fails authentication or is out of sequence is tampering
///   (or the wrong key): the scan throws and nothing is changed.
///
/// A "good frame after damage" is one whose checksum is right, whose sequence number is higher
/// than any read so far, and that decrypts with the 16 bytes before it as the previous tag.
struct LogScanner {
    let file: any OpenFile
    let fileSize: UInt64
    let opener: FrameOpener
    /// Zeros after the last frame are reserved space when the file ends at a multiple of this.
    let reservationStep: UInt64
    /// Salvage reads past tampering: a frame that does not authenticate or is out of sequence is
    /// reported as damage, and reading goes on at the next frame that authenticates in sequence.
    let salvaging: Bool

    init(file: any OpenFile, fileSize: UInt64, keys: DataKeys, fileID: [UInt8], reservationStep: Int,
         salvaging: Bool = false) {
        self.file = file
        self.fileSize = fileSize
        self.opener = FrameOpener(keys: keys, fileID: fileID)
        self.reservationStep = UInt64(max(1, reservationStep))
        self.salvaging = salvaging
    }

    init(file: any OpenFile, fileSize: UInt64, key: SymmetricKey, fileID: [UInt8], reservationStep: Int) {
        self.init(file: file, fileSize: fileSize, keys: DataKeys(current: key), fileID: fileID, reservationStep: reservationStep)
    }

    /// Calls `deliver` with each good frame's first sequence number and records, in order.
    /// `watching`: a sequence number whose frame's tag the outcome should name (the state file's).
    func scan(watching: UInt64? = nil, _ deliver: (UInt64, ArraySlice<RecordContent>) throws -> Void) throws -> ScanOutcome {
        var reader = ChunkedReader(file: file, limit: fileSize)
        var offset = UInt64(LogHeader.size)
        var nextSequence: UInt64 = 1
        var previousTag = FrameLayout.initialPreviousTag
        var report = ReadReport(recordCount: 0, lastSequence: nil, endOffset: offset, fileSize: fileSize,
                                tornTail: nil, damage: [], firstTimestamp: nil, lastTimestamp: nil)

        // Good-looking frames are collected, then checksummed and opened in parallel batches
        // (checksums and decryption are nearly all the cost of a read) while the batch before is
        // delivered, so the caller's work on one batch (decoding, replay) overlaps the opening of
        // the next. Results are taken in order: sequence numbers are checked and records
        // delivered exactly as a one-by-one pass would. A frame whose checksum fails ends the
        // delivery (a batch opened past it is discarded); the loop looks at that frame again,
        // alone, to tell a torn tail from damage.
        var batch = FrameBatch(previousTag: previousTag)
        var inFlight: (frames: FrameBatch, opening: BatchOpening)?
        var index = FrameIndex()
        var checkNextAlone = false
        var watchedTag: [UInt8]?
        /// Set when salvage met a frame that fails authentication: the loop treats it as bad bytes.
        var unauthentic: (problem: FrameProblem, end: UInt64)?

        /// Delivers the frames of `batch` in order; false when a checksum mismatch sent `offset` back to it.
        func deliverAll(_ batch: FrameBatch, _ opened: OpenedBatch) throws -> Bool {
            var records = opened.records()
            for (entry, outcome) in zip(batch.entries, opened.outcomes) {
                switch outcome {
                case .checksumMismatch:
                    offset = entry.offset
                    previousTag = batch.previousTag(of: entry)
                    checkNextAlone = true
                    return false
                case .failure(let error):
                    guard entry.firstSequence == nextSequence else {
                        return try skipOrThrow(outOfSequence(entry), entry, previousTag: batch.previousTag(of: entry))
                    }
                    return try skipOrThrow(.tampered(offset: entry.offset, sequence: entry.firstSequence, detail: error.detail),
                                           entry, previousTag: batch.previousTag(of: entry))
                case .records(let count):
                    guard entry.firstSequence == nextSequence else {
                        return try skipOrThrow(outOfSequence(entry), entry, previousTag: batch.previousTag(of: entry))
                    }
                    let frameRecords = records.next(count)
                    index.noteGoodFrame(sequence: entry.firstSequence, offset: entry.offset, end: entry.end)
                    try deliver(entry.firstSequence, frameRecords)
                    report.recordCount += count
                    report.firstTimestamp = report.firstTimestamp ?? frameRecords.first?.timestamp
                    report.lastTimestamp = frameRecords.last?.timestamp
                    nextSequence = entry.firstSequence + UInt64(count)
                    if nextSequence - 1 == watching { watchedTag = batch.tag(of: entry) }
                    report.lastSequence = nextSequence - 1
                    report.endOffset = entry.end
                }
            }
            previousTag = batch.lastTag
            return true
        }
        /// Starts opening the collected batch, then delivers the one before it.
        func launch() throws {
            let frames = batch
            let opening = BatchOpening(frames, opener: opener)
            batch = FrameBatch(previousTag: frames.lastTag)
            if let previous = inFlight {
                inFlight = nil
                guard try deliverAll(previous.frames, previous.opening.results()) else {
                    _ = opening.results()  // it was read past the mismatch: discarded
                    batch = FrameBatch(previousTag: previousTag)
                    return
                }
            }
            inFlight = (frames, opening)
        }
        /// Delivers everything collected so far (before a bad frame, or at the end).
        func settle() throws {
            if !batch.entries.isEmpty { try launch() }
            if let previous = inFlight {
                inFlight = nil
                _ = try deliverAll(previous.frames, previous.opening.results())
            }
            batch = FrameBatch(previousTag: previousTag)
        }
        /// Tampering stops a read, except salvage's, which goes back to the frame to skip it.
        func skipOrThrow(_ error: EventLogError, _ entry: FrameBatch.Entry, previousTag tag: [UInt8]) throws -> Bool {
            guard salvaging else { throw error }
            offset = entry.offset
            previousTag = tag
            unauthentic = (entry.firstSequence == nextSequence ? .authenticationFailed : .outOfSequence(entry.firstSequence),
                           entry.end)
            return false
        }
        func outOfSequence(_ entry: FrameBatch.Entry) -> EventLogError {
            .tampered(offset: entry.offset, sequence: entry.firstSequence,
                      detail: "sequence \(entry.firstSequence) where \(nextSequence) was expected")
        }

        while true {
            if offset >= fileSize {
                try settle()  // may send `offset` back to a frame whose checksum failed
                if offset >= fileSize { break }
            }
            let checkAlone = checkNextAlone
            checkNextAlone = false
            let inspection = try unauthentic.map { Inspection.bad($0.problem, skipHint: $0.end) }
                ?? inspect(at: offset, reader: &reader, verifyingChecksum: checkAlone)
            unauthentic = nil
            switch inspection {
            case .intact(let frame):
                batch.add(frame, at: offset, checksumVerified: checkAlone)
                offset = frame.end
                if batch.entries.count >= Self.batchFrames || batch.bytes.count >= Self.batchBytes { try launch() }

            case .bad(let problem, let skipHint):
                if !batch.entries.isEmpty || inFlight != nil {  // settle the frames before it first; that may move `offset` back
                    try settle()
                    continue
                }
                switch try nextGoodFrame(after: offset, hint: skipHint, minimumSequence: nextSequence, reader: &reader) {
                case .resume(let resume):
                    let lost = resume.sequence > nextSequence ? nextSequence...(resume.sequence - 1) : nil
                    report.damage.append(DamagedRange(offsets: offset..<resume.offset, lostSequences: lost, problem: problem))
                    nextSequence = resume.sequence
                    previousTag = resume.previousTag
                    offset = resume.offset
                    batch = FrameBatch(previousTag: previousTag)
                case .unverifiable(let lastSequence):
                    // Intact-looking frames after the bad bytes: not what a crash leaves, so damage.
                    report.damage.append(DamagedRange(offsets: offset..<fileSize,
                                                      lostSequences: nextSequence...max(nextSequence, lastSequence),
                                                      problem: problem, reachesEndOfLog: true))
                    return ScanOutcome(report: report, lastTag: previousTag, index: index, watchedTag: watchedTag)
                case .reserved:
                    report.reservedBytes = fileSize - offset
                    return ScanOutcome(report: report, lastTag: previousTag, index: index, watchedTag: watchedTag)
                case .nothing(zeroFilled: true):
                    report.tornTail = TornTail(offset: offset, length: fileSize - offset, problem: .zeroFill)
                    return ScanOutcome(report: report, lastTag: previousTag, index: index, watchedTag: watchedTag)
                case .nothing(zeroFilled: false):
                    if try couldBeInterruptedWrite(at: offset, reader: &reader) {
                        report.tornTail = TornTail(offset: offset, length: fileSize - offset, problem: problem)
                    } else {
                        report.damage.append(DamagedRange(offsets: offset..<fileSize, lostSequences: nextSequence...nextSequence,
                                                          problem: problem, reachesEndOfLog: true))
                    }
                    return ScanOutcome(report: report, lastTag: previousTag, index: index, watchedTag: watchedTag)
                }
            }
        }
        return ScanOutcome(report: report, lastTag: previousTag, index: index, watchedTag: watchedTag)
    }

    /// How much is opened at once: enough to keep both cores of an old laptop busy, small enough
    /// that memory does not grow with the log.
    static let batchFrames = 512
    static let batchBytes = 4 << 20

    /// Frames collected to be opened together. Their bytes sit back to back after the tag of the
    /// frame before the first, so each frame's previous tag is the 16 bytes before it and the
    /// workers share nothing but memory they only read.
    private struct FrameBatch: Sendable {
        struct Entry: Sendable {
            /// Where the frame starts in the file, and where the next one starts.
            var offset: UInt64
            var end: UInt64
            var firstSequence: UInt64
            var storedCRC: UInt32
            var checksumVerified: Bool
            /// The frame's place in `bytes`.
            var start: Int
            var count: Int
        }

        private(set) var bytes: [UInt8]
        private(set) var entries: [Entry] = []

        init(previousTag: [UInt8]) {
            bytes = previousTag
        }

        mutating func add(_ frame: FrameView, at offset: UInt64, checksumVerified: Bool) {
            if entries.isEmpty {  // room for a batch of frames like this one
                bytes.reserveCapacity(FrameLayout.tagSize + min(LogScanner.batchBytes, LogScanner.batchFrames * frame.bytes.count))
            }
            entries.append(Entry(offset: offset, end: frame.end, firstSequence: frame.firstSequence, storedCRC: frame.storedCRC,
                                 checksumVerified: checksumVerified, start: bytes.count, count: frame.bytes.count))
            bytes.append(contentsOf: frame.bytes)
        }

        func previousTag(of entry: Entry) -> [UInt8] { Array(bytes[(entry.start - FrameLayout.tagSize)..<entry.start]) }
        func tag(of entry: Entry) -> [UInt8] { Array(bytes[(entry.start + entry.count - FrameLayout.tagSize)..<(entry.start + entry.count)]) }

        /// The tag of the last frame: the previous tag of the frame after the batch.
        var lastTag: [UInt8] { Array(bytes.suffix(FrameLayout.tagSize)) }
    }

    private enum Outcome: Sendable {
        /// The frame opened; its records are the next `count` of the batch.
        case records(count: Int)
        case checksumMismatch
        case failure(FrameOpener.Failure)
    }

    /// What opening a batch produced: an outcome per frame, and the records of the opened frames
    /// in order, in one list per piece (each piece is a contiguous run of frames one worker opened).
    private struct OpenedBatch {
        var outcomes: [Outcome]
        var recordsByPiece: [[RecordContent]]

        /// Hands out the records frame by frame, in batch order.
        struct Cursor {
            let lists: [[RecordContent]]
            var list = 0
            var position = 0

            mutating func next(_ count: Int) -> ArraySlice<RecordContent> {
                while position == lists[list].count, list + 1 < lists.count {
                    list += 1
                    position = 0
                }
                defer { position += count }
                return lists[list][position..<position + count]
            }
        }

        func records() -> Cursor { Cursor(lists: recordsByPiece) }
    }

    /// One batch being checksummed and opened in the background, on all cores; `results()` waits
    /// for it. Small batches are opened at once on the calling thread.
    private final class BatchOpening: @unchecked Sendable {
        // Written only by the workers, each piece to its own slots, before `group` is left; read only
        // after `group.wait()`.
        private var outcomes: [Outcome]
        private var recordsByPiece: [[RecordContent]]
        private let group = DispatchGroup()

        init(_ batch: FrameBatch, opener: FrameOpener) {
            let count = batch.entries.count
            let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)
            outcomes = [Outcome](repeating: .checksumMismatch, count: count)
            guard workers > 1, count >= 16 else {
                recordsByPiece = [[]]
                outcomes.withUnsafeMutableBufferPointer { output in
                    Self.open(batch, 0..<count, opener, into: output, records: &recordsByPiece[0])
                }
                return
            }
            // More pieces than cores, so that a core busy elsewhere (the reading thread) does not
            // leave the batch waiting for its one large piece.
            let pieces = workers * 4
            recordsByPiece = [[RecordContent]](repeating: [], count: pieces)
            let share = (count + pieces - 1) / pieces
            DispatchQueue.global().async(group: group) { [self] in
                outcomes.withUnsafeMutableBufferPointer { output in
                    recordsByPiece.withUnsafeMutableBufferPointer { lists in
                        nonisolated(unsafe) let output = output
                        nonisolated(unsafe) let lists = lists
                        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                            let range = min(piece * share, count)..<min((piece + 1) * share, count)
                            Self.open(batch, range, opener, into: output, records: &lists[piece])
                        }
                    }
                }
            }
        }

        func results() -> OpenedBatch {
            group.wait()
            return OpenedBatch(outcomes: outcomes, recordsByPiece: recordsByPiece)
        }

        /// Checks and opens the frames in `range`, stopping at the first that fails.
        private static func open(_ batch: FrameBatch, _ range: Range<Int>, _ opener: FrameOpener,
                                 into outcomes: UnsafeMutableBufferPointer<Outcome>, records: inout [RecordContent]) {
            var associatedData = FrameOpener.AssociatedData(fileID: opener.fileID)
            records.reserveCapacity(range.count)
            batch.bytes.withUnsafeBytes { bytes in
                for index in range {
                    let entry = batch.entries[index]
                    let frame = UnsafeRawBufferPointer(rebasing: bytes[entry.start..<(entry.start + entry.count)])
                    if !entry.checksumVerified,
                       CRC32C.checksum(UnsafeRawBufferPointer(rebasing: frame[4...])) != entry.storedCRC {
                        outcomes[index] = .checksumMismatch
                        return
                    }
                    let before = records.count
                    do throws(FrameOpener.Failure) {
                        try opener.open(body: UnsafeRawBufferPointer(rebasing: frame[FrameLayout.headerSize...]),
                                        firstSequence: entry.firstSequence,
                                        previousTag: UnsafeRawBufferPointer(rebasing: bytes[(entry.start - FrameLayout.tagSize)..<entry.start]),
                                        appendingTo: &records, associatedData: &associatedData)
                        outcomes[index] = .records(count: records.count - before)
                    } catch {
                        outcomes[index] = .failure(error)
                        return
                    }
                }
            }
        }
    }

    private struct FrameView: Sendable {
        var firstSequence: UInt64
        /// The whole frame, header included.
        var bytes: ArraySlice<UInt8>
        var end: UInt64
        var storedCRC: UInt32

        var body: ArraySlice<UInt8> { bytes.dropFirst(FrameLayout.headerSize) }

        var checksumMatches: Bool { FrameLayout.checksumMatches(bytes, storedCRC: storedCRC) }
    }

    private enum Inspection {
        case intact(FrameView)
        /// Not a frame; `skipHint` is where the next frame would start if only the contents are bad.
        case bad(FrameProblem, skipHint: UInt64?)
    }

    /// Checks framing and (unless the caller checks it later) the checksum; no key needed.
    private func inspect(at offset: UInt64, reader: inout ChunkedReader,
                         verifyingChecksum: Bool = true) throws(FileSystemError) -> Inspection {
        guard let header = try reader.bytes(at: offset, count: FrameLayout.headerSize) else {
            return .bad(.incompleteHeader, skipHint: nil)
        }
        let (storedCRC, length, firstSequence) = FrameLayout.header(header)
        guard FrameLayout.isPlausibleBodyLength(length) else { return .bad(.impossibleLength(length), skipHint: nil) }
        let end = offset + UInt64(FrameLayout.headerSize) + UInt64(length)
        guard end <= fileSize,
              let frame = try reader.bytes(at: offset, count: FrameLayout.headerSize + Int(length)) else {
            return .bad(.incompleteFrame, skipHint: nil)
        }
        let view = FrameView(firstSequence: firstSequence, bytes: frame, end: end, storedCRC: storedCRC)
        guard !verifyingChecksum || view.checksumMatches else { return .bad(.checksumMismatch, skipHint: end) }
        return .intact(view)
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
              case .intact(let frame) = try inspect(at: offset, reader: &reader) else { return .none }
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
            if let last = bytes.lastIndex(where: { $0 != 0 }) { end = position + UInt64(last - bytes.startIndex) + 1 }
            position += UInt64(count)
        }
        return end
    }
}
