import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
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
}
