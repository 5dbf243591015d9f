import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
import Testing

/// Issue 17, per-case state in bytes: an open from the snapshot reads the cases back from its own
/// compact form (`CaseRecordCoder`); every case it gives must be the case a full replay of the log
/// gives — answers, case work, history — before and after events past the snapshot, and so must
/// what is built from every case (statistics, exports).
@Suite struct SnapshotCaseStateTests {
    static let user = SyntheticCaseload.coordinator
    static let passphrase = "correct horse battery"

    /// A case file of a synthetic caseload with case work on its cases (plans, assessments,
    /// follow-ups), closed so that its snapshot covers the whole log.
    static func caseFile(cases: Int, seed: UInt64) throws -> URL {
        let directory = AppHarness.temporaryDirectory()
        let book = try CaseBook.create(at: directory, organisation: "Shelter", user: user, passphrase: passphrase,
                                       kdf: .fastForTests)
        try book.appendHistory(SyntheticCaseload(seed: seed).events(caseCount: cases))
        let casework = SyntheticCasework(seed: seed, today: CalendarDate(year: 2026, month: 3, day: 8)!, user: user)
        try book.record(casework.bodies(for: book.store.records, settings: book.store.caseworkSettings))
        book.close()
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("events.log.snapshot").path))
        return directory
    }

    static func open(_ directory: URL, snapshot: Bool) throws -> CaseBook {
        try CaseBook.open(at: directory, user: user, passphrase: passphrase, usesSnapshot: snapshot)
    }

    /// Every case of the book from the snapshot is the full replay's: state, history, search.
    static func expectSameCases(_ directory: URL) throws {
        let full = try open(directory, snapshot: false)
        let records = full.store.records
        let histories = try records.map { try full.history(of: $0.id) }
        full.log.close()
        let book = try open(directory, snapshot: true)
        defer { book.log.close() }
        #expect(book.log.snapshotCoverage != nil)
        #expect(book.store.caseCount == records.count)
        for (record, history) in zip(records, histories) {
            #expect(book.store[record.id] == record)
            #expect(try book.history(of: record.id) == history)
            #expect(book.store.search(record.number.description) == full.store.search(record.number.description))
            if let name = record.names.first { #expect(book.store.search(name) == full.store.search(name)) }
        }
        #expect(book.store.records.contains { !$0.plan.objectives.isEmpty || !$0.riskAssessments.isEmpty })
    }

    @Test(arguments: [3, 17, 2026] as [UInt64])
    func everyCaseFromTheSnapshotIsTheFullReplays(seed: UInt64) throws {
        let directory = try Self.caseFile(cases: 70, seed: seed)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.expectSameCases(directory)
    }

    @Test func aCaseChangedAfterTheSnapshotIsTheFullReplays() throws {
        let directory = try Self.caseFile(cases: 40, seed: 5)
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = try Self.open(directory, snapshot: true)
        #expect(book.log.snapshotCoverage != nil)
        let changed = book.store.records[7]
        var answers = changed.values
        answers[.alias] = .text("Гуля")
        answers[.familyName] = .text("Сейтқали")
        answers[.citizenship] = .codes(["KZ", "UZ"])
        try book.updateCase(changed.id, to: answers)
        try book.record([.noteAdded(caseID: changed.id, text: "Позвонила сестре."),
                         .statusChanged(caseID: changed.id, status: .closed, reason: "Returned home"),
                         .flagSet(caseID: changed.id, flag: "safety")])
        #expect(book.store[changed.id]?.values[.familyName] == .text("Сейтқали"))
        book.waitForBackgroundVerification()
        book.log.close()  // not `close()`: the snapshot stays where it was, before the changes
        try Self.expectSameCases(directory)

        // Written again with the changes in it, and read back.
        let again = try Self.open(directory, snapshot: true)
        again.verifyInBackground()
        again.waitForBackgroundVerification()
        try again.record([.noteAdded(caseID: changed.id, text: "Second call.")])
        again.close()
        try Self.expectSameCases(directory)
    }

    @Test func statisticsAndExportsAreTheSameFromTheSnapshot() throws {
        let directory = try Self.caseFile(cases: 90, seed: 11)
        defer { try? FileManager.default.removeItem(at: directory) }
        let full = try Self.open(directory, snapshot: false)
        let secret = try full.pseudonymSecret()
        let exporter = CaseExporter(pseudonymSecret: secret)
        let today = CalendarDate(year: 2026, month: 3, day: 8)!
        let statistics = StatisticsBuilder.report(for: full.store.records)
        let anonymised = exporter.csv(full.store.records, variant: .anonymised)
        let identifiable = exporter.csv(full.store.records, variant: .identifiable)
        let agenda = Agenda(cases: full.store.records, settings: full.store.caseworkSettings, today: today, owner: nil)
        full.log.close()

        let book = try Self.open(directory, snapshot: true)
        defer { book.log.close() }
        #expect(book.log.snapshotCoverage != nil)
        #expect(StatisticsBuilder.report(for: book.store.records) == statistics)
        #expect(exporter.csv(book.store.records, variant: .anonymised) == anonymised)
        #expect(exporter.csv(book.store.records, variant: .identifiable) == identifiable)
        #expect(Agenda(cases: book.store.records, settings: book.store.caseworkSettings, today: today, owner: nil) == agenda)
    }
}
