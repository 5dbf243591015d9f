import Foundation
import Synchronization
import Testing
@testable import EventLog

/// Tests 7 and 9 on a simulated file system that knows what is durable.
@Suite struct CrashConsistencyTests {
    static let directory = URL(fileURLWithPath: "/data")
    static let newPassphrase = "a brand new passphrase"

    static func create(_ fileSystem: SimulatedFileSystem) throws -> EventLog {
        try EventLog.create(at: directory, user: alice, passphrase: alicePassphrase, kdf: tinyKDF,
                            fileSystem: fileSystem, clock: wallClockMicroseconds)
    }

    static func open(_ fileSystem: SimulatedFileSystem, user: String = alice, passphrase: String = alicePassphrase,
                     mode: OpenMode = .readWrite) throws -> EventLog {
        try EventLog.open(at: directory, user: user, passphrase: passphrase, mode: mode,
                          fileSystem: fileSystem, clock: wallClockMicroseconds)
    }

    static func opens(_ fileSystem: SimulatedFileSystem, _ user: String, _ passphrase: String) -> Bool {
        guard let log = try? open(fileSystem, user: user, passphrase: passphrase, mode: .readOnly) else { return false }
        log.close()
        return true
    }

    /// What a scenario got acknowledged before its first failure.
    struct Acknowledged {
        var records: [UInt64: Data] = [:]
        var created = false
        var passphraseChanged = false
        var userAdded = false
        var failure: Error?
    }

    /// Creates a log and uses it until the first error: appends, a batch, a user, a sealed file,
    /// a passphrase change, more appends.
    static func runScenario(_ fileSystem: SimulatedFileSystem) -> Acknowledged {
        var acknowledged = Acknowledged()
        var log: EventLog?
        do {
            log = try create(fileSystem)
            acknowledged.created = true
            for index in 0..<4 {
                let payload = distinctPayload(index)
                acknowledged.records[try log!.append(type: 1, payload: payload)] = payload
            }
            let batch = (4..<7).map { (type: UInt8(2), payload: distinctPayload($0)) }
            for (sequence, item) in zip(try log!.appendBatch(batch), batch) { acknowledged.records[sequence] = item.payload }
            try log!.addUser("bob", passphrase: "bob passphrase", kdf: tinyKDF)
            acknowledged.userAdded = true
            try log!.writeSealedFile(named: "draft", contents: Data("draft".utf8))
            try log!.changePassphrase(user: alice, from: alicePassphrase, to: newPassphrase, kdf: tinyKDF)
            acknowledged.passphraseChanged = true
            for index in 7..<10 {
                let payload = distinctPayload(index)
                acknowledged.records[try log!.append(type: 1, payload: payload)] = payload
            }
        } catch {
            acknowledged.failure = error
            if let log {
                // The writer must stay stopped after a failed append.
                if case .writeFailed = error as? EventLogError {
                    #expect(throws: EventLogError.self) { try log.append(type: 1, payload: Data()) }
                }
            }
        }
        log?.close()
        return acknowledged
    }

