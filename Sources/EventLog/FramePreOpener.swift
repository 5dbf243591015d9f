import Foundation

/// Reads the log's frames ahead of the scanner and checksums and opens them on all cores, then
/// hands them over one by one, in file order, as a one-by-one reader would.
///
/// Checksums and decryption are nearly all the cost of a read, so frames whose framing looks
/// right are collected into batches, and each batch is opened in the background while the one
/// before it is handed over: the caller's work on one batch (decoding, replay) overlaps the
/// opening of the next. The pre-opener judges nothing: a frame that does not open is handed over
/// as it is, and the caller decides what it means and where reading goes on (`restart`).
struct FramePreOpener {
    /// A frame whose framing is right, where it lies in the file.
    struct Frame {
        var offset: UInt64
        /// Where the next frame starts.
        var end: UInt64
        var firstSequence: UInt64
    }

    enum Next {
        /// The frame's checksum is right and it authenticates; its records.
        case opened(Frame, ArraySlice<RecordContent>)
        /// The frame's checksum is right but it does not authenticate.
        case unauthentic(Frame, FrameOpener.Failure)
        /// Bytes at `offset` that are not a frame; `skipHint` is where the next frame would start
        /// if only the contents are bad.
        case notAFrame(offset: UInt64, FrameProblem, skipHint: UInt64?)
        /// The end of the file.
        case end
    }

    /// How much is opened at once: enough to keep both cores of an old laptop busy, small enough
    /// that memory does not grow with the log.
    static let batchFrames = 512
    static let batchBytes = 4 << 20

    private var reader: ChunkedReader
    private let opener: FrameOpener
    /// Where collecting goes on, and the previous tag of the frame there.
    private var collectAt: UInt64
    private var collectPreviousTag: [UInt8]
    /// What collecting met at `collectAt`, handed over once everything before it is.
    private var stop: Next?
    private var inFlight: (frames: FrameBatch, opening: BatchOpening)?
    private var handingOver: HandOver?
    private let priority: DispatchQoS.QoSClass

    init(file: any OpenFile, fileSize: UInt64, opener: FrameOpener, from offset: UInt64, previousTag: [UInt8],
         priority: DispatchQoS.QoSClass = .default) {
        reader = ChunkedReader(file: file, limit: fileSize)
        self.opener = opener
        self.priority = priority
        collectAt = offset
        collectPreviousTag = previousTag
    }

    /// The next frame in file order. After anything but `.opened`, reading goes on only through
    /// `restart`: what was opened past it was opened with the wrong chain.
    mutating func next() throws(FileSystemError) -> Next {
        while true {
            if let next = handingOver?.next() { return next }
            handingOver = nil
            if inFlight == nil {
                if let stop { return stop }
                try collectAndOpen()
                continue
            }
            let opened = inFlight!
            inFlight = nil
            if stop == nil { try collectAndOpen() }  // opens while `opened` is handed over
            handingOver = HandOver(frames: opened.frames, opened: opened.opening.results())
        }
    }

    /// Reading goes on at `offset`, whose frame chains to `previousTag`; what was read ahead is dropped.
    mutating func restart(at offset: UInt64, previousTag: [UInt8]) {
        _ = inFlight?.opening.results()  // let it finish: the cores are wanted for what comes next
        inFlight = nil
        handingOver = nil
        stop = nil
        collectAt = offset
        collectPreviousTag = previousTag
    }

    /// The previous tag of what `next()` returned last: the tag of the last frame handed over
    /// (or the chain's start).
    var previousTag: [UInt8] {
        guard let handingOver else { return collectPreviousTag }
        return handingOver.frames.previousTag(of: handingOver.current)
    }

    /// The tag of the frame `next()` returned last, when that was `.opened`.
    var tag: [UInt8] {
        guard let handingOver else { preconditionFailure("no frame was handed over") }
        return handingOver.frames.tag(of: handingOver.current)
    }

