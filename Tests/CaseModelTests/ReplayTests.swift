import Foundation
import Testing
@testable import CaseModel

@Suite struct ReplayTests {
    /// Three cases over two years, edits, notes, services, a referral, status changes, users.
    static func sampleEvents() -> (events: [Event], first: CaseID, second: CaseID) {
        var aigul = Fixtures.factory(author: "aigul", seed: 10, millis: 1_000)
        var olga = Fixtures.factory(author: "olga", seed: 20, millis: 2_000, device: DeviceID(high: 2, low: 2))
        var aigulLater = Fixtures.factory(author: "aigul", seed: 30, millis: 3_000)
        var events: [Event] = [aigul.make(.organisationConfigured(name: "Shelter")),
                               aigul.make(.userAdded(name: "olga", role: .caseworker))]
        let first: CaseID = aigul.nextID()
        let second: CaseID = aigul.nextID()
        let third: CaseID = aigul.nextID()
        let firstValues = Fixtures.person(family: "Каримова", given: "Дилноза", intake: "2025-12-30", age: 24)
        events += aigul.openCase(values: firstValues, openedOn: Fixtures.today, caseID: first)
        events += aigul.openCase(values: Fixtures.person(given: "Zhanar", intake: "2026-01-02"), openedOn: Fixtures.today, caseID: second)
        events += aigul.openCase(values: Fixtures.person(family: "Petrov", gender: "male", intake: "2026-02-02"), openedOn: Fixtures.today, caseID: third)
        var edited = firstValues
        edited[.familyName] = .text("Каримова-Юсупова")
        edited[.ageAtIntake] = nil
        edited[.birthDate] = .date(Fixtures.date("2001-05-05"))
        events.append(aigul.setFields(of: first, from: firstValues, to: edited)!)
        events.append(olga.make(.noteAdded(caseID: first, text: "Спит плохо")))
        events.append(olga.make(.serviceRecorded(caseID: first, service: ServiceEntry(kind: .medical, date: Fixtures.date("2026-01-05")))))
        events.append(olga.make(.referralMade(caseID: first, referral: ReferralEntry(organisationType: "legalAid", date: Fixtures.date("2026-01-06"), reason: "court"))))
        events.append(olga.make(.recordViewed(caseID: second)))
        events.append(olga.make(.statusChanged(caseID: first, status: .closed, reason: "went home")))
        events.append(aigulLater.make(.caseReopened(caseID: first, reason: "came back")))
        events.append(aigulLater.make(.consentWithdrawn(caseID: second, items: [.consentToStatistics], note: "asked")))
        events.append(aigulLater.make(.userDisabled(name: "olga")))
        return (events, first, second)
    }

    @Test func replayFoldsEventsIntoState() {
        let (events, first, second) = Self.sampleEvents()
        let store = CaseStore.replay(events)
        #expect(store.records.count == 3)
        let karimova = store[first]!
        #expect(karimova.number.description == "2025-0001")
        #expect(karimova[.familyName] == .text("Каримова-Юсупова"))
        #expect(karimova[.ageAtIntake] == nil)
        #expect(karimova.ageAtIntake == 24)  // from the birth date on the intake day
        #expect(karimova.status == .active && karimova.statusReason == "came back")
        #expect(karimova.notes.map(\.text) == ["Спит плохо"] && karimova.notes[0].author == "olga")
        #expect(karimova.services.map(\.entry.kind) == [.medical])
        #expect(karimova.referrals.map(\.entry.organisationType) == ["legalAid"])
        #expect(karimova.flags.contains(.incomplete))
        #expect(karimova.completeness.filled == 2)  // gender and intake date
        let zhanar = store[second]!
        #expect(zhanar.number.description == "2026-0001")
        #expect(zhanar[.consentToStatistics] == .code("no"))
        #expect(zhanar.flags.isSuperset(of: [.consentWithdrawn, .noStatisticsConsent]))
        #expect(store.records.map(\.number.description) == ["2025-0001", "2026-0001", "2026-0002"])
        #expect(store.organisationName == "Shelter")
        #expect(store.users["olga"]?.isActive == false && store.users["olga"]?.role == .caseworker)
        #expect(store.activity.count == 3)
        #expect(store.unrecognised.isEmpty && store.orphans.isEmpty)
    }

