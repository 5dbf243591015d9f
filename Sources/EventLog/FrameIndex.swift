import Foundation

/// A sparse map from sequence numbers to frame offsets, made by the opening read: the start of
/// every `stride`-th good frame, and of every frame where reading resumed after damage. From the
/// nearest entry at or before a sequence number, a reader walks frame headers (their first
/// sequence and length are in clear) to the frame that holds it. 16 bytes per `stride` frames:
/// under 1 MiB for the 3.2 million frames of 200,000 cases.
struct FrameIndex: Sendable {
    struct Entry: Sendable {
        var sequence: UInt64
        var offset: UInt64
    }

    static let stride = 64

    private(set) var entries: [Entry] = []
    private var framesSinceEntry = 0
    private var lastEnd: UInt64?

    init() {}

    /// An index continued from a snapshot's entries: the next frame noted gets an entry of its own.
    init(entries: [Entry]) { self.entries = entries }

    /// Called for each good frame, in log order.
    mutating func noteGoodFrame(sequence: UInt64, offset: UInt64, end: UInt64) {
        if lastEnd != offset || framesSinceEntry >= Self.stride {  // first, after damage, or every stride
            entries.append(Entry(sequence: sequence, offset: offset))
            framesSinceEntry = 0
        }
        framesSinceEntry += 1
        lastEnd = end
    }

    /// The last entry whose frame starts at or before `sequence`.
    func entry(before sequence: UInt64) -> Entry? {
        var low = 0, high = entries.count  // first entry with a sequence above `sequence`
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].sequence <= sequence { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : entries[low - 1]
    }
}

extension EventLog {
    /// The records with these sequence numbers, in ascending order of sequence; those not in the
    /// log (lost to damage, not yet written) are left out. Each frame read is checked as on a full
    /// read (checksum, then AES-GCM with its place and the tag before it), so what comes back is
    /// what was appended. Cost: a few small reads per frame asked for, not a pass over the log —
    /// this is how the app shows one case's history without holding every case's in memory.
    public func records(withSequences sequences: some Sequence<UInt64>) throws -> [LogRecord] {
        let wanted = Set(sequences).sorted()
        guard !wanted.isEmpty else { return [] }
        let keys = try dataKeys()
        let size = try readableEnd()
        let opener = FrameOpener(keys: keys, fileID: header.fileID)
        var reader = ChunkedReader(file: file, limit: size, chunkSize: 64 << 10)
        var found: [LogRecord] = []
        var position: FrameIndex.Entry?  // the frame the walk stands on
        var next = wanted.startIndex
        while next < wanted.endIndex {
            let sequence = wanted[next]
            guard let start = frameIndex.entry(before: sequence) ?? firstFrameOfANewLog else { next += 1; continue }
            if position == nil || position!.sequence > sequence || position!.offset < start.offset { position = start }
            // Walk headers to the frame holding `sequence`: the last whose first sequence is <= it.
            var frame = try frameHeader(at: position!.offset, reader: &reader, size: size)
            while let current = frame, let following = try frameHeader(at: current.end, reader: &reader, size: size),
                  following.sequence <= sequence, following.sequence > current.sequence,
                  !openingRead.damage.contains(where: { $0.offsets.contains(following.offset) }) {
                frame = following
            }
            guard let frame, frame.sequence <= sequence else { next += 1; continue }
            position = FrameIndex.Entry(sequence: frame.sequence, offset: frame.offset)
            let records = try openFrame(frame, reader: &reader, opener: opener)
            while next < wanted.endIndex, wanted[next] >= frame.sequence,
                  wanted[next] < frame.sequence + UInt64(records.count) {
                found.append(LogRecord(records[Int(wanted[next] - frame.sequence)], sequence: wanted[next]))
                next += 1
            }
            if next < wanted.endIndex, wanted[next] == sequence { next += 1 }  // past the frame's records: not in the log
        }
        return found
    }

    /// A log created (or found empty) by this process has no index entry, as the opening read saw
    /// no frame; its frames start right after the header, from sequence 1.
    private var firstFrameOfANewLog: FrameIndex.Entry? {
        guard openingRead.recordCount == 0, openingRead.damage.isEmpty else { return nil }
        return FrameIndex.Entry(sequence: 1, offset: UInt64(LogHeader.size))
    }

    private struct FrameHeader {
        var offset: UInt64
        var sequence: UInt64
        var length: Int
        var end: UInt64
    }

    /// Where the frame holding `sequence` starts, walking frame headers from the nearest index
    /// entry (nil when the log does not hold it): what a snapshot is bound to.
    func frameStart(holding sequence: UInt64) throws -> UInt64? {
        let size = try readableEnd()
        var reader = ChunkedReader(file: file, limit: size, chunkSize: 64 << 10)
        guard let start = frameIndex.entry(before: sequence) ?? firstFrameOfANewLog,
              var frame = try frameHeader(at: start.offset, reader: &reader, size: size) else { return nil }
        while let following = try frameHeader(at: frame.end, reader: &reader, size: size),
              following.sequence <= sequence, following.sequence > frame.sequence {
            frame = following
        }
        return frame.sequence <= sequence ? frame.offset : nil
    }

    /// The header of a frame that fits in the file, or nil (end of the log, or bad bytes).
    private func frameHeader(at offset: UInt64, reader: inout ChunkedReader, size: UInt64) throws -> FrameHeader? {
        guard let bytes = try reader.bytes(at: offset, count: FrameLayout.headerSize) else { return nil }
        let (_, length, sequence) = FrameLayout.header(bytes)
        guard FrameLayout.isPlausibleBodyLength(length) else { return nil }
        let end = offset + UInt64(FrameLayout.headerSize) + UInt64(length)
        guard end <= size else { return nil }
        return FrameHeader(offset: offset, sequence: sequence, length: Int(length), end: end)
    }

    /// Checks and decrypts one frame; damage or tampering here is reported as on a full read.
    private func openFrame(_ frame: FrameHeader, reader: inout ChunkedReader,
                           opener: FrameOpener) throws -> [RecordContent] {
        guard let bytes = try reader.bytes(at: frame.offset, count: FrameLayout.headerSize + frame.length),
              FrameLayout.checksumMatches(bytes, storedCRC: FrameLayout.header(bytes).storedCRC)
        else {
            throw EventLogError.tampered(offset: frame.offset, sequence: frame.sequence, detail: "checksum does not match")
        }
        let previousTag: [UInt8]
        if frame.offset == UInt64(LogHeader.size) {
            previousTag = FrameLayout.initialPreviousTag
        } else if let before = try reader.bytes(at: frame.offset - UInt64(FrameLayout.tagSize), count: FrameLayout.tagSize) {
            previousTag = Array(before)
        } else {
            throw EventLogError.tampered(offset: frame.offset, sequence: frame.sequence, detail: "no previous tag")
        }
        do {
            return try opener.open(body: bytes.dropFirst(FrameLayout.headerSize), firstSequence: frame.sequence,
                                   previousTag: previousTag)
        } catch {
            throw EventLogError.tampered(offset: frame.offset, sequence: frame.sequence, detail: error.detail)
        }
    }
}
