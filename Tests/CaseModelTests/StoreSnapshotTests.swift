import Foundation
import Testing
@testable import CaseModel

/// Issue 17: the replayed state written into the snapshot and read back is the state, and a
/// replay continued from it after more events equals a replay of every event.
@Suite struct StoreSnapshotTests {
    /// A caseload with case work (plans, assessments, follow-ups, referrals) on its cases.
    static func events(cases: Int, seed: UInt64 = 17) -> [Event] {
        let caseload = SyntheticCaseload(seed: seed)
        var events = caseload.events(caseCount: cases)
        let store = CaseStore.replay(events, keepsHistory: false)
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: caseload.device, seed: seed,
                                   wallMillis: { UInt64(2_000_000_000_000) })
        let today = CalendarDate(year: 2026, month: 3, day: 8)!
        for body in SyntheticCasework(seed: seed, today: today, user: "olga").bodies(for: store.records) {
            events.append(factory.make(body))
        }
        return events
    }

    static func replayed(_ events: [Event], history: CaseStore.HistoryKeeping) -> CaseStore {
        CaseStore.replay(events.enumerated().map { (DecodedEvent.event($1), UInt64($0 + 1)) }, history: history)
    }

    static func expectSame(_ restored: CaseStore, _ original: CaseStore) {
        #expect(restored.records == original.records)
        #expect(restored.summaries == original.summaries)
        #expect(restored.users == original.users)
        #expect(restored.partners == original.partners)
        #expect(restored.devices == original.devices)
        #expect(restored.activity == original.activity)
        #expect(restored.organisationName == original.organisationName)
        #expect(restored.caseworkSettings == original.caseworkSettings)
        #expect(restored.eventCount == original.eventCount && restored.lastMergeKey == original.lastMergeKey)
        #expect(restored.uncommittedImportEvents == original.uncommittedImportEvents)
        for record in original.records.prefix(50) {
            #expect(restored.eventReferences(of: record.id) == original.eventReferences(of: record.id))
            #expect(restored.position(of: record.id) == original.position(of: record.id))
            if let name = record.names.first { #expect(restored.search(name) == original.search(name)) }
        }
        #expect(restored.nextCaseNumber(year: 2024) == original.nextCaseNumber(year: 2024))
    }

    @Test func theSnapshotReadBackIsTheState() throws {
        let original = Self.replayed(Self.events(cases: 120), history: .eventReferences)
        #expect(original.records.contains { !$0.plan.objectives.isEmpty || !$0.riskAssessments.isEmpty })
        let data = try #require(original.snapshot())
        let restored = try #require(CaseStore(snapshot: data, history: .eventReferences))
        Self.expectSame(restored, original)
    }

    @Test func aReplayContinuedFromTheSnapshotEqualsTheWholeReplay() throws {
        let events = Self.events(cases: 80)
        let cut = events.count * 2 / 3
        let first = Self.replayed(Array(events.prefix(cut)), history: .eventReferences)
        let data = try #require(first.snapshot())
        let restored = try #require(CaseStore(snapshot: data, history: .eventReferences))
        var stream = ReplayStream(resuming: restored)
        for (index, event) in events.enumerated().dropFirst(cut) { stream.fold(.event(event), reference: UInt64(index + 1)) }
        let finished = stream.finish()
        let continued = try #require(finished)
        Self.expectSame(continued, Self.replayed(events, history: .eventReferences))
    }

    @Test func aSnapshotOfAnotherKindOrDamagedIsRefused() throws {
        let store = Self.replayed(Self.events(cases: 10), history: .eventReferences)
        let data = try #require(store.snapshot())
        #expect(CaseStore(snapshot: data, history: .none) == nil)
        #expect(CaseStore(snapshot: data.dropLast(), history: .eventReferences) == nil)
        #expect(CaseStore(snapshot: data + [0], history: .eventReferences) == nil)
        #expect(CaseStore.replay(Self.events(cases: 2), keepsHistory: true).snapshot() == nil)  // entries are not written
    }
}
