import Foundation
import Synchronization
import Testing
@testable import EventLog

/// Test 8: the reader, fed random bytes, mutated logs and huge length fields, never traps,
/// asks for a bounded number of bytes at a time, terminates, returns only records that were
/// written (at their sequence numbers, every intact frame before the first change among them), and
/// reports damage only inside the input. The same entry points serve a
/// libFuzzer harness (docs/log-operations.md).
@Suite struct ReaderFuzzTests {
    /// The most a reader may ask for in one read: a chunk, or one whole frame.
    static let readBound = max(ChunkedReader.chunkSize, FrameLayout.headerSize + FrameLayout.maxBodyLength)

    /// What one read of fuzzed bytes gave.
    struct Outcome {
        var records: [(sequence: UInt64, record: RecordContent)] = []
        var report: ReadReport?
        var largestRead = 0
    }

    /// Reads `bytes` as a log through a file that remembers its largest read.
    static func read(_ bytes: [UInt8]) -> Outcome {
        let file = MeasuringFile(bytes)
        var outcome = Outcome()
        guard let header = try? LogHeader.decode(bytes) else { return outcome }
        outcome.report = try? LogScanner(file: file, fileSize: UInt64(bytes.count), key: EventLogFuzzing.key, fileID: header.fileID,
                                         reservationStep: FrameLayout.reservationStep)
            .scan { first, frame in
                for (index, record) in frame.enumerated() { outcome.records.append((first + UInt64(index), record)) }
            }.report
        outcome.largestRead = file.largestRead
        return outcome
    }

    static func readMeasuringAllocation(_ bytes: [UInt8]) -> (records: Int, largestRead: Int) {
        let outcome = read(bytes)
        return (outcome.report == nil && outcome.records.isEmpty ? -1 : outcome.records.count, outcome.largestRead)
    }

    /// The reader's invariants on a changed copy of `sample`: what it returns was written, at the
    /// same sequence number, in order; every frame that ends before the first changed byte is
    /// returned (nothing intact is lost or called torn); every damaged range and torn tail it
    /// reports lies inside the input, after that intact prefix.
    static func expectInvariants(_ outcome: Outcome, changed bytes: [UInt8], from sample: [UInt8], frames: [FrameLocation]) {
        let firstChange = zip(bytes, sample).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(bytes.count, sample.count)
        let intactPrefix = frames.filter { $0.end <= firstChange }
        let prefixEnd = UInt64(intactPrefix.last?.end ?? LogHeader.size)
        let written = Dictionary(uniqueKeysWithValues: frames.flatMap { frame in
            (0..<2).map { (frame.firstSequence + UInt64($0), Data("record \((frame.firstSequence - 1) / 2).\($0)".utf8)) }
        })
        #expect(outcome.records.map(\.sequence) == outcome.records.map(\.sequence).sorted() && Set(outcome.records.map(\.sequence)).count == outcome.records.count)
        for (sequence, record) in outcome.records {
            #expect(written[sequence] == record.payload, "record \(sequence) is not what was written")
        }
        let returned = Set(outcome.records.map(\.sequence))
        for frame in intactPrefix {
            let whole = returned.contains(frame.firstSequence) && returned.contains(frame.firstSequence + 1)
            #expect(whole, "frame \(frame.firstSequence) before the first change at \(firstChange) was not returned")
        }
        guard let report = outcome.report else { return }
        let size = UInt64(bytes.count)
        #expect(report.endOffset >= prefixEnd && report.endOffset <= size)
        for damage in report.damage {
            #expect(damage.offsets.lowerBound >= prefixEnd && damage.offsets.upperBound <= size, "\(damage) outside \(prefixEnd)..<\(size)")
        }
        if let torn = report.tornTail {
            #expect(torn.offset >= prefixEnd && torn.offset + torn.length == size, "\(torn)")
        }
    }

    @Test func randomBytesNeverCrashTheReader() {
        var generator = SeededGenerator(seed: 8)
        let header = Array(EventLogFuzzing.sampleLog(frames: 0))
        for round in 0..<400 {
            let body = generator.bytes(Int.random(in: 0...3000, using: &generator))
            let input = round % 2 == 0 ? body : header + body
            let (records, largestRead) = Self.readMeasuringAllocation(input)
            #expect(records <= 0)
            #expect(largestRead <= max(input.count, 0) && largestRead <= Self.readBound)
            input.withUnsafeBytes { _ = EventLogFuzzing.readLog($0) }
            input.withUnsafeBytes { _ = EventLogFuzzing.parseKeyFile($0) }
        }
    }

