import Foundation
import Testing
@testable import CaseModel

@Suite struct EventCodecTests {
    static let caseID = CaseID(high: 0xDEAD_BEEF, low: 42)

    /// One body of every kind, with awkward values (empty strings, Cyrillic, big numbers, nil dates).
    static let bodies: [EventBody] = [
        .caseOpened(caseID: caseID, openedOn: Fixtures.date("2026-01-31")),
        .conflictResolved(caseID: caseID, change: FieldChange(key: .familyName, old: .text("Ким"), new: nil)),
        .deviceNamed(device: DeviceID(high: 1, low: 2), log: "events-0123456789abcdef.log", name: "Ноутбук «Аутрич»"),
        .deviceRevoked(device: DeviceID(high: 1, low: 2), log: "events-0123456789abcdef.log", lastSequence: UInt64.max, reason: ""),
        .fieldsSet(caseID: caseID, changes: [
            FieldChange(key: .familyName, old: nil, new: .text("Каримова")),
            FieldChange(key: .birthDate, old: .date(Fixtures.date("1999-02-28")), new: .date(Fixtures.date("1998-02-28"))),
            FieldChange(key: .ageAtExploitation, old: .number(-3), new: .number(Int(Int32.max))),
            FieldChange(key: .gender, old: .code("male"), new: .code("female")),
            FieldChange(key: .citizenship, old: .codes([]), new: .codes(["UZ", "KZ"])),
            FieldChange(key: .alias, old: .text(""), new: nil),
        ]),
        .noteAdded(caseID: caseID, text: "Заметка\nв две строки 😀"),
        .serviceRecorded(caseID: caseID, service: ServiceEntry(kind: .shelterAdmission, date: Fixtures.date("2026-02-01"))),
        .serviceRecorded(caseID: caseID, service: ServiceEntry(kind: .vocationalTraining, date: Fixtures.date("2026-02-01"),
                                                               endDate: Fixtures.date("2026-05-01"), note: "sewing")),
        .referralMade(caseID: caseID, referral: ReferralEntry(organisationType: "legalAid", date: Fixtures.date("2026-03-03"), reason: "court")),
        .statusChanged(caseID: caseID, status: .closedReferred, reason: "moved to Tashkent"),
        .caseReopened(caseID: caseID, reason: "returned"),
        .consentWithdrawn(caseID: caseID, items: [.consentToStatistics, .consentToShareWithPartners], note: ""),
        .recordViewed(caseID: caseID),
        .exportMade(format: "csv", identifiable: true, caseCount: 150),
        .userSignedIn,
        .userAdded(name: "Айгуль", role: .coordinator),
        .userDisabled(name: "olga"),
        .organisationConfigured(name: "Убежище «Мейірім»"),
        .passphraseChanged,
        .passphraseReset(name: "Бек"),
        .duplicateMarked(caseID: CaseID(high: 5, low: 6), original: CaseID(high: 7, low: 8)),
        .importBegan(batch: ImportBatchID(high: 9, low: 10)),
        .importCommitted(batch: ImportBatchID(high: 9, low: 10), caseCount: 1_000_000),
        .importAbandoned(batch: ImportBatchID(high: 9, low: 10)),
        .partnerAdded(partner: PartnerID(high: 1, low: 2), details: PartnerDetails(
            name: "Клиника «Шипагер»", kind: .medical, country: "KZ", city: "Алматы", contact: "+7 727 000 00 00",
            languages: ["rus", "kaz"], recipient: "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")),
        .partnerChanged(partner: PartnerID(high: 1, low: 2), details: PartnerDetails(name: "", kind: .other)),
        .partnerRetired(partner: PartnerID(high: 1, low: 2), reason: "closed"),
        .referralSent(caseID: caseID, referral: PartnerReferral(
            partner: PartnerID(high: 1, low: 2), partnerName: "IOM", reasons: [.repatriation, .documents],
            sharedParts: [.identity, .notes], date: Fixtures.date("2026-04-01"), consentOverride: "court order",
            packet: .passphrase)),
        .referralStatusChanged(caseID: caseID, referral: EventID(high: 3, low: 4), status: .completed,
                               date: Fixtures.date("2026-05-01"), outcome: "returned home"),
        .flagSet(caseID: caseID, flag: "safetyRisk"),
        .flagCleared(caseID: caseID, flag: "своя отметка"),
        .objectiveSet(caseID: caseID, objective: PlanObjective(
            id: ObjectiveID(high: 1, low: 2), area: "documents", text: "Восстановить паспорт", agreedWithPerson: true,
            status: .partlyAchieved, plannedEnd: Fixtures.date("2026-04-01"), actualEnd: nil)),
        .actionSet(caseID: caseID, action: PlanAction(
            id: ActionID(high: 3, low: 4), objective: ObjectiveID(high: 1, low: 2), what: "Запрос в консульство",
            responsible: "Юридическая клиника", plannedDate: nil, doneDate: Fixtures.date("2026-03-20"), outcome: "")),
        .riskAssessed(caseID: caseID, assessment: RiskAssessment(
            date: Fixtures.date("2026-03-02"), individual: RiskRating(.high, reasons: ["threats", "traffickerContact"]),
            household: RiskRating(.low), community: RiskRating(.medium, reasons: ["stigma"]), immediateDanger: true,
            note: "звонили брату")),
        .needsAssessed(caseID: caseID, assessment: NeedsAssessment(date: Fixtures.date("2026-03-02"), needs: [
            .init(area: "health", status: .notMet), .init(area: "housing", status: .met)])),
        .followUpAdded(caseID: caseID, followUp: FollowUpEntry(
            id: FollowUpID(high: 5, low: 6), title: "Суд 12.05", due: Fixtures.date("2026-05-12"), owner: "aigul")),
        .followUpResolved(caseID: caseID, ref: .manual(FollowUpID(high: 5, low: 6)), resolution: .done(note: "")),
        .followUpResolved(caseID: caseID, ref: .reassessment(after: Fixtures.date("2026-03-02")),
                          resolution: .moved(to: Fixtures.date("2026-04-15"), reason: "в больнице")),
        .followUpResolved(caseID: caseID, ref: .reflectionPeriodEnd, resolution: .dropped(reason: "уехала")),
        .followUpResolved(caseID: caseID, ref: .referral(EventID(high: 9, low: 9)), resolution: .done(note: "принята")),
        .followUpResolved(caseID: caseID, ref: .hearing(HearingID(high: 4, low: 4)), resolution: .moved(to: Fixtures.date("2026-04-01"), reason: "перенесено")),
        .episodeSet(caseID: caseID, episode: EpisodeID(high: 2, low: 3), changes: [
            FieldChange(key: .exploitationTypes, old: nil, new: .codes(["forcedLabour"])),
            FieldChange(key: .episodeStart, old: .date(Fixtures.date("2025-01-01")), new: .date(Fixtures.date("2025-02-01"))),
        ]),
        .familyLinked(caseID: caseID, link: FamilyLink(relative: CaseID(high: 7, low: 8), relation: .child)),
        .deviceNamed(device: DeviceID(high: 5, low: 5), log: "events-0000000000000005.log", name: "Outreach"),
        .deviceRevoked(device: DeviceID(high: 5, low: 5), log: "events-0000000000000005.log", lastSequence: 42, reason: "stolen"),
        .proceedingSet(caseID: caseID, proceeding: LegalProceeding(
            id: ProceedingID(high: 1, low: 2), kind: .criminal, country: "KZ", authority: "Суд Алмалинского района",
            role: .victim, outcome: "приговор", compensationClaimed: 2_000_000, compensationAwarded: nil)),
        .hearingSet(caseID: caseID, hearing: Hearing(id: HearingID(high: 4, low: 4), proceeding: ProceedingID(high: 1, low: 2),
                                                     date: Fixtures.date("2026-03-10"), outcome: "отложено")),
        .followUpResolved(caseID: caseID, ref: .planAction(ActionID(high: 3, low: 4)), resolution: .done(note: "")),
        .caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 45, reflectionDays: 90, referralOutcomeDays: 7)),
        .deviceNamed(device: DeviceID(high: 5, low: 6), log: "events-0123456789abcdef.log", name: "Ноутбук Айгүл"),
        .deviceRevoked(device: DeviceID(high: 5, low: 6), log: "events-0123456789abcdef.log", lastSequence: 1_234,
                       reason: "украден / stolen"),
    ]

    static func event(_ body: EventBody, counter: UInt32 = 7) -> Event {
        Event(id: EventID(high: .max, low: 1), author: "aigul", time: HLCTimestamp(wallMillis: 1_750_000_000_123, counter: counter),
              device: DeviceID(high: 3, low: .max), body: body)
    }

    @Test func samplesCoverEveryKind() {
        #expect(Set(Self.bodies.map(\.kind)) == Set(EventKind.allCases))
    }

    @Test(arguments: bodies) func everyKindRoundTrips(body: EventBody) {
        let event = Self.event(body)
        let (type, payload) = EventCodec.encode(event)
        #expect(type == body.kind.rawValue)
        #expect(payload.first == EventCodec.formatVersion)
        #expect(EventCodec.decode(recordType: type, payload: payload) == .event(event))
    }

    @Test func aNewerVersionIsKeptByteForByte() {
        var (type, payload) = EventCodec.encode(Self.event(.userSignedIn))
        payload[payload.startIndex] = EventCodec.formatVersion + 1
        let decoded = EventCodec.decode(recordType: type, payload: payload)
        #expect(decoded == .unrecognised(UnrecognisedEvent(recordType: type, payload: payload, reason: .newerVersion(2))))
        let store = CaseStore.replay([decoded])
        #expect(store.unrecognised.count == 1 && store.unrecognised[0].payload == payload)
    }

    @Test func anUnknownKindIsKept() {
        let payload = Data([1, 2, 3])
        let decoded = EventCodec.decode(recordType: 200, payload: payload)
        #expect(decoded == .unrecognised(UnrecognisedEvent(recordType: 200, payload: payload, reason: .unknownKind)))
    }

    @Test func aTruncatedPayloadIsReportedAtEveryCutNeverACrash() {
        for body in Self.bodies {
            let (type, payload) = EventCodec.encode(Self.event(body))
            for length in 0..<payload.count {
                let cut = payload.prefix(length)
                guard case .unrecognised(let kept) = EventCodec.decode(recordType: type, payload: cut) else {
                    Issue.record("\(body.kind) cut at \(length) decoded")
                    continue
                }
                #expect(kept.payload == cut)
            }
        }
    }

    @Test func hugeLengthsAndBadTagsAreMalformed() {
        var writer = ByteWriter()
        writer.byte(1)
        writer.identifier(EventID(high: 1, low: 2))
        writer.identifier(DeviceID(high: 1, low: 2))
        writer.varint(5)
        writer.varint(0)
        writer.varint(UInt64.max)  // author length
        let decoded = EventCodec.decode(recordType: EventKind.userSignedIn.rawValue, payload: Data(writer.bytes))
        guard case .unrecognised(let kept) = decoded, case .malformed = kept.reason else {
            Issue.record("not malformed: \(decoded)")
            return
        }
    }

    @Test func unknownStatusCodeIsKeptNotGuessed() {
        var writer = ByteWriter()
        let head = EventCodec.encode(Self.event(.recordViewed(caseID: Self.caseID))).payload
        writer.bytes.append(contentsOf: head)
        writer.string("archived")
        writer.string("")
        let decoded = EventCodec.decode(recordType: EventKind.statusChanged.rawValue, payload: Data(writer.bytes))
        guard case .unrecognised(let kept) = decoded, case .malformed = kept.reason else {
            Issue.record("decoded an unknown status")
            return
        }
    }

    @Test func trailingBytesFromALaterMinorVersionAreIgnored() {
        let event = Self.event(.noteAdded(caseID: Self.caseID, text: "x"))
        let (type, payload) = EventCodec.encode(event)
        #expect(EventCodec.decode(recordType: type, payload: payload + Data([9, 9, 9])) == .event(event))
    }

    @Test func theLayoutIsAsDocumented() {
        let event = Event(id: EventID(high: 0x0102030405060708, low: 0x090A0B0C0D0E0F10), author: "ab",
                          time: HLCTimestamp(wallMillis: 300, counter: 1), device: DeviceID(high: 0, low: 0x11),
                          body: .userDisabled(name: "Ая"))
        let (type, payload) = EventCodec.encode(event)
        #expect(type == 13)
        let expected: [UInt8] = [1] + Array(1...16) + [UInt8](repeating: 0, count: 15) + [0x11]
            + [0xAC, 0x02, 0x01, 0x02, 0x61, 0x62, 0x04, 0xD0, 0x90, 0xD1, 0x8F]
        #expect(Array(payload) == expected)
    }

    @Test func varintsAndZigzagRoundTrip() throws {
        var writer = ByteWriter()
        let unsigned: [UInt64] = [0, 1, 127, 128, 300, 16_383, 16_384, .max]
        let signed = [0, -1, 1, -64, 64, Int.min, Int.max]
        for value in unsigned { writer.varint(value) }
        for value in signed { writer.signed(value) }
        let bytes = writer.bytes
        bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            for value in unsigned { #expect((try? reader.varint()) == value) }
            for value in signed { #expect((try? reader.signed()) == value) }
            #expect(reader.remaining == 0)
        }
    }
}

