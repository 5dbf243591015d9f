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
}
