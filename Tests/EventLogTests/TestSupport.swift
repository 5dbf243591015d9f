import Foundation
import Testing
@testable import EventLog

/// Small scrypt cost for tests: key derivation is not what they exercise.
let testKDF = KDFParameters.fastForTests
/// Even cheaper, for tests that open a log thousands of times.
let tinyKDF = KDFParameters(logN: 4, r: 8, p: 1)

let alice = "alice"
let alicePassphrase = "correct horse battery staple"

/// A fresh directory under the system temp directory, removed when `body` returns.
/// `inMemory` puts it on /dev/shm where there is one: real files whose fsync costs nothing, for
/// tests that sync thousands of times and check correctness, not durability.
func withTemporaryDirectory<T>(inMemory: Bool = false, _ body: (URL) throws -> T) throws -> T {
    let memory = "/dev/shm"
    let temporary = inMemory && access(memory, W_OK) == 0
        ? memory : URL(fileURLWithPath: NSTemporaryDirectory()).standardizedFileURL.path
    var template = Array((temporary + "/eventlog-test-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    let url = URL(fileURLWithPath: path)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

func fileBytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
func writeBytes(_ bytes: [UInt8], to url: URL) throws { try Data(bytes).write(to: url) }

func logURL(_ directory: URL) -> URL { directory.appendingPathComponent("events.log") }

/// Every record of a log, read back.
func readAll(_ log: EventLog) throws -> [LogRecord] {
    var records: [LogRecord] = []
    try log.forEachRecord { records.append($0) }
    return records
}

/// Payload bytes that are easy to search for in a file.
func distinctPayload(_ index: Int, length: Int = 40) -> Data {
    let text = "secret-note-\(index)-" + String(repeating: "\(index % 10)", count: max(0, length - 14))
    return Data(text.utf8.prefix(max(length, 14)))
}

/// Offsets and first sequence numbers of the frames of a log file, from its framing alone.
struct FrameLocation: Equatable {
    var offset: Int
    var end: Int
    var firstSequence: UInt64
}

func frameLocations(_ bytes: [UInt8]) -> [FrameLocation] {
    var locations: [FrameLocation] = []
    var offset = LogHeader.size
    while offset + FrameLayout.headerSize <= bytes.count {
        let stored = UInt32.littleEndian(from: bytes[(offset + 4)...])
        guard FrameLayout.isPlausibleBodyLength(stored) else { break }  // the reserved zeros, or garbage
        let length = Int(stored)
        let sequence = UInt64.littleEndian(from: bytes[(offset + 8)...])
        let end = offset + FrameLayout.headerSize + length
        guard end <= bytes.count else { break }
        locations.append(FrameLocation(offset: offset, end: end, firstSequence: sequence))
        offset = end
    }
    return locations
}

func permissions(_ path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o777
}

/// A deterministic generator (SplitMix64), so random tests can be replayed from their seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

/// Removes the device-local state file (the last record this device saw), as if the frames a test
/// tears had never been acknowledged: a real torn frame never was.
func forgetAcknowledgements(_ directory: URL) {
    try? FileManager.default.removeItem(at: directory.appendingPathComponent("events.log.state"))
}
