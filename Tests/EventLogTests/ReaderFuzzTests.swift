import Foundation
import Synchronization
import Testing
@testable import EventLog

/// Test 8: the reader, fed random bytes, mutated logs and huge length fields, never traps,
/// asks for a bounded number of bytes at a time, and terminates. The same entry points serve a
/// libFuzzer harness (docs/log-format.md).
@Suite struct ReaderFuzzTests {
    /// The most a reader may ask for in one read: a chunk, or one whole frame.
    static let readBound = max(ChunkedReader.chunkSize, FrameLayout.headerSize + FrameLayout.maxBodyLength)

    /// Reads `bytes` as a log through a file that remembers its largest read.
    static func readMeasuringAllocation(_ bytes: [UInt8]) -> (records: Int, largestRead: Int) {
        let file = MeasuringFile(bytes)
        guard let header = try? LogHeader.decode(bytes) else { return (-1, 0) }
        var records = 0
        _ = try? LogScanner(file: file, fileSize: UInt64(bytes.count), key: EventLogFuzzing.key, fileID: header.fileID,
                            reservationStep: FrameLayout.reservationStep)
            .scan { _, frame in records += frame.count }
        return (records, file.largestRead)
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
            let (records, largestRead) = Self.readMeasuringAllocation(bytes)
            #expect(records <= 60 + 60)
            #expect(largestRead <= max(bytes.count, 1) && largestRead <= Self.readBound)
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
