import Foundation
import Synchronization
import Testing
@testable import EventLog

/// Issue 17 (branch `lean`): a snapshot of several chunks is read and opened one chunk at a time
/// into one buffer, never as a whole file; and any chunk moved, cut, replaced or damaged still
/// makes it ignored, the log then read whole.
@Suite struct SnapshotChunkTests {
    /// A caller's part of two and a half chunks, different in every chunk.
    static let payload = Data((0..<(5 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 20) })
    static let chunkOnDisk = SnapshotFormat.chunkPlaintext + 4 + 12 + 16  // length, nonce, tag

    /// A log of four records, a snapshot of three chunks, then one record after it.
    static func makeLog(in directory: URL) throws {
        let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
        for index in 0..<4 { try log.append(type: 1, payload: distinctPayload(index)) }
        try log.writeSnapshot(payload) { _ in true }
        try log.append(type: 1, payload: distinctPayload(4))
        log.close()
    }

    static func open(_ directory: URL, fileSystem: any FileSystem = PosixFileSystem()) throws -> (Data?, [UInt64]) {
        var handed: Data?
        var delivered: [UInt64] = []
        let log = try EventLog.open(DataDirectory(directory), user: alice, passphrase: alicePassphrase, mode: .readOnly,
                                    fileSystem: fileSystem, clock: wallClockMicroseconds,
                                    snapshot: { handed = $0; return true }) { first, records in
            delivered += records.indices.map { first + UInt64($0 - records.startIndex) }
        }
        log.close()
        return (handed, delivered)
    }

    @Test func aSnapshotOfSeveralChunksIsReadOneChunkAtATime() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory)
            let snapshot = try fileBytes(SnapshotTests.snapshotURL(directory))
            #expect(snapshot.count > 2 * Self.chunkOnDisk)
            let recording = ReadRecordingFileSystem()
            let (handed, delivered) = try Self.open(directory, fileSystem: recording)
            #expect(handed?.count == Self.payload.count && handed == Self.payload)
            #expect(delivered == [5])
            let reads = recording.snapshotReads
            #expect(!reads.isEmpty)
            #expect(reads.allSatisfy { $0 <= Self.chunkOnDisk }, "reads of \(reads)")
        }
    }

    @Test func aChunkMovedCutReplacedOrDamagedMakesTheSnapshotIgnored() throws {
        try withTemporaryDirectory { parent in
            let directory = parent.appendingPathComponent("log")
            try Self.makeLog(in: directory)
            let url = SnapshotTests.snapshotURL(directory)
            let whole = try fileBytes(url)
            // A second snapshot of the same log and the same state: its chunks are as valid as these.
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            try log.writeSnapshot(Self.payload) { _ in true }
            log.close()
            let other = try fileBytes(url)
            #expect(other.count == whole.count && other != whole)

            let header = SnapshotFormat.headerSize
            func chunk(_ bytes: [UInt8], _ index: Int) -> Range<Int> {
                let start = header + index * Self.chunkOnDisk
                return start..<min(bytes.count, start + Self.chunkOnDisk)
            }
            var swapped = whole
            swapped.replaceSubrange(chunk(whole, 0), with: whole[chunk(whole, 1)])
            swapped.replaceSubrange(chunk(whole, 1), with: whole[chunk(whole, 0)])
            var replaced = whole
            replaced.replaceSubrange(chunk(whole, 1), with: other[chunk(other, 1)])
            var flipped = whole
            flipped[chunk(whole, 2).lowerBound + 100] ^= 0x04
            var lastLengthChanged = whole
            lastLengthChanged[chunk(whole, 2).lowerBound] ^= 0x01
            let variants: [(String, [UInt8])] = [
                ("chunks 0 and 1 swapped", swapped),
                ("chunk 1 from another snapshot", replaced),
                ("a bit flipped in chunk 2", flipped),
                ("chunk 2's length changed", lastLengthChanged),
                ("the last chunk missing", Array(whole[..<chunk(whole, 2).lowerBound])),
                ("cut inside chunk 1", Array(whole[..<(chunk(whole, 1).lowerBound + 1000)])),
                ("a byte after the last chunk", whole + [0]),
                ("a chunk repeated at the end", whole + whole[chunk(whole, 2)]),
            ]
            for (what, bytes) in variants {
                try writeBytes(bytes, to: url)
                let (handed, delivered) = try Self.open(directory)
                #expect(handed == nil, "\(what)")
                #expect(delivered == Array(1...5), "\(what)")
            }
            try writeBytes(whole, to: url)
            let (handed, delivered) = try Self.open(directory)
            #expect(handed == Self.payload && delivered == [5])
        }
    }

    /// The caller's part may be kept after the open (a store keeping each case's bytes): it stays
    /// whole after everything else the read made is gone.
    @Test func theCallersPartOutlivesTheRead() throws {
        try withTemporaryDirectory { directory in
            try Self.makeLog(in: directory)
            var kept: Data?
            do {
                let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly,
                                            snapshot: { kept = $0; return true }) { _ in }
                log.close()
            }
            let copy = kept.map { Data(Array($0)) }
            #expect(copy == Self.payload)
            #expect(kept?.startIndex == 0 && kept?[kept!.count - 1] == Self.payload.last)
        }
    }
}

/// The real file system, noting how many bytes each read of a snapshot file asked for.
final class ReadRecordingFileSystem: FileSystem, @unchecked Sendable {
    private let base = PosixFileSystem()
    private let reads = Mutex<[Int]>([])
    var snapshotReads: [Int] { reads.withLock { $0 } }
    var appendReservation: Int { base.appendReservation }

    func fileExists(_ path: String) -> Bool { base.fileExists(path) }
    func directoryExists(_ path: String) -> Bool { base.directoryExists(path) }
    func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    func listDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.listDirectory(path) }
    func rename(_ source: String, to destination: String) throws(FileSystemError) { try base.rename(source, to: destination) }
    func remove(_ path: String) throws(FileSystemError) { try base.remove(path) }
    func syncDirectory(_ path: String) throws(FileSystemError) { try base.syncDirectory(path) }
    func acquireWriterLock(_ path: String, holder: String) throws -> any WriterLock {
        try base.acquireWriterLock(path, holder: holder)
    }

    func open(_ path: String, mode: FileOpenMode) throws(FileSystemError) -> any OpenFile {
        let file = try base.open(path, mode: mode)
        return path.hasSuffix(".snapshot") ? RecordingFile(file: file, reads: self) : file
    }

    fileprivate func note(_ count: Int) { reads.withLock { $0.append(count) } }

    private final class RecordingFile: OpenFile, @unchecked Sendable {
        let file: any OpenFile
        let reads: ReadRecordingFileSystem
        init(file: any OpenFile, reads: ReadRecordingFileSystem) {
            self.file = file
            self.reads = reads
        }
        func size() throws(FileSystemError) -> UInt64 { try file.size() }
        func read(at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8] {
            reads.note(count)
            return try file.read(at: offset, count: count)
        }
        func write(_ bytes: [UInt8], at offset: UInt64) throws(FileSystemError) { try file.write(bytes, at: offset) }
        func truncate(to size: UInt64) throws(FileSystemError) { try file.truncate(to: size) }
        func sync() throws(FileSystemError) { try file.sync() }
        func close() { file.close() }
    }
}
