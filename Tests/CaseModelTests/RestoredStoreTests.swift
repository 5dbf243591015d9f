import Foundation
import Testing
@testable import CaseModel

/// Issue 17: a store restored from a snapshot keeps its cases as bytes (`CaseRecords`) and its
/// summaries as the snapshot held them, yet gives, for every case, exactly what a replay of the
/// log gives — record, summary, search results and history — before and after more events, and
/// a snapshot written from it carries the cases no event changed as the bytes they were.
@Suite struct RestoredStoreTests {
    /// The caseload, and events after it that change restored cases in every way that matters:
    /// a case's name (its search key), a family link (which changes the relative's case too) and
    /// the organisation's follow-up rules (every case's summary).
    static func scenario() -> (events: [Event], cut: Int, extra: [Event], changed: Set<CaseID>) {
        let events = StoreSnapshotTests.events(cases: 60)
        let cut = events.count * 2 / 3
        let early = CaseStore.replay(Array(events.prefix(cut)), keepsHistory: false)
        let renamed = early.records[2].id, linked = early.records[3].id, relative = early.records[4].id
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: SyntheticCaseload(seed: 17).device, seed: 5,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        let extra = [
            factory.make(.fieldsSet(caseID: renamed, changes: [
                FieldChange(key: .familyName, old: early.records[2][.familyName], new: .text("Жаңаберген"))])),
            factory.make(.familyLinked(caseID: linked, link: FamilyLink(relative: relative, relation: .child))),
            factory.make(.caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 1, reflectionDays: 2, referralOutcomeDays: 3))),
        ]
        var changed: Set<CaseID> = [renamed, linked, relative]
        for event in events.dropFirst(cut) { if let caseID = event.body.caseID { changed.insert(caseID) } }
        return (events, cut, extra, changed)
    }

    /// `store` restored and continued, against `replayed` (the same events replayed, history in
    /// memory): every case, one by one.
    static func expectEveryCaseAsReplayed(_ store: CaseStore, _ replayed: CaseStore, events: [Event]) {
        #expect(store.caseCount == replayed.caseCount)
        #expect(store.summaries == replayed.summaries)
        for position in replayed.records.indices {
            let record = replayed.records[position]
            #expect(store.records[position] == record)
            #expect(store[record.id] == record)
            #expect(store.position(of: record.id) == position)
            #expect(store.caseID(numbered: record.number.description) == record.id)
            let own = store.eventReferences(of: record.id).map { events[Int($0) - 1] }
            #expect(store.history(of: record.id, replaying: own) == replayed.history(of: record.id))
            for name in record.names { #expect(store.search(name) == replayed.search(name)) }
            #expect(store.search(record.number.description) == replayed.search(record.number.description))
        }
        for year in Set(replayed.records.map(\.number.year)) {
            #expect(store.nextCaseNumber(year: year) == replayed.nextCaseNumber(year: year))
        }
    }

    /// `scenario()`'s store restored from the snapshot at its cut, then the later events streamed
    /// in and the extra ones applied: the events in all, and the cases they changed.
    static func restoredThenChanged() throws -> (store: CaseStore, events: [Event], changed: Set<CaseID>) {
        let (events, cut, extra, changed) = scenario()
        var (store, _) = try restored(Array(events.prefix(cut)))
        var stream = ReplayStream(resuming: store)
        for (index, event) in events.enumerated().dropFirst(cut) { stream.fold(.event(event), reference: UInt64(index + 1)) }
        let finished = stream.finish()
        store = try #require(finished)
        for (offset, event) in extra.enumerated() { store.apply(event, reference: UInt64(events.count + offset + 1)) }
        return (store, events + extra, changed)
    }

    static func restored(_ events: [Event]) throws -> (store: CaseStore, snapshot: Data) {
        let data = try #require(StoreSnapshotTests.replayed(events, history: .eventReferences).snapshot())
        return (try #require(CaseStore(snapshot: data, history: .eventReferences)), data)
    }

    @Test func aRestoredStoreGivesEveryCaseAsTheReplayAndKeepsThemAsBytes() throws {
        let events = StoreSnapshotTests.events(cases: 60)
        let (store, _) = try Self.restored(events)
        Self.expectEveryCaseAsReplayed(store, CaseStore.replay(events, keepsHistory: true), events: events)
        // Reading every case above decoded each for its reader only.
        #expect(store.records.indices.allSatisfy { !store.records.isDecoded($0) })
    }

    @Test func eventsAfterTheRestoreChangeItsCasesAsTheReplayDoes() throws {
        let (store, all, changed) = try Self.restoredThenChanged()
        let replayed = CaseStore.replay(all, keepsHistory: true)
        #expect(replayed.caseworkSettings.reassessmentDays == 1)
        Self.expectEveryCaseAsReplayed(store, replayed, events: all)
        // Only the cases an event changed are held decoded; the new rules moved every summary
        // (checked above) without keeping a case decoded.
        for position in store.records.indices {
            #expect(store.records.isDecoded(position) == changed.contains(store.summaries[position].id))
        }
        #expect(store.records.indices.contains { !store.records.isDecoded($0) })
    }

    /// A case file in which every kind of event occurs (`CaseRecordCoderTests.caseFileOfEveryKind`),
    /// restored from its snapshot after any of its events and continued with the rest, is as its
    /// replay: each kind folds onto a restored case, held as bytes, as onto a replayed one.
    @Test func aCaseFileOfEveryKindOfEventRestoredAfterAnyEventContinuesAsItsReplay() throws {
        let events = CaseRecordCoderTests.caseFileOfEveryKind().events
        let replayed = CaseStore.replay(events, keepsHistory: true)
        let replayedWithReferences = StoreSnapshotTests.replayed(events, history: .eventReferences)
        // The application writes no snapshot while an import is being written (`CaseBook` writes one
        // only when nothing was appended around the store): no cut inside one.
        let imports = events.indices.filter { events[$0].body.kind == .importBegan }.map { began in
            began + 1...(events[began...].firstIndex { [.importCommitted, .importAbandoned].contains($0.body.kind) } ?? events.count)
        }
        #expect(imports.count == 2)
        for cut in 1...events.count where !imports.contains(where: { $0.contains(cut) }) {
            let (store, _) = try Self.restored(Array(events.prefix(cut)))
            var stream = ReplayStream(resuming: store)
            for (index, event) in events.enumerated().dropFirst(cut) { stream.fold(.event(event), reference: UInt64(index + 1)) }
            let finished = stream.finish()
            let continued = try #require(finished)
            Self.expectEveryCaseAsReplayed(continued, replayed, events: events)
            StoreSnapshotTests.expectSame(continued, replayedWithReferences)
        }
    }

    /// Events past the snapshot that change many restored cases: each is decoded once, kept
    /// decoded and changed — the same store as the replay's, the cases no event changed still bytes.
    @Test func eventsChangingManyRestoredCasesFoldAsInTheReplay() throws {
        let events = StoreSnapshotTests.events(cases: 200)
        let (restored, _) = try Self.restored(events)
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: SyntheticCaseload(seed: 17).device, seed: 8,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        let notes = restored.summaries.prefix(150).map { factory.make(.noteAdded(caseID: $0.id, text: "Звонок \($0.number)")) }
        var stream = ReplayStream(resuming: restored)
        for (index, event) in notes.enumerated() { stream.fold(.event(event), reference: UInt64(events.count + index + 1)) }
        let finished = stream.finish()
        let continued = try #require(finished)
        #expect((0..<150).allSatisfy(continued.records.isDecoded) && !(150..<200).contains(where: continued.records.isDecoded))
        Self.expectEveryCaseAsReplayed(continued, CaseStore.replay(events + notes, keepsHistory: true), events: events + notes)
    }

    /// An import whose commit never came (power lost while it was written) is left out and its
    /// events counted by a store restored after it, and continued, as by the replay of the log.
    @Test func aTornImportIsCountedAfterTheRestoreAsByTheReplay() throws {
        var events = CaseRecordCoderTests.caseFileOfEveryKind().events
        var factory = EventFactory(author: "Әлия", device: events[0].device, seed: 30, wallMillis: { UInt64(2_000_000_100_000) })
        events += [factory.make(.importBegan(batch: ImportBatchID(high: 31, low: 32))),
                   factory.make(.caseOpened(caseID: CaseID(high: 33, low: 34), openedOn: CalendarDate(year: 2026, month: 2, day: 2)!))]
        let replayed = StoreSnapshotTests.replayed(events, history: .eventReferences)
        #expect(replayed.uncommittedImportEvents == 2 && replayed.caseCount == 2)  // one of the fixture's own abandoned import
        let (restored, _) = try Self.restored(events)
        var stream = ReplayStream(resuming: restored)
        let later = factory.make(.userSignedIn)
        stream.fold(.event(later), reference: UInt64(events.count + 1))
        let finished = stream.finish()
        let continued = try #require(finished)
        StoreSnapshotTests.expectSame(continued, StoreSnapshotTests.replayed(events + [later], history: .eventReferences))
    }

    @Test func aSnapshotOfARestoredStoreCarriesUnchangedCasesAsTheyWere() throws {
        let (events, cut, extra, _) = Self.scenario()
        let all = events + extra
        let (unchanged, first) = try Self.restored(Array(events.prefix(cut)))
        // Nothing changed: the same bytes, every case copied.
        #expect(unchanged.snapshot() == first)

        var store = unchanged
        var stream = ReplayStream(resuming: store)
        for (index, event) in events.enumerated().dropFirst(cut) { stream.fold(.event(event), reference: UInt64(index + 1)) }
        let finished = stream.finish()
        store = try #require(finished)
        for (offset, event) in extra.enumerated() { store.apply(event, reference: UInt64(events.count + offset + 1)) }
        let second = try #require(store.snapshot())
        let again = try #require(CaseStore(snapshot: second, history: .eventReferences))
        // The string table is carried and only grows, so the first snapshot's indices still hold.
        #expect(Array(again.records.restoredStrings.prefix(unchanged.records.restoredStrings.count))
                == unchanged.records.restoredStrings)
        Self.expectEveryCaseAsReplayed(again, CaseStore.replay(all, keepsHistory: true), events: all)
        #expect(again.snapshot() == second)
    }
}
