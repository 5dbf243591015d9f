import Foundation
import Testing
@testable import CaseModel

/// The streaming fold the app's open uses, and histories rebuilt on demand from event references.
@Suite struct ReplayStreamTests {
    static let events = SyntheticCaseload(seed: 2026).events(caseCount: 120)

    /// Each event's reference is its place in `events`, as a log sequence number would be.
    static func stream(_ events: [Event], history: CaseStore.HistoryKeeping) -> CaseStore? {
        var stream = ReplayStream(history: history)
        for (index, event) in events.enumerated() { stream.fold(.event(event), reference: UInt64(index)) }
        return stream.finish()
    }

    @Test func streamingAnInOrderLogEqualsReplay() throws {
        let reference = CaseStore.replay(Self.events)
        for keeping in [CaseStore.HistoryKeeping.none, .entries, .eventReferences] {
            let streamed = try #require(Self.stream(Self.events, history: keeping))
            #expect(streamed.records == reference.records)
            #expect(streamed.users == reference.users && streamed.activity == reference.activity)
            #expect(streamed.eventCount == reference.eventCount && streamed.lastMergeKey == reference.lastMergeKey)
            #expect(streamed.search("zarina") == reference.search("zarina"))
            #expect(streamed.nextCaseNumber(year: 2025) == reference.nextCaseNumber(year: 2025))
        }
    }

    @Test func historiesRebuiltFromReferencesEqualTheKeptEntries() throws {
        let reference = CaseStore.replay(Self.events)
        let streamed = try #require(Self.stream(Self.events, history: .eventReferences))
        #expect(streamed.history(of: reference.records[0].id).isEmpty)  // kept as references only
        for record in reference.records {
            let own = streamed.eventReferences(of: record.id).map { Self.events[Int($0)] }
            #expect(!own.isEmpty)
            #expect(streamed.history(of: record.id, replaying: own) == reference.history(of: record.id))
        }
    }

    /// What `refuge demo` and the benchmark write: the case file created today, then years of
    /// history appended. Case events and organisation events are each in merge order, so it streams.
    @Test func organisationEventsFromTodayBeforeAnOlderHistoryStillStream() throws {
        var today = EventFactory(author: "anna", device: DeviceID(high: 7, low: 7), seed: 1, wallMillis: { 1_780_000_000_000 })
        let setup = [today.make(.organisationConfigured(name: "Shelter")), today.make(.userAdded(name: "anna", role: .coordinator))]
        let log = setup + Self.events + [today.make(.userSignedIn)]
        let reference = CaseStore.replay(setup + Self.events + [log.last!])
        let streamed = try #require(Self.stream(log, history: .entries))
        #expect(streamed.records == reference.records)
        #expect(streamed.records.map { streamed.history(of: $0.id) } == reference.records.map { reference.history(of: $0.id) })
        #expect(streamed.users == reference.users && streamed.activity == reference.activity)
        #expect(streamed.organisationName == "Shelter" && streamed.lastMergeKey == reference.lastMergeKey)
        #expect(streamed.eventCount == reference.eventCount)
        // A duplicate is dropped as a sorted replay drops it.
        let twice = try #require(Self.stream(log + [log.last!], history: .entries))
        #expect(twice.eventCount == reference.eventCount && twice.activity == reference.activity)
    }

    /// A replay leaves completeness, flags and search keys to its end; applying the same events one
    /// by one updates them as it goes. Both give the same cases and the same search, whether the
    /// replay streams (events in merge order) or sorts (shuffled).
    @Test func deferredReplayEqualsApplyingEventByEvent() {
        var generator = SeededGenerator(seed: 11)
        for events in [Self.events, ReplayTests.sampleEvents().events] {
            var applied = CaseStore(history: .none)
            for event in events { applied.apply(event) }
            for log in [events, events.shuffled(using: &generator)] {
                let replayed = CaseStore.replay(log, keepsHistory: false)
                #expect(replayed.records == applied.records)
                #expect(replayed.searchIndex.count == applied.searchIndex.count)
                #expect(replayed.records.indices.map(replayed.searchIndex.key(at:))
                        == applied.records.indices.map(applied.searchIndex.key(at:)))
                for query in ["", "a", "ova", "zarina", "karimova", "2025", "2026 0002"] {
                    #expect(replayed.search(query) == applied.search(query))
                }
            }
        }
    }

    @Test func anOutOfOrderEventMakesTheStreamGiveUp() {
        var events = Self.events
        events.swapAt(10, 40)
        #expect(Self.stream(events, history: .eventReferences) == nil)
    }

    @Test func sortedReplayWithReferencesKeepsMergeOrder() throws {
        var generator = SeededGenerator(seed: 5)
        let shuffled = Array(Self.events.enumerated()).shuffled(using: &generator)
        let store = CaseStore.replay(shuffled.map { (DecodedEvent.event($0.element), UInt64?.some(UInt64($0.offset))) },
                                     history: .eventReferences)
        let reference = CaseStore.replay(Self.events)
        #expect(store.records == reference.records)
        for record in reference.records.prefix(30) {
            let own = store.eventReferences(of: record.id).map { Self.events[Int($0)] }
            #expect(store.history(of: record.id, replaying: own) == reference.history(of: record.id))
        }
    }
}