@Suite struct HybridLogicalClockTests {
    @Test func localTicksNeverGoBackwardsEvenWhenTheWallClockDoes() {
        var clock = HybridLogicalClock()
        let a = clock.tick(wallMillis: 1000)
        let b = clock.tick(wallMillis: 1000)
        let c = clock.tick(wallMillis: 900)
        let d = clock.tick(wallMillis: 2000)
        #expect(a == HLCTimestamp(wallMillis: 1000, counter: 0))
        #expect(b == HLCTimestamp(wallMillis: 1000, counter: 1))
        #expect(c == HLCTimestamp(wallMillis: 1000, counter: 2))
        #expect(d == HLCTimestamp(wallMillis: 2000, counter: 0))
        #expect(a < b && b < c && c < d)
    }

    @Test func mergeOrderIsTimeThenCounterThenDeviceThenID() {
        let t = HLCTimestamp(wallMillis: 5, counter: 1)
        let a = MergeKey(time: t, device: DeviceID(high: 0, low: 1), id: EventID(high: 9, low: 9))
        let b = MergeKey(time: t, device: DeviceID(high: 0, low: 2), id: EventID(high: 0, low: 0))
        let c = MergeKey(time: t, device: DeviceID(high: 0, low: 2), id: EventID(high: 0, low: 1))
        let d = MergeKey(time: HLCTimestamp(wallMillis: 5, counter: 2), device: DeviceID(high: 0, low: 0), id: EventID(high: 0, low: 0))
        #expect([d, c, b, a].sorted() == [a, b, c, d])
    }
}