    /// Collects the frames from `collectAt` into a batch and starts opening it, stopping at a full
    /// batch, at bytes that are not a frame or at the end of the file.
    private mutating func collectAndOpen() throws(FileSystemError) {
        var batch = FrameBatch(previousTag: collectPreviousTag)
        while batch.entries.count < Self.batchFrames, batch.bytes.count < Self.batchBytes {
            guard collectAt < reader.limit else {
                stop = .end
                break
            }
            switch try FrameView.read(at: collectAt, reader: &reader) {
            case .frame(let frame):
                batch.add(frame, at: collectAt)
                collectAt = frame.end
            case .notAFrame(let problem):
                stop = .notAFrame(offset: collectAt, problem, skipHint: nil)
            }
            if stop != nil { break }
        }
        guard !batch.entries.isEmpty else { return }
        collectPreviousTag = batch.lastTag
        inFlight = (batch, BatchOpening(batch, opener: opener, priority: priority))
    }

    /// An opened batch being handed over frame by frame.
    private struct HandOver {
        let frames: FrameBatch
        let opened: OpenedBatch
        var records: OpenedBatch.Cursor
        /// The entry handed over last.
        private(set) var current: FrameBatch.Entry
        private var position = 0

        init(frames: FrameBatch, opened: OpenedBatch) {
            self.frames = frames
            self.opened = opened
            records = opened.records()
            current = frames.entries[0]
        }

        mutating func next() -> Next? {
            guard position < frames.entries.count else { return nil }
            current = frames.entries[position]
            let frame = Frame(offset: current.offset, end: current.end, firstSequence: current.firstSequence)
            switch opened.outcomes[position] {
            case .records(let count):
                position += 1
                return .opened(frame, records.next(count))
            case .failure(let failure):
                position = frames.entries.count  // the rest was opened past it
                return .unauthentic(frame, failure)
            case .checksumMismatch:
                position = frames.entries.count
                return .notAFrame(offset: current.offset, .checksumMismatch, skipHint: current.end)
            }
        }
    }
}

/// A frame whose framing is right (header, plausible length, all its bytes in the file); its
/// checksum is not checked yet.
struct FrameView: Sendable {
    var firstSequence: UInt64
    /// The whole frame, header included.
    var bytes: ArraySlice<UInt8>
    var end: UInt64
    var storedCRC: UInt32

    var body: ArraySlice<UInt8> { bytes.dropFirst(FrameLayout.headerSize) }

    var checksumMatches: Bool { FrameLayout.checksumMatches(bytes, storedCRC: storedCRC) }

    enum Framing {
        case frame(FrameView)
        case notAFrame(FrameProblem)
    }

    /// The frame at `offset` if its framing is right; no key needed.
    static func read(at offset: UInt64, reader: inout ChunkedReader) throws(FileSystemError) -> Framing {
        guard let header = try reader.bytes(at: offset, count: FrameLayout.headerSize) else {
            return .notAFrame(.incompleteHeader)
        }
        let (storedCRC, length, firstSequence) = FrameLayout.header(header)
        guard FrameLayout.isPlausibleBodyLength(length) else { return .notAFrame(.impossibleLength(length)) }
        let end = offset + UInt64(FrameLayout.headerSize) + UInt64(length)
        guard end <= reader.limit,
              let frame = try reader.bytes(at: offset, count: FrameLayout.headerSize + Int(length)) else {
            return .notAFrame(.incompleteFrame)
        }
        return .frame(FrameView(firstSequence: firstSequence, bytes: frame, end: end, storedCRC: storedCRC))
    }
}

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
        /// The frame's place in `bytes`.
        var start: Int
        var count: Int
    }

    private(set) var bytes: [UInt8]
    private(set) var entries: [Entry] = []

    init(previousTag: [UInt8]) {
        bytes = previousTag
    }

    mutating func add(_ frame: FrameView, at offset: UInt64) {
        if entries.isEmpty {  // room for a batch of frames like this one
            bytes.reserveCapacity(FrameLayout.tagSize
                                  + min(FramePreOpener.batchBytes, FramePreOpener.batchFrames * frame.bytes.count))
        }
        entries.append(Entry(offset: offset, end: frame.end, firstSequence: frame.firstSequence, storedCRC: frame.storedCRC,
                             start: bytes.count, count: frame.bytes.count))
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

    init(_ batch: FrameBatch, opener: FrameOpener, priority: DispatchQoS.QoSClass) {
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
        // The workers run at the queue's priority, not the caller's (libdispatch on Linux does not
        // carry it over; its background queue's threads run at nice 10).
        DispatchQueue.global(qos: priority).async(group: group) { [self] in
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
                if CRC32C.checksum(UnsafeRawBufferPointer(rebasing: frame[4...])) != entry.storedCRC {
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
