import Crypto
import Foundation

/// Entry points for coverage-guided fuzzing (libFuzzer; see docs/log-operations.md, "Fuzzing the reader").
///
/// They run the real header, frame and key-file parsers on arbitrary bytes. A correct reader
/// never traps, allocates at most a bounded amount per frame, and terminates.
public enum EventLogFuzzing {
    /// The fixed key fuzz inputs are sealed with, so that a corpus can hold valid frames.
    static var key: SymmetricKey { SymmetricKey(data: [UInt8](repeating: 0x5A, count: 32)) }

    /// Reads `bytes` as a whole log file; returns the number of records read (or -1 when the
    /// header is rejected, -2 when a frame is rejected as tampered).
    @discardableResult
    public static func readLog(_ bytes: UnsafeRawBufferPointer) -> Int {
        let contents = Array(bytes)
        guard let header = try? LogHeader.decode(contents) else { return -1 }
        let file = MemoryFile(contents)
        var records = 0
        do {
            _ = try LogScanner(file: file, fileSize: UInt64(contents.count), key: key, fileID: header.fileID,
                               reservationStep: FrameLayout.reservationStep)
                .scan { _, frame in records += frame.count }
        } catch {
            return -2
        }
        return records
    }

    /// Parses `bytes` as a key file; true if it is well-formed.
    @discardableResult
    public static func parseKeyFile(_ bytes: UnsafeRawBufferPointer) -> Bool {
        (try? KeyFile.decode(Array(bytes))) != nil
    }

    /// A valid log sealed with the fuzzing key: `frames` frames of `recordsPerFrame` records each.
    /// Seed a corpus with it so the fuzzer starts from real frames.
    public static func sampleLog(frames: Int, recordsPerFrame: Int = 1) -> [UInt8] {
        let header = LogHeader(fileID: [UInt8](repeating: 1, count: 16), keysetID: [UInt8](repeating: 2, count: 16))
        var bytes = header.encoded()
        let sealer = FrameSealer(key: key, fileID: header.fileID)
        var previousTag = FrameLayout.initialPreviousTag
        var sequence: UInt64 = 1
        for frame in 0..<frames {
            let records = (0..<recordsPerFrame).map { index in
                RecordContent(type: UInt8(truncatingIfNeeded: index), timestamp: UInt64(frame),
                              payload: Data("record \(frame).\(index)".utf8))
            }
            let sealed = try! sealer.seal(records, firstSequence: sequence, previousTag: previousTag)
            bytes += sealed.bytes
            previousTag = sealed.tag
            sequence += UInt64(recordsPerFrame)
        }
        return bytes
    }
}
