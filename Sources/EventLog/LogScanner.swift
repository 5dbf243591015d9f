import Crypto
import Foundation

/// Everything a front-to-back pass over the log learned; the writer continues from it.
struct ScanOutcome {
    var report: ReadReport
    /// Tag of the last good frame: the `previousTag` of the next one.
    var lastTag: [UInt8]
    /// Where some good frames start, for reading records back by sequence number (`FrameIndex`).
    var index: FrameIndex
}

/// Reads the log front to back, checking every frame, and classifies what is not a good frame:
///
/// - bad bytes with no good frame after them are a torn tail;
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

    init(file: any OpenFile, fileSize: UInt64, key: SymmetricKey, fileID: [UInt8]) {
        self.file = file
        self.fileSize = fileSize
        self.opener = FrameOpener(key: key, fileID: fileID)
    }

    /// Calls `deliver` with each good frame's first sequence number and records, in order.
    func scan(_ deliver: (UInt64, [RecordContent]) throws -> Void) throws -> ScanOutcome {
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
        var batch: [PendingFrame] = []
        var batchBytes = 0
        var inFlight: (frames: [PendingFrame], opening: BatchOpening)?
        var index = FrameIndex()
        var checkNextAlone = false

        /// Delivers `frames` in order; false when a checksum mismatch sent `offset` back to it.
        func deliverAll(_ frames: [PendingFrame], _ results: [Opened]) throws -> Bool {
            for (frame, opened) in zip(frames, results) {
                let records: [RecordContent]
                switch opened {
                case .checksumMismatch:
                    offset = frame.offset
                    previousTag = frame.previousTag
                    checkNextAlone = true
                    return false
                case .failure(let error):
                    guard frame.view.firstSequence == nextSequence else { throw outOfSequence(frame) }
                    let detail = error == .authentication ? "authentication tag does not verify" : "malformed contents"
                    throw EventLogError.tampered(offset: frame.offset, sequence: frame.view.firstSequence, detail: detail)
                case .records(let contents):
                    guard frame.view.firstSequence == nextSequence else { throw outOfSequence(frame) }
                    records = contents
                }
                index.noteGoodFrame(sequence: frame.view.firstSequence, offset: frame.offset, end: frame.view.end)
                try deliver(frame.view.firstSequence, records)
                report.recordCount += records.count
                report.firstTimestamp = report.firstTimestamp ?? records.first?.timestamp
                report.lastTimestamp = records.last?.timestamp
                nextSequence = frame.view.firstSequence + UInt64(records.count)
                report.lastSequence = nextSequence - 1
                report.endOffset = frame.view.end
            }
            return true
        }
        /// Starts opening the collected batch, then delivers the one before it.
        func launch() throws {
            let frames = batch
            let opening = BatchOpening(frames, opener: opener)
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            if let previous = inFlight {
                inFlight = nil
                guard try deliverAll(previous.frames, previous.opening.results()) else {
                    _ = opening.results()  // it was read past the mismatch: discarded
                    return
                }
            }
            inFlight = (frames, opening)
        }
        /// Delivers everything collected so far (before a bad frame, or at the end).
        func settle() throws {
            if !batch.isEmpty { try launch() }
            if let previous = inFlight {
                inFlight = nil
                _ = try deliverAll(previous.frames, previous.opening.results())
            }
        }
        func outOfSequence(_ frame: PendingFrame) -> EventLogError {
            .tampered(offset: frame.offset, sequence: frame.view.firstSequence,
                      detail: "sequence \(frame.view.firstSequence) where \(nextSequence) was expected")
        }

        while true {
            if offset >= fileSize {
                try settle()  // may send `offset` back to a frame whose checksum failed
                if offset >= fileSize { break }
            }
            let checkAlone = checkNextAlone
            checkNextAlone = false
            switch try inspect(at: offset, reader: &reader, verifyingChecksum: checkAlone) {
            case .intact(let frame):
                batch.append(PendingFrame(offset: offset, view: frame, previousTag: previousTag, checksumVerified: checkAlone))
                batchBytes += frame.body.count
                previousTag = Array(frame.body.suffix(FrameLayout.tagSize))
                offset = frame.end
                if batch.count >= Self.batchFrames || batchBytes >= Self.batchBytes { try launch() }

            case .bad(let problem, let skipHint):
                if !batch.isEmpty || inFlight != nil {  // settle the frames before it first; that may move `offset` back
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
                case .unverifiable(let lastSequence):
                    // Intact-looking frames after the bad bytes: not what a crash leaves, so damage.
                    report.damage.append(DamagedRange(offsets: offset..<fileSize,
                                                      lostSequences: nextSequence...max(nextSequence, lastSequence),
                                                      problem: problem))
                    return ScanOutcome(report: report, lastTag: previousTag, index: index)
                case .nothing(let zeroFilled):
                    report.tornTail = TornTail(offset: offset, length: fileSize - offset, problem: zeroFilled ? .zeroFill : problem)
                    return ScanOutcome(report: report, lastTag: previousTag, index: index)
                }
            }
        }
        return ScanOutcome(report: report, lastTag: previousTag, index: index)
    }

    /// How much is opened at once: enough to keep both cores of an old laptop busy, small enough
    /// that memory does not grow with the log.
    static let batchFrames = 512
    static let batchBytes = 4 << 20

    private struct PendingFrame: Sendable {
        var offset: UInt64
        var view: FrameView
        var previousTag: [UInt8]
        var checksumVerified: Bool
    }

    private enum Opened: Sendable {
        case records([RecordContent])
        case checksumMismatch
        case failure(FrameOpener.Failure)
    }

    /// One batch being checksummed and opened in the background, on all cores; `results()` waits
    /// for it. Small batches are opened at once on the calling thread.
    private final class BatchOpening: @unchecked Sendable {
        // Written only by the workers, each to its own slice, before `group` is left; read only
        // after `group.wait()`.
        private var opened: [Opened]
        private let group = DispatchGroup()

        init(_ batch: [PendingFrame], opener: FrameOpener) {
            let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)
            guard workers > 1, batch.count >= 16 else {
                opened = batch.map { Self.open($0, opener) }
                return
            }
            opened = [Opened](repeating: .checksumMismatch, count: batch.count)
            let share = (batch.count + workers - 1) / workers
            DispatchQueue.global().async(group: group) { [self] in
                opened.withUnsafeMutableBufferPointer { output in
                    nonisolated(unsafe) let output = output
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        let start = worker * share
                        let end = min(start + share, batch.count)
                        guard start < end else { return }
                        for index in start..<end { output[index] = Self.open(batch[index], opener) }
                    }
                }
            }
        }

        func results() -> [Opened] {
            group.wait()
            return opened
        }

        private static func open(_ frame: PendingFrame, _ opener: FrameOpener) -> Opened {
            if !frame.checksumVerified, !frame.view.checksumMatches { return .checksumMismatch }
            do {
                return .records(try opener.open(body: frame.view.body, firstSequence: frame.view.firstSequence,
                                                previousTag: frame.previousTag))
            } catch {
                return .failure(error)
            }
        }
    }

    private struct FrameView: Sendable {
        var firstSequence: UInt64
        var body: ArraySlice<UInt8>
        var end: UInt64
        /// The bytes the checksum covers (everything after the checksum field), and the checksum.
        var checked: ArraySlice<UInt8>
        var storedCRC: UInt32

        var checksumMatches: Bool {
            checked.withUnsafeBytes { CRC32C.checksum($0) } == storedCRC
        }
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
        let storedCRC = UInt32.littleEndian(from: header[header.startIndex...])
        let length = UInt32.littleEndian(from: header[(header.startIndex + 4)...])
        let firstSequence = UInt64.littleEndian(from: header[(header.startIndex + 8)...])
        guard FrameLayout.isPlausibleBodyLength(length) else { return .bad(.impossibleLength(length), skipHint: nil) }
        let end = offset + UInt64(FrameLayout.headerSize) + UInt64(length)
        guard end <= fileSize,
              let frame = try reader.bytes(at: offset, count: FrameLayout.headerSize + Int(length)) else {
            return .bad(.incompleteFrame, skipHint: nil)
        }
        let view = FrameView(firstSequence: firstSequence, body: frame.dropFirst(FrameLayout.headerSize), end: end,
                             checked: frame.dropFirst(4), storedCRC: storedCRC)
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
        /// Nothing frame-like: a torn tail.
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
        if try isZeroFilled(from: badOffset, reader: &reader) { return .nothing(zeroFilled: true) }
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
        while offset + minimumFrame <= fileSize {
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

    private func isZeroFilled(from offset: UInt64, reader: inout ChunkedReader) throws(FileSystemError) -> Bool {
        var position = offset
        while position < fileSize {
            let count = Int(min(UInt64(ChunkedReader.chunkSize), fileSize - position))
            guard let bytes = try reader.bytes(at: position, count: count) else { return false }
            if bytes.contains(where: { $0 != 0 }) { return false }
            position += UInt64(count)
        }
        return true
    }
}
