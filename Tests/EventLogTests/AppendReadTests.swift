import Foundation
import Synchronization
import Testing
@testable import EventLog

@Suite struct AppendReadTests {
    @Test func appendedRecordsReadBackInOrderAfterReopen() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            #expect(try log.append(type: 1, payload: Data("first".utf8)) == 1)
            #expect(try log.appendBatch([(type: 2, payload: Data("b1".utf8)), (type: 3, payload: Data())]) == 2...3)
            #expect(try log.append(type: 4, payload: distinctPayload(4, length: 1000)) == 4)
            let before = try readAll(log)
            log.close()

            let reopened = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            let records = try readAll(reopened)
            #expect(records == before)
            #expect(records.map(\.sequence) == [1, 2, 3, 4])
            #expect(records.map(\.type) == [1, 2, 3, 4])
            #expect(records.map(\.payload) == [Data("first".utf8), Data("b1".utf8), Data(), distinctPayload(4, length: 1000)])
            #expect(zip(records, records.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
            #expect(reopened.recovery == RecoveryReport(tornTail: nil, tailWasCut: false, damage: [], removedTemporaryFiles: []))
            #expect(try reopened.append(type: 5, payload: Data("after reopen".utf8)) == 5)
            let all = try readAll(reopened)
            reopened.close()

            // Opening can deliver the records it reads anyway: the same records, read once.
            var delivered: [LogRecord] = []
            let streamed = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly) {
                delivered.append($0)
            }
            #expect(delivered == all)
            streamed.close()
        }
    }

    @Test func concurrentAppendsAllLandWithDistinctSequenceNumbers() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            let sequences = Mutex<[UInt64: Data]>([:])
            DispatchQueue.concurrentPerform(iterations: 6) { thread in
                for index in 0..<30 {
                    let payload = Data("t\(thread)-\(index)".utf8)
                    let sequence = try! log.append(type: UInt8(thread), payload: payload)
                    sequences.withLock { $0[sequence] = payload }
                }
            }
            let acknowledged = sequences.withLock { $0 }
            #expect(acknowledged.count == 180)
            let records = try readAll(log)
            #expect(records.map(\.sequence) == Array(1...180))
            for record in records { #expect(acknowledged[record.sequence] == record.payload) }
        }
    }

    @Test func filesAreOwnerOnlyAndSizesHideNoteLengths() throws {
        try withTemporaryDirectory { parent in
            let directory = parent.appendingPathComponent("data")
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            #expect(permissions(directory.path) == 0o700)
            for name in ["events.log", "keys", "lock"] {
                #expect(permissions(directory.appendingPathComponent(name).path) == 0o600, "\(name)")
            }
            let sizes = try [1, 20, 40].map { length -> UInt64 in
                let before = log.committedBytes
                try log.append(type: 1, payload: distinctPayload(length, length: length))
                return log.committedBytes - before
            }
            #expect(Set(sizes).count == 1, "payloads of 1, 20 and 40 bytes must make frames of one size: \(sizes)")
        }
    }

    /// The file grows in reserved steps of zeros: the appends inside a step write over them and
    /// leave the file's size alone, so that their syncs write data only.
    @Test func appendsFillReservedSpaceWithoutGrowingTheFile() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            defer { log.close() }
            let step = PosixFileSystem().appendReservation
            try log.append(type: 1, payload: distinctPayload(0))
            let size = try fileBytes(logURL(directory)).count
            #expect(size == step && UInt64(size) > log.committedBytes)
            for index in 1...50 {
                try log.append(type: 1, payload: distinctPayload(index, length: 300))
                #expect(try fileBytes(logURL(directory)).count == size)
            }
            let bytes = try fileBytes(logURL(directory))
            #expect(bytes[Int(log.committedBytes)...].allSatisfy { $0 == 0 })
            #expect(try readAll(log).count == 51)
            // A batch larger than what is left reserves the next step beyond it.
            let big = (0..<8).map { (type: UInt8(2), payload: distinctPayload($0, length: step / 8)) }
            try log.appendBatch(big)
            #expect(try fileBytes(logURL(directory)).count == 2 * step)
            #expect(try readAll(log).count == 59)
        }
    }

    /// Test 10: no payload, user name or passphrase appears in any file.
    @Test func noPlaintextReachesTheDisk() throws {
        try withTemporaryDirectory { directory in
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            var payloads: [Data] = []
            for index in 0..<30 {
                let payload = distinctPayload(index, length: 20 + index * 7)
                payloads.append(payload)
                if index % 5 == 0 {
                    try log.appendBatch([(type: 1, payload: payload)])
                } else {
                    try log.append(type: 1, payload: payload)
                }
            }
            try log.addUser("bob-the-caseworker", passphrase: "bobs own passphrase", kdf: testKDF)
            let draft = Data("draft-note-about-a-survivor".utf8)
            try log.writeSealedFile(named: "draft", contents: draft)
            log.close()

            let secrets = payloads + [draft, Data(alice.utf8), Data(alicePassphrase.utf8),
                                      Data("bob-the-caseworker".utf8), Data("bobs own passphrase".utf8)]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
                for secret in secrets {
                    #expect(bytes.range(of: secret) == nil, "\(name) contains \(String(decoding: secret, as: UTF8.self))")
                }
            }
        }
    }

    @Test func readOnlyLogsRefuseWritesAndSecondWriterIsTurnedAway() throws {
        try withTemporaryDirectory { directory in
            let writer = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            try writer.append(type: 1, payload: Data("one".utf8))

            #expect {
                try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            } throws: { error in
                guard case .lockedByAnotherProcess(let holder) = error as? EventLogError else { return false }
                return holder.contains("pid \(getpid())")
            }
            let reader = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase, mode: .readOnly)
            #expect(reader.isReadOnly)
            #expect(try readAll(reader).count == 1)
            #expect(throws: EventLogError.self) { try reader.append(type: 1, payload: Data()) }
            try writer.append(type: 1, payload: Data("two".utf8))
            #expect(try readAll(reader).count == 2, "a reader sees records appended after it opened")

            writer.close()
            #expect(throws: EventLogError.closed) { try writer.append(type: 1, payload: Data()) }
            let next = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(!next.isReadOnly)
        }
    }

    @Test func invalidRequestsAreRefusedClearly() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: EventLogError.noSuchLog(directory: directory.path)) {
                try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            }
            let log = try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            #expect(throws: EventLogError.alreadyExists(directory: directory.path)) {
                try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: testKDF)
            }
            #expect(throws: EventLogError.emptyBatch) { try log.appendBatch([]) }
            let limit = FrameLayout.maxPlaintextSize - FrameLayout.plaintextPrefixSize
            #expect(throws: EventLogError.recordTooLarge(size: limit + 1, limit: limit)) {
                try log.append(type: 1, payload: Data(count: limit + 1 - FrameLayout.recordHeaderSize))
            }
            #expect(try log.append(type: 1, payload: Data(count: limit - FrameLayout.recordHeaderSize)) == 1)
            #expect(try readAll(log).first?.payload.count == limit - FrameLayout.recordHeaderSize)
            for error in [EventLogError.wrongPassphrase(user: alice), .lockedByAnotherProcess(holder: "pid 1"), .cannotRemoveLastUser] {
                #expect(!error.description.isEmpty)
            }
        }
    }
}