    @Test func historySaysWhoChangedWhatFromWhatToWhat() {
        let (events, first, second) = Self.sampleEvents()
        let store = CaseStore.replay(events)
        let history = store.history(of: first)
        #expect(history.first?.change == .opened(CaseNumber(year: 2025, sequence: 1)))
        let nameChange = history.first { if case .field(let change) = $0.change { change.key == .familyName && change.old != nil } else { false } }
        #expect(nameChange?.author == "aigul")
        #expect(nameChange?.change == .field(FieldChange(key: .familyName, old: .text("Каримова"), new: .text("Каримова-Юсупова"))))
        #expect(history.contains { $0.change == .status(from: .active, to: .closed, reason: "went home") && $0.author == "olga" })
        #expect(history.contains { $0.change == .reopened(from: .closed, reason: "came back") })
        #expect(store.history(of: second).contains { $0.change == .viewed && $0.author == "olga" })
        #expect(store.history(of: second).contains {
            $0.change == .field(FieldChange(key: .consentToStatistics, old: nil, new: .code("no")))
        })
    }

    @Test func sameEventsInAnyOrderGiveTheSameState() {
        let (events, _, _) = Self.sampleEvents()
        let reference = CaseStore.replay(events)
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<5 {
            let shuffled = CaseStore.replay(events.shuffled(using: &generator))
            #expect(shuffled.records == reference.records)
            #expect(shuffled.records.map { shuffled.history(of: $0.id) } == reference.records.map { reference.history(of: $0.id) })
            #expect(shuffled.users == reference.users)
        }
    }

    @Test func incrementalApplyEqualsFullReplay() {
        let (events, _, _) = Self.sampleEvents()
        let full = CaseStore.replay(events)
        var incremental = CaseStore.replay(Array(events.prefix(4)))
        for event in events.dropFirst(4) { #expect(incremental.apply(event) == .applied) }
        #expect(incremental.records == full.records)
        #expect(incremental.records.map { incremental.history(of: $0.id) } == full.records.map { full.history(of: $0.id) })
        #expect(incremental.eventCount == events.count)
        #expect(incremental.search("karimova") == full.search("karimova"))
    }

    @Test func duplicatesOrphansAndOutOfOrderEventsAreReported() {
        let (events, first, _) = Self.sampleEvents()
        var store = CaseStore.replay(events)
        #expect(store.apply(events.last!) == .duplicate)
        var other = Fixtures.factory(author: "x", seed: 5, millis: 500)
        #expect(store.apply(other.make(.noteAdded(caseID: CaseID(high: 7, low: 7), text: "lost"))) == .orphan)
        #expect(store.orphans.count == 1)
        #expect(store.apply(other.make(.noteAdded(caseID: first, text: "late"))) == .appliedOutOfOrder)
        #expect(store.apply(.unrecognised(UnrecognisedEvent(recordType: 99, payload: Data([1]), reason: .unknownKind))) == .kept)
        #expect(store.unrecognised.count == 1)
    }

    @Test func caseNumbersAreSequentialPerYear() {
        var factory = Fixtures.factory()
        var events: [Event] = []
        for intake in ["2025-05-01", "2026-01-01", "2025-12-31", "2026-07-01", "2026-08-01"] {
            events += factory.openCase(values: Fixtures.person(family: "A", intake: intake), openedOn: Fixtures.today)
        }
        let numbers = CaseStore.replay(events).records.map(\.number.description)
        #expect(numbers == ["2025-0001", "2026-0001", "2025-0002", "2026-0002", "2026-0003"])
        #expect(CaseNumber(year: 2026, sequence: 12345).description == "2026-12345")
    }

    @Test func concurrentEditsFromTwoDevicesAreFlagged() {
        var laptopA = Fixtures.factory(author: "a", seed: 1, millis: 1_000, device: DeviceID(high: 0, low: 1))
        var laptopB = Fixtures.factory(author: "b", seed: 2, millis: 2_000, device: DeviceID(high: 0, low: 2))
        let caseID: CaseID = laptopA.nextID()
        let base = Fixtures.person(family: "Asanova")
        var events = laptopA.openCase(values: base, openedOn: Fixtures.today, caseID: caseID)
        var fromA = base
        fromA[.familyName] = .text("Asanova A")
        var fromB = base
        fromB[.familyName] = .text("Asanova B")
        events.append(laptopA.setFields(of: caseID, from: base, to: fromA)!)
        events.append(laptopB.setFields(of: caseID, from: base, to: fromB)!)
        let record = CaseStore.replay(events)[caseID]!
        #expect(record[.familyName] == .text("Asanova B"))  // later in merge order wins
        #expect(record.conflictingFields == [.familyName] && record.flags.contains(.conflictingEdits))
    }

    @Test func onlyChangedFieldsAreWritten() {
        let old: [FieldKey: FieldValue] = [.familyName: .text("A"), .gender: .code("female")]
        let new: [FieldKey: FieldValue] = [.familyName: .text("B"), .gender: .code("female"), .alias: .text("C")]
        #expect(EventFactory.changes(from: old, to: new) == [
            FieldChange(key: .alias, old: nil, new: .text("C")),
            FieldChange(key: .familyName, old: .text("A"), new: .text("B")),
        ])
        var factory = Fixtures.factory()
        #expect(factory.setFields(of: CaseID(high: 1, low: 1), from: old, to: old) == nil)
    }

    @Test func historyCanBeTurnedOffForBigReplays() {
        let (events, first, _) = Self.sampleEvents()
        let store = CaseStore.replay(events, keepsHistory: false)
        #expect(store.history(of: first).isEmpty)
        #expect(store.records == CaseStore.replay(events).records)
    }

    @Test func encodedThenDecodedLogReplaysToTheSameState() {
        let (events, _, _) = Self.sampleEvents()
        let decoded = events.map { event in
            let (type, payload) = EventCodec.encode(event)
            return EventCodec.decode(recordType: type, payload: payload)
        }
        #expect(CaseStore.replay(decoded).records == CaseStore.replay(events).records)
    }
}
