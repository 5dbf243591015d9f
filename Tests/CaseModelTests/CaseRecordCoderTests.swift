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
        // Another version (the first snapshots wrote 1 there, the second 2, the third 3) is refused; every cut is refused; a flipped byte is refused or reads as some state, never a crash.
        for version in [1, 2, 3] as [UInt8] {
            #expect(CaseStore(snapshot: Data([version]) + data.dropFirst(), history: .eventReferences) == nil)
        }
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

    /// The snapshot's form of a case file as `CaseStore.snapshotVersion` writes it, as a digest. A
    /// restored case is read only when something asks for it, and the writer's check
    /// (`SnapshotReadBackTests`) proves only that this build reads what this build wrote: a coder
    /// or fold changed without a new version would meet an older snapshot of the same version that
    /// no longer reads, or reads as another state. Change the pin only with the version.
    static let pinnedForm: (version: UInt64, digest: UInt64) = (4, 0x8941_8383_1839_fd5e)

    /// A case file in which every kind of event occurs (`theFormOfACaseFileIsPinnedToTheSnapshotVersion`
    /// fails when a kind is added and not here): the case `caseID` with every kind of case work,
    /// its relative's case (imported), the organisation's users, partner, laptops and settings.
    /// Each dictionary a case holds (a later episode's answers, the follow-up resolutions) has one
    /// entry: the snapshot writes a dictionary's entries in its hash order, which differs from one
    /// run to the next, and a digest of it would too.
    static func caseFileOfEveryKind() -> (events: [Event], caseID: CaseID) {
        let caseID = CaseID(high: 1, low: 2), relative = CaseID(high: 3, low: 4), objective = ObjectiveID(high: 5, low: 6)
        let followUp = FollowUpID(high: 7, low: 8), device = DeviceID(high: 9, low: 10), partner = PartnerID(high: 22, low: 23)
        let proceeding = ProceedingID(high: 12, low: 13)
        func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2026, month: month, day: day)! }
        var factory = EventFactory(author: "Әлия", device: device, seed: 11, wallMillis: { UInt64(2_000_000_000_000) })
        let partnerDetails = PartnerDetails(name: "Заң көмегі", kind: .legal, country: "KZ", city: "Алматы", languages: ["kk", "ru"])
        var events = [
            factory.make(.organisationConfigured(name: "Үміт")),
            factory.make(.userAdded(name: "olga", role: .caseworker)),
            factory.make(.deviceNamed(device: device, log: "9-10.log", name: "Кеңсе")),
            factory.make(.partnerAdded(partner: partner, details: partnerDetails)),
            factory.make(.importBegan(batch: ImportBatchID(high: 20, low: 21))),
            factory.make(.caseOpened(caseID: relative, openedOn: day(1, 2), number: CaseNumber(year: 2026, sequence: 1))),
            factory.make(.importCommitted(batch: ImportBatchID(high: 20, low: 21), caseCount: 1)),
            // An import that failed in a session that went on: its case never counts.
            factory.make(.importBegan(batch: ImportBatchID(high: 24, low: 25))),
            factory.make(.caseOpened(caseID: CaseID(high: 26, low: 27), openedOn: day(1, 2), number: CaseNumber(year: 2026, sequence: 3))),
            factory.make(.importAbandoned(batch: ImportBatchID(high: 24, low: 25))),
            factory.make(.caseOpened(caseID: caseID, openedOn: day(1, 3), number: CaseNumber(year: 2026, sequence: 2))),
            factory.make(.fieldsSet(caseID: caseID, changes: [
                FieldChange(key: .familyName, old: nil, new: .text("Жаңаберге\u{0301}н")),
                FieldChange(key: .gender, old: nil, new: .code("female")),
                FieldChange(key: .birthDate, old: nil, new: .date(CalendarDate(year: 1990, month: 2, day: 3)!)),
                FieldChange(key: .numberOfChildren, old: nil, new: .number(2)),
                FieldChange(key: .citizenship, old: nil, new: .codes(["KZ", "UZ"])),
                FieldChange(key: .consentToStatistics, old: nil, new: .code("yes")),
            ])),
            // Two changes made apart from the answers held (two laptops): both fields conflict.
            factory.make(.fieldsSet(caseID: caseID, changes: [
                FieldChange(key: .givenName, old: .text("Айгүл"), new: .text("Айгуль")),
                FieldChange(key: .alias, old: .text("А."), new: .text("Гүлім")),
            ])),
            factory.make(.conflictResolved(caseID: caseID, change: FieldChange(key: .alias, old: .text("Гүлім"), new: .text("Гүлім")))),
            factory.make(.recordViewed(caseID: caseID)),
            factory.make(.noteAdded(caseID: caseID, text: "Қоңырау шалды")),
            factory.make(.serviceRecorded(caseID: caseID, service: ServiceEntry(kind: .medical, date: day(1, 4), endDate: day(1, 5), note: "н"))),
            factory.make(.referralMade(caseID: caseID, referral: ReferralEntry(organisationType: "legal", date: day(1, 6), reason: "суд"))),
        ]
        let sent = factory.make(.referralSent(caseID: caseID, referral: PartnerReferral(
            partner: partner, partnerName: partnerDetails.name, reasons: [.legal, .documents], sharedParts: [.identity, .situation],
            date: day(1, 6), consentOverride: "", packet: .partnerKey)))
        events += [
            sent,
            factory.make(.referralStatusChanged(caseID: caseID, referral: sent.id, status: .accepted, date: day(1, 9), outcome: "қабылдады")),
            factory.make(.partnerChanged(partner: partner, details: PartnerDetails(
                name: partnerDetails.name, kind: .legal, country: "KZ", city: "Алматы", contact: "+7 727 000 00 00", languages: ["kk"]))),
            factory.make(.partnerRetired(partner: partner, reason: "жабылды")),
            factory.make(.flagSet(caseID: caseID, flag: "urgent")),
            factory.make(.flagSet(caseID: caseID, flag: "safety")),
            factory.make(.flagCleared(caseID: caseID, flag: "safety")),
            factory.make(.objectiveSet(caseID: caseID, objective: PlanObjective(
                id: objective, area: "documents", text: "Паспорт", agreedWithPerson: true, plannedEnd: day(3, 1)))),
            factory.make(.actionSet(caseID: caseID, action: PlanAction(
                id: ActionID(high: 24, low: 25), objective: objective, what: "Өтініш", responsible: "olga", plannedDate: day(2, 2)))),
            factory.make(.followUpAdded(caseID: caseID, followUp: FollowUpEntry(id: followUp, title: "Қоңырау", due: day(2, 1), owner: "olga"))),
            factory.make(.followUpResolved(caseID: caseID, ref: .manual(followUp), resolution: .moved(to: day(2, 8), reason: "ауырды"))),
            factory.make(.familyLinked(caseID: caseID, link: FamilyLink(relative: relative, relation: .child))),
            factory.make(.riskAssessed(caseID: caseID, assessment: RiskAssessment(
                date: day(1, 7), individual: RiskRating(.high, reasons: ["threats"]), household: RiskRating(.low),
                community: RiskRating(.medium), immediateDanger: true, note: "қауіп"))),
            factory.make(.needsAssessed(caseID: caseID, assessment: NeedsAssessment(date: day(1, 8), needs: [
                NeedsAssessment.Need(area: "documents", status: .notMet), NeedsAssessment.Need(area: "health", status: .partly)]))),
            // A second and a third stay: a person trafficked again after the intake's episode.
            factory.make(.episodeSet(caseID: caseID, episode: EpisodeID(high: 16, low: 17), changes: [
                FieldChange(key: .episodeStart, old: nil, new: .date(day(1, 20)))])),
            factory.make(.episodeSet(caseID: caseID, episode: EpisodeID(high: 18, low: 19), changes: [
                FieldChange(key: .exploitationTypes, old: nil, new: .codes(["labour", "sexual"]))])),
            factory.make(.proceedingSet(caseID: caseID, proceeding: LegalProceeding(
                id: proceeding, kind: .criminal, country: "KZ", authority: "Алматы", role: .victim, compensationClaimed: 1_000))),
            factory.make(.hearingSet(caseID: caseID, hearing: Hearing(id: HearingID(high: 14, low: 15), proceeding: proceeding, date: day(2, 20)))),
            factory.make(.consentWithdrawn(caseID: caseID, items: [.consentToStatistics], note: "бас тартты")),
            factory.make(.duplicateMarked(caseID: caseID, original: CaseID(high: 26, low: 27))),
            factory.make(.caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 20, reflectionDays: 40, referralOutcomeDays: 10))),
            factory.make(.statusChanged(caseID: caseID, status: .closed, reason: "Left")),
            factory.make(.caseReopened(caseID: caseID, reason: "Оралды")),
            factory.make(.exportMade(format: "ctdc", identifiable: false, caseCount: 2)),
            factory.make(.userSignedIn),
            factory.make(.passphraseChanged),
            factory.make(.passphraseReset(name: "olga")),
            factory.make(.userDisabled(name: "olga")),
            factory.make(.deviceRevoked(device: DeviceID(high: 28, low: 29), log: "28-29.log", lastSequence: 5, reason: "ұрланды")),
        ]
        return (events, caseID)
    }

    @Test func theFormOfACaseFileIsPinnedToTheSnapshotVersion() throws {
        let (events, caseID) = Self.caseFileOfEveryKind()
        #expect(Set(events.map(\.body.kind)) == Set(EventKind.allCases), "every kind of event shapes the pinned form")
        let store = StoreSnapshotTests.replayed(events, history: .eventReferences)
        let position = try #require(store.position(of: caseID))
        let record = store.records[position]
        #expect(!record.notes.isEmpty && !record.services.isEmpty && !record.referrals.isEmpty && record.userFlags == ["urgent"]
                && record.partnerReferrals.first?.status == .accepted && !record.plan.objectives.isEmpty && !record.plan.actions.isEmpty
                && !record.manualFollowUps.isEmpty && record.followUpResolutions.count == 1 && !record.relatives.isEmpty
                && !record.riskAssessments.isEmpty && !record.needsAssessments.isEmpty && record.laterEpisodes.count == 2
                && !record.legal.proceedings.isEmpty && !record.legal.hearings.isEmpty && record.conflictingFields == [.givenName]
                && record.flags.contains(.consentWithdrawn) && record.duplicateOf != nil && record.status == .active
                && !store.summaries[position].openFollowUps.isEmpty)
        #expect(store.partners.values.first?.isRetired == true && store.devices.count == 2 && store.users["olga"]?.isActive == false
                && store.organisationName != nil && store.caseworkSettings.reassessmentDays == 20
                && store.uncommittedImportEvents == 1 && store.caseCount == 2)
        // The whole snapshot but the schema's field keys: a snapshot of other keys is refused by them, whatever its version.
        let snapshot = try #require(store.snapshot())
        let pinned = try snapshot.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            var head = ByteWriter()
            head.varint(try reader.varint())
            head.byte(try reader.byte())
            for _ in 0..<(try reader.count()) { _ = try reader.string() }
            return head.bytes + Array(try reader.skip(reader.remaining))
        }
        let digest = pinned.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        #expect(CaseStore.snapshotVersion == Self.pinnedForm.version && digest == Self.pinnedForm.digest, """
            The snapshot's form of a case file changed (digest now \(String(digest, radix: 16))): \
            raise CaseStore.snapshotVersion, so that snapshots written before are refused, not misread, \
            and pin the new version and digest here.
            """)
    }
}