    /// Reopens after a failure or crash and checks that everything acknowledged is there.
    static func checkSurvivors(_ fileSystem: SimulatedFileSystem, _ acknowledged: Acknowledged, _ context: String) throws {
        let passphrase = acknowledged.passphraseChanged ? newPassphrase
            : (opens(fileSystem, alice, alicePassphrase) ? alicePassphrase : newPassphrase)
        let log: EventLog
        do {
            log = try open(fileSystem, passphrase: passphrase)
        } catch EventLogError.noSuchLog {
            #expect(!acknowledged.created, "\(context): the created log vanished")
            return
        }
        defer { log.close() }
        #expect(log.recovery.damage.isEmpty, "\(context): \(log.recovery)")
        #expect(!log.isReadOnly, "\(context)")
        let records = try readAll(log)
        let found = Dictionary(records.map { ($0.sequence, $0.payload) }, uniquingKeysWith: { a, _ in a })
        for (sequence, payload) in acknowledged.records {
            #expect(found[sequence] == payload, "\(context): acknowledged record \(sequence) lost")
        }
        if acknowledged.userAdded { #expect(opens(fileSystem, "bob", "bob passphrase"), "\(context): bob lost") }
        // The key file's own records take sequence numbers too (after a user change).
        #expect(try log.append(type: 3, payload: Data("after recovery".utf8)) > (records.last?.sequence ?? 0))
    }

    /// Test 7: the n-th write, sync, rename or directory sync fails, for every n.
    @Test(arguments: [SimulatedFileSystem.Operation.write, .sync, .rename, .syncDirectory])
    func failingTheNthOperationLosesNothingAcknowledged(operation: SimulatedFileSystem.Operation) throws {
        let unfailing = SimulatedFileSystem()
        _ = Self.runScenario(unfailing)
        let total = unfailing.count(operation)
        var n = 1
        while n <= total {
            let fileSystem = SimulatedFileSystem()
            fileSystem.plan.failing = (operation, n, EIO)
            let acknowledged = Self.runScenario(fileSystem)
            // (A failed write of the state file is not an error: it leaves the state older.)
            if case .writeFailed(let detail)? = acknowledged.failure as? EventLogError {
                #expect(detail.acknowledgedRecordsVerified == true, "\(operation) #\(n): \(detail)")
            }
            try Self.checkSurvivors(fileSystem, acknowledged, "\(operation) #\(n) failed, reopened")
            fileSystem.powerCut()
            try Self.checkSurvivors(fileSystem, acknowledged, "\(operation) #\(n) failed, then power cut")
            n += 1
        }
        #expect(n > 3, "the scenario must reach several \(operation)s")
    }

    /// Test 7: a full disk stops the writer cleanly, with a partial write first.
    @Test func aFullDiskStopsTheWriterAndLosesNothingAcknowledged() throws {
        for extra in stride(from: 0, through: 2000, by: 97) {
            let fileSystem = SimulatedFileSystem()
            let log = try Self.create(fileSystem)
            let used = fileSystem.contents("/data/events.log")!.count + fileSystem.contents("/data/keys")!.count
            fileSystem.plan.capacity = used + extra
            var acknowledged = Acknowledged(created: true)
            var stop: EventLogError?
            for index in 0..<100 {
                do {
                    let payload = distinctPayload(index, length: 30 + index)
                    acknowledged.records[try log.append(type: 1, payload: payload)] = payload
                } catch {
                    stop = error as? EventLogError
                    break
                }
            }
            guard case .diskFull(let detail)? = stop else {
                Issue.record("expected diskFull, got \(String(describing: stop))")
                continue
            }
            #expect(detail.acknowledgedRecordsVerified == true)
            #expect(throws: EventLogError.writerStopped(detail)) { try log.append(type: 1, payload: Data()) }
            #expect(log.writerFailure == detail)
            log.close()
            fileSystem.plan.capacity = nil
            try Self.checkSurvivors(fileSystem, acknowledged, "disk full at +\(extra)")
            fileSystem.powerCut()
            try Self.checkSurvivors(fileSystem, acknowledged, "disk full at +\(extra), then power cut")
        }
    }

    /// A disk without room for the next reserved step still takes every frame that fits (after
    /// one failed try, without trying a step again), and the one that does not fit stops the
    /// writer as a full disk.
    @Test func aDiskTooFullToReserveStillTakesTheFramesThatFit() throws {
        let fileSystem = SimulatedFileSystem()
        let log = try Self.create(fileSystem)
        let used = try fileSystem.listDirectory("/data").reduce(0) { $0 + fileSystem.contents("/data/" + $1)!.count }
        fileSystem.plan.capacity = used + 300  // two small frames (108 bytes each), not a step of 512
        var acknowledged = Acknowledged(created: true)
        for index in 0..<2 {
            let writesBefore = fileSystem.count(.write)
            let payload = Data("p\(index)".utf8)
            acknowledged.records[try log.append(type: 1, payload: payload)] = payload
            #expect(UInt64(fileSystem.contents("/data/events.log")!.count) == log.committedBytes, "nothing reserved")
            #expect(fileSystem.count(.write) - writesBefore == (index == 0 ? 2 : 1), "a step is tried once")
        }
        do {
            try log.append(type: 1, payload: Data("p2".utf8))
            Issue.record("a third frame cannot fit")
        } catch EventLogError.diskFull(let detail) {
            #expect(detail.acknowledgedRecordsVerified == true)
        }
        log.close()
        fileSystem.plan.capacity = nil
        try Self.checkSurvivors(fileSystem, acknowledged, "too full to reserve")
    }

    /// After a full disk is cleared, the log reopens with the key it holds (no passphrase) and
    /// writes again; the half-written frame of the failed append is cut and nothing acknowledged
    /// is lost.
    @Test func aStoppedWriterReopensWithTheKeyItHoldsOnceSpaceIsFreed() throws {
        let fileSystem = SimulatedFileSystem()
        var log = try Self.create(fileSystem)
        var acknowledged = Acknowledged(created: true)
        acknowledged.records[try log.append(type: 1, payload: Data("before".utf8))] = Data("before".utf8)
        fileSystem.plan.capacity = fileSystem.contents("/data/events.log")!.count + fileSystem.contents("/data/keys")!.count + 40
        #expect(throws: (any Error).self) { try log.append(type: 1, payload: distinctPayload(1, length: 500)) }
        #expect(log.writerFailure != nil)

        fileSystem.plan.capacity = nil
        var delivered: [Data] = []
        log = try log.reopened { delivered.append($0.payload) }
        #expect(delivered == [Data("before".utf8)])
        #expect(log.writerFailure == nil)
        // The old log is gone, and the lock went with the new one: a second writer is turned away.
        #expect(throws: (any Error).self) { try Self.open(fileSystem) }
        let payload = Data("after the disk was cleared".utf8)
        acknowledged.records[try log.append(type: 1, payload: payload)] = payload
        log.close()
        try Self.checkSurvivors(fileSystem, acknowledged, "reopened after a full disk")
    }

    /// Test 7: a power cut at any moment of concurrent appends drops only unacknowledged records,
    /// whether unsynced bytes vanish or partly survive.
    @Test(arguments: 0..<40)
    func aPowerCutDuringConcurrentAppendsKeepsEverythingAcknowledged(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let fileSystem = SimulatedFileSystem()
        let log = try Self.create(fileSystem)
        fileSystem.plan.crashAfterMutations = fileSystem.mutationCount + Int.random(in: 1...60, using: &generator)
        let acknowledged = Mutex<[UInt64: Data]>([:])
        DispatchQueue.concurrentPerform(iterations: 3) { thread in
            for index in 0..<40 {
                let payload = Data("s\(seed)-t\(thread)-\(index)".utf8)
                do {
                    if index % 4 == 3 {
                        let range = try log.appendBatch([(type: 1, payload: payload), (type: 1, payload: payload + payload)])
                        acknowledged.withLock { $0[range.lowerBound] = payload; $0[range.upperBound] = payload + payload }
                    } else {
                        let sequence = try log.append(type: 1, payload: payload)
                        acknowledged.withLock { $0[sequence] = payload }
                    }
                } catch {
                    return
                }
            }
        }
        log.close()
        fileSystem.powerCut(keepUnsynced: &generator, tear: seed % 2 == 1)
        try Self.checkSurvivors(fileSystem, Acknowledged(records: acknowledged.withLock { $0 }, created: true),
                                "power cut, seed \(seed)")
    }

    /// Test 9: a crash at every step of a passphrase change or a user addition, followed by a power
    /// cut, leaves a key file with which the old or the new passphrase works.
    @Test(arguments: [false, true])
    func aCrashAtEveryStepOfAKeyChangeLeavesAWorkingKeyFile(tear: Bool) throws {
        for change in ["passphrase", "user"] {
            var step = 0
            while true {
                var generator = SeededGenerator(seed: UInt64(step))
                let fileSystem = SimulatedFileSystem()
                let log = try Self.create(fileSystem)
                try log.append(type: 1, payload: Data("kept".utf8))
                fileSystem.plan.crashAfterMutations = fileSystem.mutationCount + step
                var succeeded = false
                do {
                    if change == "passphrase" {
                        try log.changePassphrase(user: alice, from: alicePassphrase, to: Self.newPassphrase, kdf: tinyKDF)
                    } else {
                        try log.addUser("bob", passphrase: "bob passphrase", kdf: tinyKDF)
                    }
                    succeeded = true
                } catch {}
                let crashed = fileSystem.hasCrashed
                log.close()
                fileSystem.powerCut(keepUnsynced: &generator, tear: tear)

                let old = Self.opens(fileSystem, alice, alicePassphrase)
                let new = change == "passphrase" ? Self.opens(fileSystem, alice, Self.newPassphrase)
                                                 : Self.opens(fileSystem, "bob", "bob passphrase")
                let context = "\(change), crash after step \(step)"
                if change == "passphrase" {
                    #expect(old != new, "\(context): exactly one of old and new must work (old \(old), new \(new))")
                } else {
                    #expect(old, "\(context): the existing user must keep working")
                }
                if succeeded { #expect(new, "\(context): an acknowledged change must survive") }
                let reopened = try Self.open(fileSystem, passphrase: old ? alicePassphrase : Self.newPassphrase)
                #expect(try readAll(reopened).map(\.payload) == [Data("kept".utf8)])
                #expect(!fileSystem.fileExists("/data/keys.tmp"), "\(context): leftover temporary file")
                reopened.close()
                if !crashed { break }
                step += 1
            }
            #expect(step >= 4, "\(change): the change must take several steps")
        }
    }
}
