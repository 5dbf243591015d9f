import Crypto
import Foundation

/// Where the next frame goes and what it chains to.
struct LogTail: Sendable, Equatable {
    var endOffset: UInt64
    /// The file's size: the bytes from `endOffset` to here are zeros reserved for the next frames.
    var fileEnd: UInt64
    var nextSequence: UInt64
    var previousTag: [UInt8]
    var lastTimestamp: UInt64
}

/// Appends frames durably, with group commit: appends that arrive while a sync is in flight wait,
/// and the next leader writes all of them as one frame with one write and one sync.
///
/// After any write or sync error the writer stops for good (a failed fsync must not be retried as
/// if nothing happened), cuts the file back to the last acknowledged frame if it can, re-reads the
/// log from disk, and reports both.
///
/// `@unchecked Sendable`: every mutable property is read and written only while holding
/// `condition`; the file I/O of a commit runs outside it but only on the single leader thread
/// (`leaderActive`), on values copied out under the lock, and `reservesSpace`, which only the
/// leader touches (leaders follow one another through the lock).
final class LogWriter: @unchecked Sendable {
    /// An item as the caller hands it over; `timestamp` is nil except when salvage copies records.
    struct Item: Sendable {
        var type: UInt8
        var payload: Data
        var timestamp: UInt64?
    }

    private struct Request {
        var ticket: UInt64
        var items: [Item]
        var recordBytes: Int
        var durable: Bool
    }

    private let condition = NSCondition()
    private let file: any OpenFile
    private var sealer: FrameSealer?
    private let clock: @Sendable () -> UInt64
    /// How far ahead space is reserved (`FileSystem.appendReservation`).
    private let reservation: UInt64
    /// Re-reads the log from disk after a failure: are records 1...n all there? nil if unreadable.
    private let reverify: @Sendable (_ acknowledgedThrough: UInt64) -> Bool?

    private var tail: LogTail
    private var queue: [Request] = []
    private var results: [UInt64: Result<ClosedRange<UInt64>, EventLogError>] = [:]
    private var nextTicket: UInt64 = 0
    private var leaderActive = false
    private var failure: WriteFailure?
    private var isClosed = false
    /// Cleared when the disk had no room for a reservation step: from then until the log is
    /// reopened, frames past the end are written alone instead of trying a step on every append.
    private var reservesSpace = true

    init(file: any OpenFile, sealer: FrameSealer, tail: LogTail, reservation: Int,
         clock: @escaping @Sendable () -> UInt64,
         reverify: @escaping @Sendable (UInt64) -> Bool?) {
        self.file = file
        self.sealer = sealer
        self.tail = tail
        self.reservation = UInt64(max(1, reservation))
        self.clock = clock
        self.reverify = reverify
    }

    /// The tail as of the last acknowledged commit; readers never look past `endOffset`.
    var committedTail: LogTail { condition.withLock { tail } }

    var stoppedBy: WriteFailure? { condition.withLock { failure } }

    /// Appends `items` as one atomic frame (possibly shared with concurrent appends) and returns
    /// their sequence numbers once durable (`durable: false` only for salvage, which syncs at the end).
    func commit(_ items: [Item], durable: Bool = true) throws(EventLogError) -> ClosedRange<UInt64> {
        guard !items.isEmpty else { throw .emptyBatch }
        let recordBytes = items.reduce(0) { $0 + FrameLayout.recordHeaderSize + $1.payload.count }
        let limit = FrameLayout.maxPlaintextSize - FrameLayout.plaintextPrefixSize
        guard recordBytes <= limit else { throw .recordTooLarge(size: recordBytes, limit: limit) }

        condition.lock()
        if isClosed { condition.unlock(); throw .closed }
        if let failure { condition.unlock(); throw .writerStopped(failure) }
        let ticket = nextTicket
        nextTicket += 1
        queue.append(Request(ticket: ticket, items: items, recordBytes: recordBytes, durable: durable))
        while true {
            if let result = results.removeValue(forKey: ticket) {
                condition.unlock()
                return try result.get()
            }
            if !leaderActive && queue.first?.ticket == ticket { break }
            condition.wait()
        }

        leaderActive = true
        var group = [queue.removeFirst()]
        var groupBytes = recordBytes
        while let next = queue.first, groupBytes + next.recordBytes <= limit {
            group.append(queue.removeFirst())
            groupBytes += next.recordBytes
        }
        let startTail = tail
        let earlierFailure = failure
        let currentSealer = sealer
        condition.unlock()

        let outcome: Result<(LogTail, [ClosedRange<UInt64>]), EventLogError>
        if let earlierFailure {
            outcome = .failure(.writerStopped(earlierFailure))
        } else if let currentSealer {
            outcome = write(group, after: startTail, sealer: currentSealer)
        } else {
            outcome = .failure(.closed)
        }

        condition.lock()
        switch outcome {
        case .success(let (newTail, ranges)):
            tail = newTail
            for (request, range) in zip(group, ranges) { results[request.ticket] = .success(range) }
        case .failure(let error):
            if failure == nil, case .diskFull(let detail) = error { failure = detail }
            if failure == nil, case .writeFailed(let detail) = error { failure = detail }
            for request in group { results[request.ticket] = .failure(error) }
        }
        leaderActive = false
        condition.broadcast()
        let mine = results.removeValue(forKey: ticket)!
        condition.unlock()
        return try mine.get()
    }

