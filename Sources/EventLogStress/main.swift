// EventLogStress: a writer to be killed at random moments (the kill -9 test), and benchmarks.
//
//   EventLogStress writer DIR [THREADS]   append forever from THREADS threads; after each
//                                         acknowledged append print "ack SEQ PAYLOAD"
//   EventLogStress bench DIR [COUNT]      append latency next to plain write+fdatasync
//   EventLogStress read-bench DIR [COUNT] [PER_FRAME]
//                                         write COUNT 300-byte records, PER_FRAME per append
//                                         (default 1; put DIR on tmpfs to write fast), time
//                                         opening and reading them back
import EventLog
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let stressUser = "stress"
let stressPassphrase = "stress passphrase"
let stressKDF = KDFParameters(logN: 4, r: 8, p: 1)

func openOrCreate(_ directory: URL) throws -> EventLog {
    if FileManager.default.fileExists(atPath: directory.appendingPathComponent("events.log").path) {
        return try EventLog.open(at: directory, user: stressUser, passphrase: stressPassphrase)
    }
    return try EventLog.create(at: directory, user: stressUser, passphrase: stressPassphrase, kdf: stressKDF)
}

/// One `write(2)` per line so that lines from several threads never interleave.
func emit(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    bytes.withUnsafeMutableBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
            if n <= 0 { exit(1) }
            offset += n
        }
    }
}

func runWriter(_ directory: URL, threads: Int) throws -> Never {
    let log = try openOrCreate(directory)
    emit("ready \(log.recovery.tornTail.map { "\($0)" } ?? "clean")")
    let pid = getpid()
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
        var counter = 0
        while true {
            counter += 1
            let batchSize = counter % 5 == 0 ? 1 + counter % 4 : 1
            let payloads = (0..<batchSize).map { "p\(pid)-t\(thread)-n\(counter)-\($0)" + String(repeating: "x", count: counter % 97) }
            do {
                let range: ClosedRange<UInt64>
                if batchSize == 1 {
                    let sequence = try log.append(type: UInt8(thread), payload: Data(payloads[0].utf8))
                    range = sequence...sequence
                } else {
                    range = try log.appendBatch(payloads.map { (type: UInt8(thread), payload: Data($0.utf8)) })
                }
                emit(zip(range, payloads).map { "ack \($0) \($1)" }.joined(separator: "\n"))
            } catch {
                emit("error \(error)")
                exit(2)
            }
        }
    }
    exit(0)
}

/// Appends and writes a snapshot after every append, for the kill -9 test of the snapshot: each
/// snapshot's contents name the last record it covers and fill more than one chunk, so that a kill
/// lands inside a write. Prints `ack SEQ` after an append and `snapshot SEQ` after a snapshot.
func runSnapshotWriter(_ directory: URL) throws -> Never {
    let log = try openOrCreate(directory)
    emit("ready")
    while true {
        do {
            let sequence = try log.append(type: 1, payload: Data("record".utf8))
            emit("ack \(sequence) record")
            try log.writeSnapshot(snapshotContents(covering: sequence)) { _ in true }
            emit("snapshot \(sequence)")
        } catch {
            emit("error \(error)")
            exit(2)
        }
    }
}

/// What the snapshot writer writes: the sequence, then 1.5 MiB that depend on it.
func snapshotContents(covering sequence: UInt64) -> Data {
    var bytes = Array("\(sequence):".utf8)
    bytes += (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: UInt64($0) &* 31 &+ sequence) }
    return Data(bytes)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }

func microseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
}

func runBench(_ directory: URL, count: Int) throws {
    let log = try EventLog.create(at: directory, user: stressUser, passphrase: stressPassphrase, kdf: stressKDF)
    let payload = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    var logLatencies: [Double] = []
    for _ in 0..<count { logLatencies.append(try microseconds { try log.append(type: 1, payload: payload) }) }
    log.close()

    // The same frame-sized bytes, plain write + fdatasync.
    let path = directory.appendingPathComponent("plain.bin").path
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    let bytes = [UInt8](repeating: 0xA5, count: 16 + 28 + 320)
    var plainLatencies: [Double] = []
    for _ in 0..<count {
        plainLatencies.append(microseconds {
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            _ = fdatasync(fd)
        })
    }
    close(fd)
    logLatencies.sort()
    plainLatencies.sort()
    print(String(format: "append+sync  median %.0f us  p99 %.0f us  (%d appends of 300 bytes)",
                 percentile(logLatencies, 0.5), percentile(logLatencies, 0.99), count))
    print(String(format: "write+fdatasync median %.0f us  p99 %.0f us", percentile(plainLatencies, 0.5), percentile(plainLatencies, 0.99)))
}

func runReadBench(_ directory: URL, count: Int, perFrame: Int) throws {
    let log = try EventLog.create(at: directory, user: stressUser, passphrase: stressPassphrase, kdf: stressKDF)
    let payload = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 13) })
    var written = 0
    while written < count {
        let n = min(perFrame, count - written)
        try log.appendBatch(Array(repeating: (type: UInt8(1), payload: payload), count: n))
        written += n
    }
    log.close()
    var reader: EventLog?
    let opening = try microseconds {
        reader = try EventLog.open(at: directory, user: stressUser, passphrase: stressPassphrase, mode: .readOnly)
    }
    print(String(format: "open (full verifying scan) %.3f s", opening / 1e6))
    guard let reader else { return }
    var bytes = 0
    var records = 0
    let elapsed = try microseconds {
        try reader.forEachRecord { record in
            records += 1
            bytes += record.payload.count
        }
    }
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    print(String(format: "read %d records (%d payload bytes) in %.3f s: %.0f records/s, %.1f MB/s; peak RSS %d MiB",
                 records, bytes, elapsed / 1e6, Double(records) / (elapsed / 1e6), Double(bytes) / elapsed,
                 usage.ru_maxrss / 1024))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EventLogStress writer|snapshot-writer|bench|read-bench DIR [N]\n".utf8))
    exit(64)
}
let directory = URL(fileURLWithPath: arguments[2])
let number = arguments.count > 3 ? Int(arguments[3]) : nil
let secondNumber = arguments.count > 4 ? Int(arguments[4]) : nil
do {
    switch arguments[1] {
    case "writer": try runWriter(directory, threads: number ?? 3)
    case "snapshot-writer": try runSnapshotWriter(directory)
    case "bench": try runBench(directory, count: number ?? 2000)
    case "read-bench": try runReadBench(directory, count: number ?? 1_000_000, perFrame: secondNumber ?? 1)
    default: exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("EventLogStress: \(error)\n".utf8))
    exit(1)
}
