import Foundation
import Testing
@testable import CaseModel

/// Issue 17: the store's per-case summary is what the case itself gives, after a replay, after each
/// applied event of every kind of case work, and after the organisation's follow-up rules change.
@Suite struct CaseSummaryTests {
    static func expectSummariesFollowTheCases(_ store: CaseStore) {
        #expect(store.summaries.count == store.records.count)
        for (summary, record) in zip(store.summaries, store.records) {
            #expect(summary == CaseSummary(record, settings: store.caseworkSettings))
        }
    }

    @Test func aReplayedStoreSummarisesEveryCase() {
        let store = CaseStore.replay(StoreSnapshotTests.events(cases: 90), keepsHistory: false)
        #expect(store.records.contains { !$0.openFollowUps(settings: store.caseworkSettings).isEmpty })
        Self.expectSummariesFollowTheCases(store)
    }

    @Test func eachAppliedEventKeepsTheSummaryTrue() {
        var store = CaseStore(keepsHistory: false)
        for event in StoreSnapshotTests.events(cases: 25) {
            store.apply(event)
            for position in store.records.indices.suffix(3) {
                #expect(store.summaries[position] == CaseSummary(store.records[position], settings: store.caseworkSettings))
            }
        }
        Self.expectSummariesFollowTheCases(store)
    }

    @Test func newFollowUpRulesMoveEveryCasesDueDays() {
        var store = CaseStore.replay(StoreSnapshotTests.events(cases: 40), keepsHistory: false)
        let today = CalendarDate(year: 2026, month: 3, day: 8)!
        let before = store.summaries.map { $0.overdueFollowUpCount(on: today) }
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: SyntheticCaseload(seed: 17).device, seed: 3,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        store.apply(factory.make(.caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 1, reflectionDays: 1,
                                                                            referralOutcomeDays: 1))))
        Self.expectSummariesFollowTheCases(store)
        let after = store.summaries.map { $0.overdueFollowUpCount(on: today) }
        #expect(after != before)
        for (summary, record) in zip(store.summaries, store.records) {
            #expect(summary.overdueFollowUpCount(on: today) == record.overdueFollowUpCount(settings: store.caseworkSettings, on: today))
            #expect(summary.age(on: today) == record.age(on: today))
        }
    }

    /// Marking a case the duplicate of an earlier one changes its summary, which the earlier
    /// case's file reads to list its duplicates.
    @Test func aDuplicateMarkedIsInItsSummary() {
        var store = CaseStore.replay(StoreSnapshotTests.events(cases: 12), keepsHistory: false)
        let (original, duplicate) = (store.records[2].id, store.records[9].id)
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: SyntheticCaseload(seed: 17).device, seed: 6,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        store.apply(factory.make(.duplicateMarked(caseID: duplicate, original: original)))
        Self.expectSummariesFollowTheCases(store)
        #expect(store.summaries.filter { $0.duplicateOf == original }.map(\.id) == [duplicate])
    }

    /// The agenda shown at sign-in is known from the summaries (whether it has anything) and made
    /// from the cases they point to; it is the agenda of every case, for everyone and for each owner.
    @Test func theAgendaFromTheSummariesIsTheAgendaOfEveryCase() {
        var events = StoreSnapshotTests.events(cases: 60)
        let replayed = CaseStore.replay(events, keepsHistory: false)
        var factory = EventFactory(author: "olga", device: SyntheticCaseload(seed: 17).device, seed: 5,
                                   wallMillis: { UInt64(2_050_000_000_000) })
        // Follow-ups owned by someone else than the case's caseworker, so that owners differ within a case.
        for record in replayed.records.prefix(8) where !record.status.isClosed {
            events.append(factory.make(.followUpAdded(caseID: record.id, followUp: FollowUpEntry(
                id: FollowUpID(high: 9, low: UInt64(record.number.sequence)), title: "Call the lawyer",
                due: CalendarDate(year: 2026, month: 3, day: 10)!, owner: "dana"))))
        }
        let store = CaseStore.replay(events, keepsHistory: false)
        let owners = Set(store.records.flatMap { $0.openFollowUps(settings: store.caseworkSettings).map(\.owner) })
        #expect(owners.count >= 3 && owners.contains("dana"))
        for today in [CalendarDate(year: 2026, month: 3, day: 8)!, CalendarDate(year: 2019, month: 1, day: 1)!] {
            for owner in [nil] + owners.map(Optional.some) + ["nobody"] {
                let everyCase = Agenda(cases: store.records, settings: store.caseworkSettings, today: today, owner: owner)
                #expect(Agenda(store: store, today: today, owner: owner) == everyCase)
                #expect(Agenda.hasItems(in: store, today: today, owner: owner) == !everyCase.isEmpty)
                #expect(Agenda(store: store, today: today, days: 0, owner: owner)
                    == Agenda(cases: store.records, settings: store.caseworkSettings, today: today, days: 0, owner: owner))
            }
        }
    }
}