    @Test func mutatedLogsNeverCrashTheReaderAndHugeLengthsAllocateNothing() {
        var generator = SeededGenerator(seed: 88)
        let sample = EventLogFuzzing.sampleLog(frames: 30, recordsPerFrame: 2)
        let intact = Self.readMeasuringAllocation(sample)
        #expect(intact.records == 60)
        let frames = frameLocations(sample)
        for _ in 0..<400 {
            var bytes = sample
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let frame = frames.randomElement(using: &generator)!
                switch Int.random(in: 0..<6, using: &generator) {
                case 0:  // flip a random byte
                    bytes[Int.random(in: LogHeader.size..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
                case 1:  // a huge or hostile length field
                    let length: UInt32 = [.max, 0x7FFF_FFFF, UInt32(FrameLayout.maxBodyLength), 92, 0].randomElement(using: &generator)!
                    if frame.offset + 8 <= bytes.count {
                        withUnsafeBytes(of: length.littleEndian) { bytes.replaceSubrange((frame.offset + 4)..<(frame.offset + 8), with: $0) }
                    }
                case 2:  // truncate
                    bytes.removeLast(Int.random(in: 0...min(200, bytes.count - LogHeader.size), using: &generator))
                case 3:  // duplicate a range
                    let start = Int.random(in: LogHeader.size..<bytes.count, using: &generator)
                    let end = min(bytes.count, start + Int.random(in: 1...300, using: &generator))
                    bytes.insert(contentsOf: bytes[start..<end], at: Int.random(in: LogHeader.size...bytes.count, using: &generator))
                case 4:  // insert garbage
                    bytes.insert(contentsOf: generator.bytes(Int.random(in: 1...64, using: &generator)),
                                 at: Int.random(in: LogHeader.size...bytes.count, using: &generator))
                default:  // zero a range
                    let start = Int.random(in: LogHeader.size..<bytes.count, using: &generator)
                    for index in start..<min(bytes.count, start + 40) { bytes[index] = 0 }
                }
            }
            let outcome = Self.read(bytes)
            #expect(outcome.records.count <= 60)
            #expect(outcome.largestRead <= max(bytes.count, 1) && outcome.largestRead <= Self.readBound)
            Self.expectInvariants(outcome, changed: bytes, from: sample, frames: frames)
            bytes.withUnsafeBytes { _ = EventLogFuzzing.readLog($0) }
        }
    }

    @Test func mutatedKeyFilesNeverCrashTheParser() throws {
        var generator = SeededGenerator(seed: 888)
        let slot = KeySlot(id: generator.bytes(32), kind: .publicKey, kdf: tinyKDF, salt: generator.bytes(32),
                           wrapped: generator.bytes(KeySlot.wrappedSize), publicKey: generator.bytes(32),
                           ephemeralKey: generator.bytes(32), sealedDataKey: generator.bytes(KeySlot.wrappedSize),
                           sealedName: generator.bytes(KeySlot.sealedNameSize))
        let valid = KeyFile(keysetID: generator.bytes(16), generation: 3, sealedHistory: generator.bytes(60),
                            slots: [slot, slot], mac: generator.bytes(32)).encoded()
        #expect(try KeyFile.decode(valid).slots.count == 2)
        for _ in 0..<500 {
            var bytes = valid
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            if Bool.random(using: &generator) { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &generator)) }
            bytes.withUnsafeBytes { _ = EventLogFuzzing.parseKeyFile($0) }
        }
    }
}

/// A file in memory that records the largest read asked of it.
final class MeasuringFile: OpenFile {
    private let file: MemoryFile
    private let largest = Mutex(0)

    init(_ bytes: [UInt8]) { file = MemoryFile(bytes) }

    var largestRead: Int { largest.withLock { $0 } }

    func size() throws(FileSystemError) -> UInt64 { try file.size() }
    func read(at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8] {
        largest.withLock { $0 = max($0, count) }
        return try file.read(at: offset, count: count)
    }
    func write(_ bytes: [UInt8], at offset: UInt64) throws(FileSystemError) { try file.write(bytes, at: offset) }
    func truncate(to size: UInt64) throws(FileSystemError) { try file.truncate(to: size) }
    func sync() throws(FileSystemError) {}
    func close() {}
}
