import Foundation
import Testing
@testable import CaseModel

/// Issue 17: the snapshot's hand-written form of a case (`CaseRecordCoder`) gives back every case
/// as it was, whatever its answers hold, and refuses bytes it did not write without crashing.
@Suite struct CaseRecordCoderTests {
    @Test func everyStoredPropertyOfACaseIsWritten() {
        // A property added to `CaseRecord` must be added to the coder (and `propertiesWritten`):
        // one left out would be lost by every open from a snapshot.
        let record = CaseStore.replay(StoreSnapshotTests.events(cases: 1), keepsHistory: false).records[0]
        #expect(Mirror(reflecting: record).children.count == CaseRecordCoder.propertiesWritten)
    }

    @Test func everyStoredPropertyOfASummaryIsWritten() {
        // The same guard for the summary, which the snapshot keeps as it is (`CaseSummaryCoder`).
        let summary = CaseStore.replay(StoreSnapshotTests.events(cases: 1), keepsHistory: false).summaries[0]
        #expect(Mirror(reflecting: summary).children.count == CaseSummaryCoder.propertiesWritten)
    }

    /// Each case written alone and read back from exactly its bytes.
    static func roundTrip(_ records: some Sequence<CaseRecord>) throws -> [CaseRecord] {
        var strings = StringTable()
        var encoded: [[UInt8]] = []
        for record in records {
            var out = ByteWriter()
            try CaseRecordCoder.write(record, to: &out, strings: &strings)
            encoded.append(out.bytes)
        }
        let table = StringList(strings: strings.list)
        return try encoded.map { bytes in try bytes.withUnsafeBytes { try CaseRecordCoder.read($0, strings: table) } }
    }

    @Test(arguments: [1, 29, 404] as [UInt64])
    func casesOfAnyCaseloadReadBackAsTheyWere(seed: UInt64) throws {
        let store = StoreSnapshotTests.replayed(StoreSnapshotTests.events(cases: 300, seed: seed), history: .eventReferences)
        #expect(try Self.roundTrip(store.records) == Array(store.records))
    }

    @Test func unusualAnswersReadBackAsTheyWere() throws {
        var events = StoreSnapshotTests.events(cases: 3, seed: 8)
        let caseID = CaseStore.replay(events, keepsHistory: false).records[1].id
        var factory = EventFactory(author: "Әлия 👩🏽‍⚕️", device: DeviceID(high: 1, low: 2), seed: 4,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        let answers: [FieldKey: FieldValue] = [
            .familyName: .text("Ахмедова\u{0301} e\u{0301}"), .alias: .text(""), .givenName: .text(String(repeating: "Ж", count: 500)),
            .birthDate: .date(CalendarDate(year: 1, month: 1, day: 1)!), .ageAtIntake: .number(-3),
            .citizenship: .codes([]), .exploitationTypes: .codes(["sexual", "labour", "sexual"]), "unknownKey": .code("x"),
        ]
        events.append(factory.make(.fieldsSet(caseID: caseID, changes: answers.map { FieldChange(key: $0.key, old: nil, new: $0.value) })))
        events.append(factory.make(.serviceRecorded(caseID: caseID, service: ServiceEntry(
            kind: .medical, date: CalendarDate(year: 2026, month: 1, day: 2)!, endDate: CalendarDate(year: 2026, month: 2, day: 1)!, note: "н"))))
        events.append(factory.make(.duplicateMarked(caseID: caseID, original: CaseID(high: .max, low: 0))))
        events.append(factory.make(.fieldsSet(caseID: caseID, changes: [FieldChange(key: .alias, old: .text("other"), new: .text("y"))])))
        let store = StoreSnapshotTests.replayed(events, history: .none)
        #expect(store.records[1].conflictingFields.contains(.alias) && store.records[1].duplicateOf != nil)
        #expect(try Self.roundTrip(store.records) == Array(store.records))
        let data = try #require(store.snapshot())
        let restored = try #require(CaseStore(snapshot: data, history: .none))
        #expect(restored.records == store.records)
        #expect(restored.summaries == store.summaries && restored.summaries[1].duplicateOf != nil)
    }

    @Test func damagedBytesAreRefusedNotTrusted() throws {
        let store = StoreSnapshotTests.replayed(StoreSnapshotTests.events(cases: 6, seed: 3), history: .eventReferences)
        let data = try #require(store.snapshot())
        // Another version (the first snapshots wrote 1 there, the second 2) is refused; every cut is refused; a flipped byte is refused or reads as some state, never a crash.
        #expect(CaseStore(snapshot: Data([1]) + data.dropFirst(), history: .eventReferences) == nil)
        #expect(CaseStore(snapshot: Data([2]) + data.dropFirst(), history: .eventReferences) == nil)
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 400)) {
            #expect(CaseStore(snapshot: data.prefix(length), history: .eventReferences) == nil)
        }
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<400 {
            var bytes = [UInt8](data)
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
            _ = CaseStore(snapshot: Data(bytes), history: .eventReferences)
        }
    }
}
