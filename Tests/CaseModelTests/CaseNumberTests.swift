import Foundation
import Testing
@testable import CaseModel

/// Case numbers are written on paper files: they must not move when other events are lost,
/// salvaged away or merged in.
@Suite struct CaseNumberTests {
    private static func open(_ factory: inout EventFactory, _ given: String, claiming number: CaseNumber?) -> (CaseID, [Event]) {
        let id: CaseID = factory.nextID()
        let events = factory.openCase(values: Fixtures.person(given: given, intake: "2026-03-01"), openedOn: Fixtures.today,
                                      caseID: id, number: number)
        return (id, events)
    }

    @Test func claimedNumbersSurviveTheLossOfAnEarlierCase() {
        var factory = Fixtures.factory()
        var store = CaseStore()
        var opened: [(CaseID, [Event])] = []
        for name in ["Айгерим", "Гульнара", "Дилноза"] {
            let next = Self.open(&factory, name, claiming: store.nextCaseNumber(year: 2026))
            next.1.forEach { store.apply($0) }
            opened.append(next)
        }
        #expect(opened.map { store[$0.0]!.number.description } == ["2026-0001", "2026-0002", "2026-0003"])

        // The second case's events are lost (a damaged frame, a partial salvage).
        let survivors = CaseStore.replay(opened[0].1 + opened[2].1)
        #expect(survivors[opened[2].0]?.number.description == "2026-0003")
        #expect(survivors.nextCaseNumber(year: 2026).description == "2026-0004")
    }

    @Test func twoLaptopsClaimingTheSameNumberGetDistinctNumbersDeterministically() {
        var first = Fixtures.factory(author: "aigul", seed: 1, millis: 1_000)
        var second = Fixtures.factory(author: "olga", seed: 2, millis: 2_000, device: DeviceID(high: 9, low: 9))
        let claim = CaseNumber(year: 2026, sequence: 1)
        let (a, aEvents) = Self.open(&first, "Айгерим", claiming: claim)
        let (b, bEvents) = Self.open(&second, "Гульнара", claiming: claim)
        for order in [aEvents + bEvents, bEvents + aEvents] {
            let store = CaseStore.replay(order)
            #expect(store[a]?.number.description == "2026-0001")  // first in merge order keeps it
            #expect(store[b]?.number.description == "2026-0002")
        }
    }

    @Test func unclaimedOpeningsNumberAfterTheClaimedOnes() {
        var factory = Fixtures.factory()
        let (claimed, claimedEvents) = Self.open(&factory, "Айгерим", claiming: CaseNumber(year: 2026, sequence: 7))
        let (imported, importedEvents) = Self.open(&factory, "Гульнара", claiming: nil)
        let store = CaseStore.replay(claimedEvents + importedEvents)
        #expect(store[claimed]?.number.description == "2026-0007")
        #expect(store[imported]?.number.description == "2026-0008")
    }

    @Test func theClaimRoundTripsAndOlderPayloadsWithoutItStillDecode() throws {
        var factory = Fixtures.factory()
        let (id, events) = Self.open(&factory, "Айгерим", claiming: CaseNumber(year: 2026, sequence: 42))
        let encoded = EventCodec.encode(events[0])
        guard case .event(let decoded) = EventCodec.decode(recordType: encoded.recordType, payload: encoded.payload) else {
            Issue.record("did not decode")
            return
        }
        #expect(decoded == events[0])

        let unclaimed = factory.make(.caseOpened(caseID: id, openedOn: Fixtures.today))
        let old = EventCodec.encode(unclaimed)
        #expect(old.payload.count < encoded.payload.count)  // version 1 layout, nothing appended
        guard case .event(let plain) = EventCodec.decode(recordType: old.recordType, payload: old.payload),
              case .caseOpened(_, _, let number) = plain.body else {
            Issue.record("did not decode")
            return
        }
        #expect(number == nil)
    }
}
