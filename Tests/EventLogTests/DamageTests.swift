import Foundation
import RefugeTestSupport
import Testing
@testable import EventLog

/// Test 3, verify and salvage: damage before the last record is reported, never cut.
@Suite struct DamageTests {
    enum FlipPlace: CaseIterable { case checksum, length, sequence, nonce, ciphertext, tag }

    static func position(_ place: FlipPlace, in frame: FrameLocation) -> Int {
        switch place {
        case .checksum: frame.offset + 1
        case .length: frame.offset + 5
        case .sequence: frame.offset + 9
        case .nonce: frame.offset + FrameLayout.headerSize + 3
        case .ciphertext: (frame.offset + FrameLayout.headerSize + FrameLayout.nonceSize + frame.end - FrameLayout.tagSize) / 2
        case .tag: frame.end - 2
        }
    }

    @Test func aFlippedBitInEveryEarlierFrameIsReportedWithItsSequenceNumbersAndNothingIsCut() throws {
        try withTemporaryDirectory { directory in
            let (records, frames) = try TornTailTests.makeLog(in: directory)
            let original = try fileBytes(logURL(directory))
            for (index, frame) in frames.dropLast().enumerated() {
                for place in [FlipPlace.allCases[index % 6], FlipPlace.allCases[(index + 3) % 6]] {
                    var damaged = original
                    damaged[Self.position(place, in: frame)] ^= 1 << UInt8(index % 8)
                    try writeBytes(damaged, to: logURL(directory))
                    let before = try DirectorySnapshot(directory).entries.filter { $0.key != "lock" }

                    let next = frames[index + 1]
                    let frameSequences = frame.firstSequence...(next.firstSequence - 1)
                    // A damaged tag also breaks the chain into the next frame, which is then lost too.
                    let expectedLost = place == .tag
                        ? frame.firstSequence...(index + 2 < frames.count ? frames[index + 2].firstSequence - 1 : next.firstSequence)
                        : frameSequences

                    let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
                    #expect(log.isReadOnly, "frame \(index), \(place)")
                    #expect(log.recovery.damage.count == 1)
                    let damage = try #require(log.recovery.damage.first)
                    #expect(damage.lostSequences == expectedLost, "frame \(index) (\(frameSequences)), \(place): \(damage)")
                    #expect(damage.offsets.lowerBound == UInt64(frame.offset))
                    let readable = try readAll(log)
                    #expect(readable == records.filter { !expectedLost.contains($0.sequence) })
                    #expect(throws: EventLogError.self) { try log.append(type: 1, payload: Data()) }
                    log.close()

                    let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
                    #expect(report.status == .damaged)
                    #expect(report.description.contains("DAMAGE"))
                    #expect(try DirectorySnapshot(directory).entries.filter { $0.key != "lock" } == before, "nothing may change")
                }
            }
        }
    }

    @Test func salvageCopiesEverythingReadableIntoANewDirectoryAndLeavesTheOldAlone() throws {
        try withTemporaryDirectory { parent in
            let source = parent.appendingPathComponent("damaged")
            let target = parent.appendingPathComponent("salvaged")
            let (records, frames) = try TornTailTests.makeLog(in: source)
            let draft = Data("a draft".utf8)
            let writer = try EventLog.open(at: source, user: alice, passphrase: alicePassphrase)
            try writer.writeSealedFile(named: "draft-1", contents: draft)
            writer.close()
            var bytes = try fileBytes(logURL(source))
            bytes[Self.position(.ciphertext, in: frames[10])] ^= 0x40
            bytes[Self.position(.length, in: frames[20])] ^= 0x01
            bytes += [1, 2, 3]  // and a torn tail
            try writeBytes(bytes, to: logURL(source))
            let before = try DirectorySnapshot(source).entries.filter { $0.key != "lock" }  // salvage takes the lock

            #expect(throws: EventLogError.self) {
                try EventLog.salvage(from: source, to: source, user: alice, passphrase: alicePassphrase)
            }
            let report = try EventLog.salvage(from: source, to: target, user: alice, passphrase: alicePassphrase)
            let lost = report.source.damage.compactMap(\.lostSequences)
            #expect(lost.count == 2)
            let expected = records.filter { record in !lost.contains { $0.contains(record.sequence) } }
            #expect(report.copiedRecords == expected.count)
            #expect(try DirectorySnapshot(source).entries.filter { $0.key != "lock" } == before)

            let salvaged = try EventLog.open(at: target, user: alice, passphrase: alicePassphrase)
            #expect(salvaged.recovery.damage.isEmpty && salvaged.recovery.tornTail == nil)
            let copies = try readAll(salvaged)
            #expect(copies.map(\.payload) == expected.map(\.payload))
            #expect(copies.map(\.type) == expected.map(\.type))
            #expect(copies.map(\.timestamp) == expected.map(\.timestamp))
            #expect(copies.map(\.sequence) == Array(1...UInt64(expected.count)))
            #expect(try salvaged.sealedFileNames() == ["draft-1"])
            #expect(try salvaged.readSealedFile(named: "draft-1") == draft, "sealed files are re-sealed under the new log")
            try salvaged.append(type: 1, payload: Data("life goes on".utf8))
            salvaged.close()
            #expect(try EventLog.verify(at: target, user: alice, passphrase: alicePassphrase).status == .intact)
            #expect(throws: EventLogError.self) {
                try EventLog.salvage(from: source, to: target, user: alice, passphrase: alicePassphrase)
            }
        }
    }

    @Test func verifyReportsCountsUsersAndTimes() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try log.addUser("bob", passphrase: "bob's passphrase", kdf: testKDF)
            for index in 0..<5 { try log.append(type: 1, payload: distinctPayload(index)) }
            let records = try readAll(log)
            log.close()
            let report = try EventLog.verify(at: directory, user: "bob", passphrase: "bob's passphrase")
            #expect(report.status == .intact)
            #expect(report.read.lastSequence == records.last?.sequence)  // adding bob took a sequence number too
            #expect(report.users == ["alice", "bob"])
            #expect(report.read.firstTimestamp ?? 0 <= records.first?.timestamp ?? 0)
            #expect(report.read.lastTimestamp == records.last?.timestamp)
            #expect(report.description.contains("status: intact"))
            #expect(report.description.contains("UTC"))
        }
    }
}
