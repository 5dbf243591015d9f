import Crypto

/// Everything a front-to-back pass over the log learned; the writer continues from it.
struct ScanOutcome {
    var report: ReadReport
    /// Tag of the last good frame: the `previousTag` of the next one.
    var lastTag: [UInt8]
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

        while offset < fileSize {
            switch try inspect(at: offset, reader: &reader) {
            case .intact(let frame):
                guard frame.firstSequence == nextSequence else {
                    throw EventLogError.tampered(offset: offset, sequence: frame.firstSequence,
                                                 detail: "sequence \(frame.firstSequence) where \(nextSequence) was expected")
                }
                let records: [RecordContent]
                do {
                    records = try opener.open(body: frame.body, firstSequence: frame.firstSequence, previousTag: previousTag)
                } catch {
                    let detail = error == .authentication ? "authentication tag does not verify" : "malformed contents"
                    throw EventLogError.tampered(offset: offset, sequence: frame.firstSequence, detail: detail)
                }
                try deliver(frame.firstSequence, records)
                report.recordCount += records.count
                report.firstTimestamp = report.firstTimestamp ?? records.first?.timestamp
                report.lastTimestamp = records.last?.timestamp
                nextSequence = frame.firstSequence + UInt64(records.count)
                report.lastSequence = nextSequence - 1
                previousTag = Array(frame.body.suffix(FrameLayout.tagSize))
                offset = frame.end
                report.endOffset = offset

            case .bad(let problem, let skipHint):
                guard let resume = try nextGoodFrame(after: offset, hint: skipHint, minimumSequence: nextSequence, reader: &reader) else {
                    report.tornTail = TornTail(offset: offset, length: fileSize - offset,
                                               problem: try isZeroFilled(from: offset, reader: &reader) ? .zeroFill : problem)
                    return ScanOutcome(report: report, lastTag: previousTag)
                }
                let lost = resume.sequence > nextSequence ? nextSequence...(resume.sequence - 1) : nil
                report.damage.append(DamagedRange(offsets: offset..<resume.offset, lostSequences: lost, problem: problem))
                nextSequence = resume.sequence
                previousTag = resume.previousTag
                offset = resume.offset
            }
        }
        return ScanOutcome(report: report, lastTag: previousTag)
    }

    private struct FrameView {
        var firstSequence: UInt64
        var body: ArraySlice<UInt8>
        var end: UInt64
    }

    private enum Inspection {
        case intact(FrameView)
        /// Not a frame; `skipHint` is where the next frame would start if only the contents are bad.
        case bad(FrameProblem, skipHint: UInt64?)
    }

    /// Checks framing and checksum only (no key needed).
    private func inspect(at offset: UInt64, reader: inout ChunkedReader) throws(FileSystemError) -> Inspection {
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
        let computed = frame.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[4...])) }
        guard computed == storedCRC else { return .bad(.checksumMismatch, skipHint: end) }
        return .intact(FrameView(firstSequence: firstSequence, body: frame.dropFirst(FrameLayout.headerSize), end: end))
    }

    private struct Resumption {
        var offset: UInt64
        var sequence: UInt64
        var previousTag: [UInt8]
    }

    /// The first good frame after bad bytes at `badOffset`: tried first where the bad frame's own
    /// length says the next one starts, then at every later byte.
    private func nextGoodFrame(after badOffset: UInt64, hint: UInt64?, minimumSequence: UInt64,
                               reader: inout ChunkedReader) throws -> Resumption? {
        let minimumFrame = UInt64(FrameLayout.headerSize + FrameLayout.sealingOverhead + FrameLayout.paddingUnit)
        if let hint, let found = try goodFrame(at: hint, minimumSequence: minimumSequence, reader: &reader) {
            return found
        }
        var candidate = badOffset + 1
        while candidate + minimumFrame <= fileSize {
            if candidate != hint, let found = try goodFrame(at: candidate, minimumSequence: minimumSequence, reader: &reader) {
                return found
            }
            candidate += 1
        }
        return nil
    }

    private func goodFrame(at offset: UInt64, minimumSequence: UInt64, reader: inout ChunkedReader) throws -> Resumption? {
        guard offset >= UInt64(LogHeader.size + FrameLayout.tagSize),
              case .intact(let frame) = try inspect(at: offset, reader: &reader),
              frame.firstSequence >= minimumSequence,
              let previous = try reader.bytes(at: offset - UInt64(FrameLayout.tagSize), count: FrameLayout.tagSize)
        else { return nil }
        let previousTag = Array(previous)
        guard (try? opener.open(body: frame.body, firstSequence: frame.firstSequence, previousTag: previousTag)) != nil else {
            return nil
        }
        return Resumption(offset: offset, sequence: frame.firstSequence, previousTag: previousTag)
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
