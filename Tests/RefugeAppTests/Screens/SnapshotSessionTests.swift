import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
import Synchronization
import Testing

/// Issue 17: the application opens from its snapshot and reads only the frames after it; the
/// frames the snapshot covers are read in the background, and damage there is reported in the
/// same session, with the same message, and the case file turns read-only.
@Suite struct SnapshotSessionTests {
    static let people = [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Karimov", "Bekzod", gender: "male"),
                         AppHarness.person("Yusupova", "Zarina")]

    static func snapshotExists(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("events.log.snapshot").path)
    }

    @Test func theSessionOpensFromTheSnapshotWithTheSameCases() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory, cases: Self.people)
        #expect(Self.snapshotExists(directory))  // written when the book closed
        let full = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase)
        let expected = full.store.records
        full.close()

        let harness = AppHarness(directory: directory)
        harness.signIn()
        let book = try #require(harness.book)
        #expect(book.log.snapshotCoverage != nil)
        #expect(book.store.records == expected)
        #expect(harness.shows("Karimov"))
        book.waitForBackgroundVerification()
        harness.pause()
        #expect(book.damageFoundAfterOpen == nil && !book.isReadOnly)
    }

    @Test func aBitFlippedInAnOldFrameIsReportedInTheSessionThatOpensTheFile() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory, cases: Self.people)
        let log = directory.appendingPathComponent("events.log")
        var bytes = Array(try Data(contentsOf: log))
        bytes[48 + 40] ^= 0x04  // inside the first frame: years old, covered by the snapshot
        try Data(bytes).write(to: log)

        let harness = AppHarness(directory: directory)
        harness.signIn()
        let book = try #require(harness.book)
        #expect(book.log.snapshotCoverage != nil)  // the open did not read the damaged frame
        book.waitForBackgroundVerification()
        harness.pause()
        #expect(book.damageFoundAfterOpen != nil)
        #expect(book.isReadOnly)
        #expect(harness.shows(harness.session.strings.damagedTitle))
        #expect(throws: EventLogError.self) { try book.record([.userSignedIn]) }
    }

    /// Keys arriving, as a test says; notes the priority of each thread that asks.
    final class TestTyping: TypingSignal {
        let typing = Mutex(false)
        let nicenessSeen = Mutex<[Int]>([])
        var isTyping: Bool {
            if let niceness = Self.niceness() { nicenessSeen.withLock { $0.append(niceness) } }
            return typing.withLock { $0 }
        }

        /// The calling thread's nice value (Linux: field 19 of /proc/thread-self/stat).
        static func niceness() -> Int? {
            guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
                  let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 16 else { return nil }
            return Int(fields[16])
        }
    }

    /// Waits (boundedly) for `condition`, which a background thread makes true.
    static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<3_000 where !condition() { usleep(2_000) }
        return condition()
    }

    /// Runs `body` on a case file whose log holds more than one batch of frames (512), so that the
    /// background read asks whether to pause before it is done, opened from its snapshot.
    static func withLongCaseFile(_ body: (CaseBook) throws -> Void) throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory, cases: Self.people)
        let writer = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase)
        for _ in 0..<600 { try writer.record([.userSignedIn]) }
        writer.close()
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase, usesSnapshot: true)
        defer { book.close() }
        try body(book)
    }

    @Test func theBackgroundReadWaitsWhileKeysArriveAndGoesOnWhenTheyStop() throws {
        try Self.withLongCaseFile { book in
            #expect(book.log.snapshotCoverage != nil)
            let typing = TestTyping()
            typing.typing.withLock { $0 = true }
            book.verifyInBackground(pausingWhile: typing)
            #expect(Self.eventually { book.coveredFrames.isPausedForTyping })
            #expect(book.coveredFrames.current == .running)
            typing.typing.withLock { $0 = false }
            #expect(Self.eventually { book.coveredFrames.current != .running })
            #expect(book.coveredFrames.current == .finished([]))
            #expect(!book.coveredFrames.isPausedForTyping)
        }
    }

    @Test func aSaveWaitingForTheVerdictEndsThePause() throws {
        try Self.withLongCaseFile { book in
            let typing = TestTyping()
            typing.typing.withLock { $0 = true }  // and never stops: the save must not wait for ever
            book.verifyInBackground(pausingWhile: typing)
            #expect(Self.eventually { book.coveredFrames.isPausedForTyping })
            try book.record([.userSignedIn])
            #expect(book.coveredFrames.current == .finished([]))
        }
    }

    #if os(Linux)
    @Test func theBackgroundReadRunsAtTheLowestPriority() throws {
        try Self.withLongCaseFile { book in
            let typing = TestTyping()
            book.verifyInBackground(pausingWhile: typing)
            book.waitForBackgroundVerification()
            let seen = typing.nicenessSeen.withLock { $0 }
            #expect(!seen.isEmpty)
            #expect(seen.allSatisfy { $0 >= 10 }, "the read ran at nice \(seen), not in the background")
        }
    }
    #endif

    @Test func keysTypedInTheSessionSayTypingUntilAPause() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory, cases: Self.people)
        let harness = AppHarness(directory: directory)
        harness.signIn()
        let typing = harness.session.typing
        #expect(!typing.isTyping)  // the key that signed in is no typing: the read starts at once
        harness.press(.down)
        #expect(typing.isTyping)  // the read pauses now (theBackgroundReadWaitsWhileKeysArrive…)
        harness.press(.down)
        #expect(typing.isTyping)
        harness.pause()
        #expect(!typing.isTyping)
        let book = try #require(harness.book)
        #expect(Self.eventually { book.coveredFrames.current != .running })
        #expect(book.coveredFrames.current == .finished([]))
    }

    /// Writing the snapshot at a quiet moment runs on its own thread: it covers the state of the
    /// moment it started, while the session goes on saving; what was saved meanwhile is folded
    /// after it at the next open, and is the next snapshot's.
    @Test func aSnapshotWrittenInTheBackgroundCoversTheMomentItStarted() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory, cases: Self.people)
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase, usesSnapshot: true)
        let caseID = book.store.summaries[0].id
        _ = try book.record([.noteAdded(caseID: caseID, text: "Позвонила сестре в Ташкент.")])
        let covered = book.log.lastSequence
        book.saveSnapshotInBackground()
        _ = try book.record([.noteAdded(caseID: caseID, text: "Second note, saved while the snapshot was written.")])
        book.waitForBackgroundSnapshot()
        #expect(book.eventsSinceSnapshot == 1)
        let expected = book.store.records
        book.log.close()  // not `book.close()`: the snapshot stays as the background wrote it

        let reopened = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase, usesSnapshot: true)
        defer { reopened.close() }
        #expect(reopened.log.snapshotCoverage == covered)
        #expect(reopened.store.records == expected)
        #expect(reopened.store[caseID]?.notes.count == 2)
    }

    /// A pause of 20 seconds in a session writes the snapshot (in the background), and quitting
    /// waits for it.
    @Test func aQuietMomentInTheSessionWritesTheSnapshot() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory, cases: Self.people)
        let harness = AppHarness(directory: directory)
        harness.signIn()
        let book = try #require(harness.book)
        book.waitForBackgroundVerification()
        harness.pause()  // the sign-in is recorded once the read found the log whole
        _ = try book.record([.noteAdded(caseID: book.store.summaries[1].id, text: "Karimov: документы получены.")])
        let saved = book.log.lastSequence
        #expect(book.eventsSinceSnapshot > 0)
        harness.pause(.seconds(21))
        book.waitForBackgroundSnapshot()
        #expect(book.eventsSinceSnapshot == 0)
        harness.session.quit()
        let reopened = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase, usesSnapshot: true)
        defer { reopened.close() }
        #expect(reopened.log.snapshotCoverage ?? 0 >= saved)
    }
}
