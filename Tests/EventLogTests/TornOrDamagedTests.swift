import Foundation
import Testing
@testable import EventLog

/// Issue 11, item 1: only what an interrupted write can leave is a torn tail (the frame runs past
/// the end of the file, or one of its 512-byte sectors is entirely zero); any other bad last frame
/// is damage, and nothing is cut without a copy.
@Suite struct TornOrDamagedTests {
    /// A log whose last frame is a batch of 150 records (an import), followed by the reserved zeros
    /// an append leaves. Returns the bytes, the last frame and its records.
    static func makeImportedLog(in directory: URL) throws -> (bytes: [UInt8], last: FrameLocation, records: [LogRecord]) {
        let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: tinyKDF)
        for index in 0..<5 { try log.append(type: 1, payload: distinctPayload(index)) }
        try log.appendBatch((0..<150).map { (type: UInt8(2), payload: distinctPayload(100 + $0, length: 30)) })
        let records = try readAll(log)
        log.close()
        let bytes = try fileBytes(logURL(directory))
        #expect(bytes.count % FrameLayout.reservationStep == 0, "reserved zeros follow the last frame")
        return (bytes, frameLocations(bytes).last!, records)
    }

    /// What the bytes of `directory` must look like after a damaged last frame: verify says damaged
    /// (not harmless), a writer opens read-only and cuts nothing.
    static func expectDamageNotCut(_ directory: URL, changed: [UInt8], last: FrameLocation, _ what: String) throws {
        let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
        #expect(report.status == .damaged, "\(what): \(report)")
        #expect(report.read.tornTail == nil, "\(what)")
        #expect(report.read.damage.first?.offsets.lowerBound == UInt64(last.offset), "\(what)")
        #expect(report.read.damage.first?.lostSequences?.lowerBound == 6, "\(what)")
        let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
        #expect(log.isReadOnly && log.recovery.openedReadOnlyBecauseOfDamage && !log.recovery.tailWasCut, "\(what)")
        #expect(try readAll(log).count == 5, "\(what)")
        log.close()
        #expect(try fileBytes(logURL(directory)) == changed, "\(what): nothing is cut")
    }

    @Test func aBitFlippedAnywhereInTheLastFrameIsDamageNotATornTail() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let (original, last, _) = try Self.makeImportedLog(in: directory)
            let positions = [last.offset, last.offset + 3, last.offset + 20, (last.offset + last.end) / 2, last.end - 1]
            for position in positions {
                var changed = original
                changed[position] ^= 0x10
                try writeBytes(changed, to: logURL(directory))
                try Self.expectDamageNotCut(directory, changed: changed, last: last, "bit flipped at \(position)")
            }
        }
    }

    /// A length or sequence field changed in the last frame: the frame is whole on disk, so not torn,
    /// even when the new length reaches into the reserved zeros or past the end of the file.
    @Test(arguments: [4, 5, 6, 8, 9, 12])
    func aFlippedLengthOrSequenceFieldOfTheLastFrameIsDamage(byte: Int) throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let (original, last, _) = try Self.makeImportedLog(in: directory)
            for bit in 0..<8 {
                var changed = original
                changed[last.offset + byte] ^= UInt8(1 << bit)
                try writeBytes(changed, to: logURL(directory))
                try Self.expectDamageNotCut(directory, changed: changed, last: last, "byte \(byte) bit \(bit)")
            }
        }
    }

    /// A frame written over the reserved zeros and torn by a power cut leaves whole sectors of it
    /// unwritten (zero): a torn tail, cut back on open, with the cut bytes kept in a side file.
    @Test func aFrameWithAZeroSectorIsTornAndItsBytesAreKeptBeforeTheCut() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let (original, last, records) = try Self.makeImportedLog(in: directory)
            let sector = 512
            let firstWholeSector = (last.offset + sector - 1) / sector * sector
            #expect(firstWholeSector + sector <= last.end, "the frame spans whole sectors")
            var torn = original
            torn.replaceSubrange(firstWholeSector..<(firstWholeSector + sector), with: [UInt8](repeating: 0, count: sector))
            try writeBytes(torn, to: logURL(directory))
            forgetAcknowledgements(directory)

            let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(report.status == .tornTail && report.read.damage.isEmpty)

            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(log.recovery.tailWasCut && !log.isReadOnly)
            let copy = try #require(log.recovery.cutTailCopy)
            #expect(try readAll(log) == Array(records.prefix(5)))
            log.close()
            let kept = try fileBytes(URL(fileURLWithPath: copy))
            #expect(kept == Array(torn[last.offset..<last.end]), "the cut bytes, up to the last one not zero")
            #expect(try fileBytes(logURL(directory)) == Array(original.prefix(last.offset)))
            #expect(permissions(copy) & 0o777 == 0o600)

            let after = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(after.cutTailCopies == [URL(fileURLWithPath: copy).lastPathComponent])
            #expect(after.description.contains(URL(fileURLWithPath: copy).lastPathComponent))
        }
    }

    /// A frame cut short by the end of the file (an append that extended the file) is torn.
    @Test func aFrameRunningPastTheEndOfTheFileIsTornAndKept() throws {
        try withTemporaryDirectory(inMemory: true) { directory in
            let (original, last, _) = try Self.makeImportedLog(in: directory)
            let cut = Array(original.prefix(last.end - 100))
            try writeBytes(cut, to: logURL(directory))
            forgetAcknowledgements(directory)
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(log.recovery.tailWasCut)
            let copy = try #require(log.recovery.cutTailCopy)
            #expect(try fileBytes(URL(fileURLWithPath: copy)) == Array(cut[last.offset...]))
            #expect(log.recovery.description.contains(copy))
            log.close()
        }
    }

    /// Zeros alone hold nothing: a zero tail is cut without a side file.
    @Test func aTailOfZerosIsCutWithoutACopy() throws {
        try withTemporaryDirectory { directory in
            let (original, last, _) = try Self.makeImportedLog(in: directory)
            try writeBytes(Array(original.prefix(last.end)) + [UInt8](repeating: 0, count: 3000), to: logURL(directory))
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(log.recovery.tailWasCut && log.recovery.cutTailCopy == nil)
            log.close()
        }
    }
}
