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

    /// The snapshot's form of one case and its summary as `CaseStore.snapshotVersion` writes it,
    /// as a digest. A restored case is read only when something asks for it, and the writer's
    /// check (`SnapshotReadBackTests`) proves only that this build reads what this build wrote: a
    /// coder or fold changed without a new version would meet an older snapshot of the same
    /// version that no longer reads, or reads as another state. Change the pin only with the version.
    static let pinnedForm: (version: UInt64, digest: UInt64) = (3, 0x3795_2099_e8d2_b27b)

    @Test func theFormOfACaseAndItsSummaryIsPinnedToTheSnapshotVersion() throws {
        let caseID = CaseID(high: 1, low: 2), relative = CaseID(high: 3, low: 4), objective = ObjectiveID(high: 5, low: 6)
        let followUp = FollowUpID(high: 7, low: 8)
        func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2026, month: month, day: day)! }
        var factory = EventFactory(author: "Әлия", device: DeviceID(high: 9, low: 10), seed: 11,
                                   wallMillis: { UInt64(2_000_000_000_000) })
        let events = [
            factory.make(.caseOpened(caseID: relative, openedOn: day(1, 2), number: CaseNumber(year: 2026, sequence: 1))),
            factory.make(.caseOpened(caseID: caseID, openedOn: day(1, 3), number: CaseNumber(year: 2026, sequence: 2))),
            factory.make(.fieldsSet(caseID: caseID, changes: [
                FieldChange(key: .familyName, old: nil, new: .text("Жаңаберге\u{0301}н")),
                FieldChange(key: .gender, old: nil, new: .code("female")),
                FieldChange(key: .birthDate, old: nil, new: .date(CalendarDate(year: 1990, month: 2, day: 3)!)),
                FieldChange(key: .numberOfChildren, old: nil, new: .number(2)),
                FieldChange(key: .citizenship, old: nil, new: .codes(["KZ", "UZ"])),
            ])),
            factory.make(.noteAdded(caseID: caseID, text: "Қоңырау шалды")),
            factory.make(.serviceRecorded(caseID: caseID, service: ServiceEntry(kind: .medical, date: day(1, 4), endDate: day(1, 5), note: "н"))),
            factory.make(.referralMade(caseID: caseID, referral: ReferralEntry(organisationType: "legal", date: day(1, 6), reason: "суд"))),
            factory.make(.flagSet(caseID: caseID, flag: "urgent")),
            factory.make(.objectiveSet(caseID: caseID, objective: PlanObjective(
                id: objective, area: "documents", text: "Паспорт", agreedWithPerson: true, plannedEnd: day(3, 1)))),
            factory.make(.followUpAdded(caseID: caseID, followUp: FollowUpEntry(id: followUp, title: "Қоңырау", due: day(2, 1), owner: "olga"))),
            factory.make(.followUpResolved(caseID: caseID, ref: .manual(followUp), resolution: .moved(to: day(2, 8), reason: "ауырды"))),
            factory.make(.familyLinked(caseID: caseID, link: FamilyLink(relative: relative, relation: .child))),
            factory.make(.riskAssessed(caseID: caseID, assessment: RiskAssessment(
                date: day(1, 7), individual: RiskRating(.high, reasons: ["threats"]), household: RiskRating(.low),
                community: RiskRating(.medium), immediateDanger: true, note: "қауіп"))),
            factory.make(.proceedingSet(caseID: caseID, proceeding: LegalProceeding(
                id: ProceedingID(high: 12, low: 13), kind: .criminal, country: "KZ", authority: "Алматы", role: .victim,
                compensationClaimed: 1_000))),
            factory.make(.hearingSet(caseID: caseID, hearing: Hearing(
                id: HearingID(high: 14, low: 15), proceeding: ProceedingID(high: 12, low: 13), date: day(2, 20)))),
            factory.make(.statusChanged(caseID: caseID, status: .followUp, reason: "Left")),
        ]
        let store = CaseStore.replay(events, keepsHistory: false)
        let position = try #require(store.position(of: caseID))
        let record = store.records[position]
        #expect(!record.notes.isEmpty && !record.services.isEmpty && !record.referrals.isEmpty && !record.userFlags.isEmpty
                && !record.plan.objectives.isEmpty && !record.manualFollowUps.isEmpty && record.followUpResolutions.count == 1
                && !record.relatives.isEmpty && !record.riskAssessments.isEmpty && !record.legal.proceedings.isEmpty
                && !record.legal.hearings.isEmpty && !store.summaries[position].openFollowUps.isEmpty)
        var strings = StringTable()
        var out = ByteWriter()
        try CaseRecordCoder.write(record, to: &out, strings: &strings)
        CaseSummaryCoder.write(store.summaries[position], to: &out, strings: &strings)
        for string in strings.list { out.string(string) }
        let digest = out.bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        #expect(CaseStore.snapshotVersion == Self.pinnedForm.version && digest == Self.pinnedForm.digest, """
            The snapshot's form of a case or summary changed (digest now \(String(digest, radix: 16))): \
            raise CaseStore.snapshotVersion, so that snapshots written before are refused, not misread, \
            and pin the new version and digest here.
            """)
    }
}
