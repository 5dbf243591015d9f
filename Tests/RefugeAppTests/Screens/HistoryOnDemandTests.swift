import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
import Testing

/// The book keeps only where each case's events are and reads a case's history back from the log:
/// it must be exactly what a replay keeping every history entry gives.
@Suite struct HistoryOnDemandTests {
    static func fullReplay(_ book: CaseBook) throws -> CaseStore {
        var decoded: [DecodedEvent] = []
        try book.log.forEachRecord { decoded.append(EventCodec.decode(recordType: $0.type, payload: $0.payload)) }
        return CaseStore.replay(decoded, keepsHistory: true)
    }

    @Test func historyReadBackEqualsTheFullReplay() throws {
        let fixture = try CaseFileFixture(cases: [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Karimov", "Bekzod", gender: "male"),
                                                  AppHarness.person("Yusupova", "Zarina")], signIn: false)
        let book = try CaseBook.open(at: fixture.directory, user: "anna", passphrase: AppHarness.passphrase)
        defer { book.close() }
        let first = try #require(book.store.records.first?.id)
        try book.record([.noteAdded(caseID: first, text: "Called her sister."), .recordViewed(caseID: first)])
        try book.updateCase(first, to: book.store[first]!.values.merging([.alias: .text("Guli")]) { $1 })
        #expect(book.store.history(of: first).isEmpty)  // not held in memory
        let reference = try Self.fullReplay(book)
        for record in reference.records {
            #expect(try book.history(of: record.id) == reference.history(of: record.id))
        }
        #expect(try book.history(of: first).count >= 6)

        // An event from another device that sorts first (a merge): the book replays sorted, histories follow.
        var other = EventFactory(author: "anna", device: DeviceID(high: 9, low: 9), seed: 3, wallMillis: { 1 })
        try book.append([other.make(.noteAdded(caseID: first, text: "Older, from another laptop."))])
        let merged = try Self.fullReplay(book)
        #expect(book.store.records == merged.records)
        #expect(try book.history(of: first) == merged.history(of: first))
        #expect(merged.history(of: first).first.map { if case .opened = $0.change { true } else { false } } == true)
    }
}
