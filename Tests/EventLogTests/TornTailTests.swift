import Foundation
import Testing
@testable import EventLog

/// Tests 1 and 2: whatever a crash leaves at the end is cut back to the last whole frame; only the
/// zeros the writer reserves after it (up to a reservation step) are the log's clean end.
@Suite struct TornTailTests {
    /// A log of 60 records in more than 40 frames (single appends and batches of 2-4), with the
    /// location of each frame. The file is trimmed to its last frame (no reserved space), so that
    /// what a test adds or cuts is at the records' end.
    static func makeLog(in directory: URL) throws -> (records: [LogRecord], frames: [FrameLocation]) {
        let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: tinyKDF)
        var index = 0
        var frameCount = 0
        while index < 60 {
            let size = frameCount % 4 == 3 ? min(2 + frameCount % 3, 60 - index) : 1
            let items = (0..<size).map { (type: UInt8(index % 7), payload: distinctPayload(index + $0, length: 8 + (index + $0) % 50)) }
            if size == 1 { try log.append(type: items[0].type, payload: items[0].payload) } else { try log.appendBatch(items) }
            index += size
            frameCount += 1
        }
        let records = try readAll(log)
        let end = Int(log.committedBytes)
        log.close()
        let bytes = Array(try fileBytes(logURL(directory)).prefix(end))
        try writeBytes(bytes, to: logURL(directory))
        return (records, frameLocations(bytes))
    }

    @Test func truncationAtEveryByteKeepsExactlyTheWholeFramesAndAcceptsTheNextAppend() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let (records, frames) = try Self.makeLog(in: directory)
            #expect(records.count == 60 && frames.count >= 40)
            let original = try fileBytes(logURL(directory))
            #expect(frames.last?.end == original.count)

            for cut in LogHeader.size..<original.count {
                try writeBytes(Array(original.prefix(cut)), to: logURL(directory))
                forgetAcknowledgements(directory)
                let whole = frames.filter { $0.end <= cut }
                let firstCutFrame = frames.first { $0.end > cut }
                let survivors = records.filter { $0.sequence < firstCutFrame?.firstSequence ?? UInt64.max }
                let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
                let atBoundary = cut == (whole.last?.end ?? LogHeader.size)
                #expect((log.recovery.tornTail == nil) == atBoundary, "cut at \(cut)")
                #expect(log.recovery.tailWasCut == !atBoundary)
                #expect(log.recovery.damage.isEmpty, "cut at \(cut): \(log.recovery)")
                let read = try readAll(log)
                #expect(read == survivors, "cut at \(cut): \(read.count) records instead of \(survivors.count)")
                let next = try log.append(type: 9, payload: Data("after the cut".utf8))
                #expect(next == UInt64(survivors.count) + 1)
                #expect(try readAll(log).last?.payload == Data("after the cut".utf8))
                log.close()
                if read != survivors { break }
            }
        }
    }

    @Test func aCutInsideTheHeaderIsReportedAndTouchesNothing() throws {
        try withTemporaryDirectory { directory in
            _ = try Self.makeLog(in: directory)
            let original = try fileBytes(logURL(directory))
            for cut in 0..<LogHeader.size {
                try writeBytes(Array(original.prefix(cut)), to: logURL(directory))
                #expect(throws: EventLogError.self) { try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase) }
                #expect(try fileBytes(logURL(directory)).count == cut)
            }
        }
    }

    @Test(arguments: [1, 15, 16, 17, 100, 4096, 70_000])
    func zerosAfterTheLastRecordAreATornTail(count: Int) throws {
        try checkGarbageTail([UInt8](repeating: 0, count: count), torn: true, expectZeroFill: true)
    }

    /// Zeros after the last frame up to a multiple of the reservation step are what the writer
    /// reserves: the clean end of the log, kept for the next appends, which go right after the
    /// last frame.
    @Test func zerosUpToAReservationStepAreReservedSpace() throws {
        try withTemporaryDirectory { directory in
            let (records, _) = try Self.makeLog(in: directory)
            let original = try fileBytes(logURL(directory))
            let count = FrameLayout.reservationStep - original.count
            try writeBytes(original + [UInt8](repeating: 0, count: count), to: logURL(directory))

            let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(report.status == .intact)
            #expect(report.read.tornTail == nil && report.read.reservedBytes == UInt64(count))
            #expect(report.read.endOffset == UInt64(original.count))

            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(log.recovery.tornTail == nil && !log.recovery.tailWasCut && log.recovery.damage.isEmpty)
            #expect(try readAll(log) == records)
            #expect(try fileBytes(logURL(directory)).count == FrameLayout.reservationStep, "reserved space is kept")
            #expect(try log.append(type: 1, payload: Data("next".utf8)) == 61)
            #expect(Array(try fileBytes(logURL(directory)).prefix(original.count)) == original)
            #expect(try fileBytes(logURL(directory)).count == FrameLayout.reservationStep, "the append went into it")
            log.close()
            let reopened = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            #expect(try readAll(reopened).map(\.payload) == records.map(\.payload) + [Data("next".utf8)])
        }
    }

    /// A crash while a frame is written over the reserved zeros leaves the sectors the disk had
    /// written and zeros in the others (a disk writes whole 512-byte sectors, in any order): a torn
    /// tail, cut back on open (the reserved space with it), never damage.
    @Test func aFrameTornInsideTheReservedSpaceIsATornTail() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let (records, _) = try Self.makeLog(in: directory)
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            let start = Int(log.committedBytes)
            try log.append(type: 1, payload: distinctPayload(99, length: 3000))
            let end = Int(log.committedBytes)
            log.close()
            let written = try fileBytes(logURL(directory))
            #expect(written.count > end, "the append reserved space after its frame")

            let sector = 512
            let sectors = Array(stride(from: start / sector * sector, to: end, by: sector))
            #expect(sectors.count >= 6)
            // Written front to back up to a sector boundary, or with one sector missing.
            // (A frame's last bytes alone in a sector are too few to tell from a tag that ends in zeros.)
            let tears = (sectors.map { Array(max($0, start)..<end) } + sectors.map { Array(max($0, start)..<min($0 + sector, end)) })
                .filter { $0.count >= 8 }
            for zeroed in tears {
                var torn = written
                for offset in zeroed { torn[offset] = 0 }
                try writeBytes(torn, to: logURL(directory))
                forgetAcknowledgements(directory)
                let reopened = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
                let what = "zeros at \(zeroed.first!)..<\(zeroed.last! + 1)"
                #expect(reopened.recovery.damage.isEmpty, "\(what)")
                let untouched = torn[start..<end].allSatisfy { $0 == 0 }
                #expect(reopened.recovery.tailWasCut == !untouched, "\(what)")
                #expect(try readAll(reopened) == records, "\(what)")
                #expect(try reopened.append(type: 2, payload: Data("after".utf8)) == 61)
                reopened.close()
            }
        }
    }

    /// Fewer bytes than a frame header run past the end of the file: what an interrupted append
    /// leaves. More random bytes are not a frame any writer began: damage, never cut.
    @Test(arguments: [1, 7, 15, 16, 64, 500, 5000])
    func randomBytesAfterTheLastRecordAreATornTailOnlyWhenShorterThanAHeader(count: Int) throws {
        var generator = SeededGenerator(seed: UInt64(count))
        for _ in 0..<5 { try checkGarbageTail(generator.bytes(count), torn: count < FrameLayout.headerSize) }
    }

    /// A frame header claiming more than the file holds runs past its end (torn); one claiming a
    /// length no writer makes is damage.
    @Test func lengthFieldsInTheTail() throws {
        let cases: [(UInt32, Bool)] = [(.max, false), (0x7FFF_FFFF, false), (UInt32(FrameLayout.maxBodyLength), true),
                                       (UInt32(FrameLayout.maxBodyLength + 64), false)]
        for (length, torn) in cases {
            var garbage = ByteWriter()
            garbage.append(UInt32(0xDEAD_BEEF))
            garbage.append(length)
            garbage.append(UInt64(61))
            garbage.append([UInt8](repeating: 0xAB, count: 100))
            try checkGarbageTail(garbage.bytes, torn: torn)
        }
    }

    private func checkGarbageTail(_ garbage: [UInt8], torn: Bool, expectZeroFill: Bool = false) throws {
        try withTemporaryDirectory { directory in
            let (records, _) = try Self.makeLog(in: directory)
            let original = try fileBytes(logURL(directory))
            try writeBytes(original + garbage, to: logURL(directory))

            let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            defer { log.close() }
            #expect(try readAll(log) == records)
            guard torn else {
                #expect(report.status == .damaged && report.read.damage.first?.offsets.lowerBound == UInt64(original.count))
                #expect(log.isReadOnly && !log.recovery.tailWasCut)
                #expect(try fileBytes(logURL(directory)) == original + garbage)
                return
            }
            #expect(report.status == .tornTail)
            #expect(report.read.tornTail?.offset == UInt64(original.count))
            #expect(report.read.tornTail?.length == UInt64(garbage.count))
            if expectZeroFill { #expect(report.read.tornTail?.problem == .zeroFill) }
            #expect(log.recovery.tailWasCut && log.recovery.damage.isEmpty)
            #expect(try fileBytes(logURL(directory)) == original)
            #expect(try log.append(type: 1, payload: Data("next".utf8)) == 61)
        }
    }

    /// The reserved space is told from a torn tail by where the last byte that is not zero is,
    /// looked for eight bytes at a time: it must be the same byte a plain search finds, wherever
    /// the slice starts and however the non-zero bytes fall against the eight-byte steps.
    @Test func theLastNonZeroByteIsFoundWhereverItIs() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...70, using: &generator)
            var bytes = [UInt8](repeating: 0, count: count + 9)
            for _ in 0..<Int.random(in: 0...3, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 1...255, using: &generator)
            }
            let start = Int.random(in: 0...min(9, bytes.count), using: &generator)
            let slice = bytes[start...]
            let expected = slice.lastIndex(where: { $0 != 0 }).map { $0 - start }
            #expect(LogScanner.lastNonZeroByte(in: slice) == expected, "\(Array(slice))")
        }
        #expect(LogScanner.lastNonZeroByte(in: [UInt8](repeating: 0, count: 1 << 20)[...]) == nil)
    }
}