    /// Makes commits made with `durable: false` durable.
    func sync() throws(EventLogError) {
        do { try file.sync() } catch { throw .writeFailed(WriteFailure(operation: "\(error)", code: error.code)) }
    }

    /// Waits for commits in flight, then refuses new ones and forgets the key.
    func close() {
        condition.lock()
        while leaderActive || !queue.isEmpty { condition.wait() }
        isClosed = true
        sealer = nil
        condition.unlock()
    }

    private func write(_ group: [Request], after start: LogTail, sealer: FrameSealer)
        -> Result<(LogTail, [ClosedRange<UInt64>]), EventLogError> {
        var timestamp = max(clock(), start.lastTimestamp)
        var records: [RecordContent] = []
        var ranges: [ClosedRange<UInt64>] = []
        var sequence = start.nextSequence
        for request in group {
            ranges.append(sequence...(sequence + UInt64(request.items.count) - 1))
            sequence += UInt64(request.items.count)
            for item in request.items {
                if let explicit = item.timestamp { timestamp = explicit }
                records.append(RecordContent(type: item.type, timestamp: timestamp, payload: item.payload))
            }
        }
        let frame: (bytes: [UInt8], tag: [UInt8])
        do {
            frame = try sealer.seal(records, firstSequence: start.nextSequence, previousTag: start.previousTag)
        } catch {
            return .failure(.writeFailed(WriteFailure(operation: "sealing a frame: \(error)", code: 0)))
        }
        let endOffset = start.endOffset + UInt64(frame.bytes.count)
        let fileEnd: UInt64
        do {
            if endOffset > start.fileEnd, reservesSpace {
                fileEnd = try writeReserving(frame.bytes, at: start.endOffset)
            } else {
                try file.write(frame.bytes, at: start.endOffset)
                fileEnd = max(start.fileEnd, endOffset)
            }
            if group.contains(where: \.durable) { try file.sync() }
        } catch {
            return .failure(stop(after: error, acknowledged: start))
        }
        let newTail = LogTail(endOffset: endOffset, fileEnd: fileEnd, nextSequence: sequence,
                              previousTag: frame.tag, lastTimestamp: timestamp)
        return .success((newTail, ranges))
    }

    /// Writes a frame that ends past the reserved space together with the next step of zeros, so
    /// that the appends after it change no file size and their syncs write data alone. When the
    /// disk has no room for the step, the frame is written alone, and so are the next ones: a
    /// nearly full disk still takes every frame that fits. Returns the new end of the file.
    private func writeReserving(_ frame: [UInt8], at offset: UInt64) throws(FileSystemError) -> UInt64 {
        let frameEnd = offset + UInt64(frame.count)
        let fileEnd = (frameEnd / reservation + 1) * reservation
        do {
            try file.write(frame + [UInt8](repeating: 0, count: Int(fileEnd - frameEnd)), at: offset)
            return fileEnd
        } catch where error.isDiskFull {
            reservesSpace = false
            try file.truncate(to: offset)  // what part of the step was written
            try file.write(frame, at: offset)
            return frameEnd
        }
    }

    /// Best effort to leave no partial frame behind (the reserved space goes too), then re-read the
    /// log to confirm what was acknowledged.
    private func stop(after error: FileSystemError, acknowledged: LogTail) -> EventLogError {
        try? file.truncate(to: acknowledged.endOffset)
        try? file.sync()
        let verified = reverify(acknowledged.nextSequence - 1)
        let failure = WriteFailure(operation: "\(error)", code: error.code, acknowledgedRecordsVerified: verified)
        return error.isDiskFull ? .diskFull(failure) : .writeFailed(failure)
    }
}
