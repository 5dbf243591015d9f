import Foundation
import Testing
@testable import CaseModel

/// Issue 17: a store restored from a snapshot keeps its cases as bytes (`CaseRecords`) and its
/// summaries as the snapshot held them, yet gives, for every case, exactly what a replay of the
/// log gives — record, summary, search results and history — before and after more events, and
/// a snapshot written from it carries the cases no event changed as the bytes they were.
@Suite struct RestoredStoreTests {
    /// The caseload, and events after it that change restored cases in every way that matters:
    /// a case's name (its search key), a family link (which changes the relative's case too), the
    /// organisation's follow-up rules (every case's summary), and a note, a service and a view
    /// on cases nothing else changes (which wait beside their bytes) and on the renamed case
    /// before its new name (which folds them first). `changed`: the cases any event after the
    /// cut names; `decoded`: those of them an event other than a note, a service or a view names.
    static func scenario() -> (events: [Event], cut: Int, extra: [Event], changed: Set<CaseID>, decoded: Set<CaseID>) {
        let events = StoreSnapshotTests.events(cases: 60)
        let cut = events.count * 2 / 3
        let early = CaseStore.replay(Array(events.prefix(cut)), keepsHistory: false)
        let renamed = early.records[2].id, linked = early.records[3].id, relative = early.records[4].id
        var decoded: Set<CaseID> = [renamed, linked, relative]
        var changed = decoded
        for event in events.dropFirst(cut) {
            guard let caseID = event.body.caseID else { continue }
            changed.insert(caseID)
            if !CaseRecord.leavesSummaryButLastChanged(event.body) { decoded.insert(caseID) }
        }
        let untouched = early.summaries.map(\.id).filter { !changed.contains($0) }.prefix(2)
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: SyntheticCaseload(seed: 17).device, seed: 5,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        let service = ServiceEntry(kind: .legal, date: CalendarDate(year: 2026, month: 5, day: 6)!, note: "Адвокат")
        var extra = untouched.flatMap { caseID in
            [factory.make(.noteAdded(caseID: caseID, text: "Позвонила сестра")), factory.make(.recordViewed(caseID: caseID))]
        }
        extra += [
            factory.make(.serviceRecorded(caseID: untouched.first!, service: service)),
            factory.make(.noteAdded(caseID: renamed, text: "Сменила фамилию")),
            factory.make(.fieldsSet(caseID: renamed, changes: [
                FieldChange(key: .familyName, old: early.records[2][.familyName], new: .text("Жаңаберген"))])),
            factory.make(.familyLinked(caseID: linked, link: FamilyLink(relative: relative, relation: .child))),
            factory.make(.caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 1, reflectionDays: 2, referralOutcomeDays: 3))),
        ]
        changed.formUnion(untouched)
        return (events, cut, extra, changed, decoded)
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
    /// in and the extra ones applied: the events in all, the cases they changed and those decoded.
    static func restoredThenChanged() throws -> (store: CaseStore, events: [Event], changed: Set<CaseID>, decoded: Set<CaseID>) {
        let (events, cut, extra, changed, decoded) = scenario()
        var (store, _) = try restored(Array(events.prefix(cut)))
        var stream = ReplayStream(resuming: store)
        for (index, event) in events.enumerated().dropFirst(cut) { stream.fold(.event(event), reference: UInt64(index + 1)) }
        let finished = stream.finish()
        store = try #require(finished)
        for (offset, event) in extra.enumerated() { store.apply(event, reference: UInt64(events.count + offset + 1)) }
        return (store, events + extra, changed, decoded)
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
        let (store, all, changed, decoded) = try Self.restoredThenChanged()
        let replayed = CaseStore.replay(all, keepsHistory: true)
        #expect(replayed.caseworkSettings.reassessmentDays == 1)
        Self.expectEveryCaseAsReplayed(store, replayed, events: all)
        // Only the cases an event other than a note, a service or a view changed are held decoded;
        // the new rules moved every summary (checked above) without keeping a case decoded.
        for position in store.records.indices {
            let id = store.summaries[position].id
            #expect(store.records.isDecoded(position) == decoded.contains(id))
            #expect(store.records.isAsRestored(position) == !changed.contains(id))
        }
        #expect(!changed.subtracting(decoded).isEmpty)
        #expect(store.records.indices.contains { store.records.isAsRestored($0) })
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

    /// Notes, services and views past the snapshot on many restored cases wait beside their bytes;
    /// an answer changed decodes its case (and folds what waited first); reading a case folds what
    /// waits for it. The same store as the replay's, and its snapshot restores the same again.
    @Test func notesServicesAndViewsLeaveRestoredCasesAsBytesAndAnswersDecodeThem() throws {
        let events = StoreSnapshotTests.events(cases: 200)
        let (restored, _) = try Self.restored(events)
        var factory = EventFactory(author: SyntheticCaseload.coordinator, device: SyntheticCaseload(seed: 17).device, seed: 8,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        let service = ServiceEntry(kind: .medical, date: CalendarDate(year: 2026, month: 3, day: 4)!, note: "Поликлиника")
        var later: [Event] = []
        for (index, summary) in restored.summaries.enumerated() {
            if index < 150 { later.append(factory.make(.noteAdded(caseID: summary.id, text: "Звонок \(summary.number)"))) }
            if index < 150, index.isMultiple(of: 2) { later.append(factory.make(.serviceRecorded(caseID: summary.id, service: service))) }
            if index.isMultiple(of: 3) { later.append(factory.make(.recordViewed(caseID: summary.id))) }
            if index < 50 {
                later.append(factory.make(.fieldsSet(caseID: summary.id, changes: [
                    FieldChange(key: .alias, old: restored[summary.id]?[.alias], new: .text("Айгерім \(index)"))])))
            }
        }
        var stream = ReplayStream(resuming: restored)
        for (index, event) in later.enumerated() { stream.fold(.event(event), reference: UInt64(events.count + index + 1)) }
        let finished = stream.finish()
        let continued = try #require(finished)
        #expect((0..<50).allSatisfy(continued.records.isDecoded))
        #expect(!(50..<200).contains(where: continued.records.isDecoded))
        #expect((150..<200).allSatisfy { !$0.isMultiple(of: 3) == continued.records.isAsRestored($0) })
        let all = events + later
        Self.expectEveryCaseAsReplayed(continued, CaseStore.replay(all, keepsHistory: true), events: all)

        let snapshot = try #require(continued.snapshot())
        let again = try #require(CaseStore(snapshot: snapshot, history: .eventReferences))
        #expect(again.records.indices.allSatisfy(again.records.isAsRestored))
        Self.expectEveryCaseAsReplayed(again, CaseStore.replay(all, keepsHistory: true), events: all)
    }

    /// What lets a note, a service or a view wait beside a case's bytes: of every kind of event
    /// (`CaseRecordCoderTests.caseFileOfEveryKind`), these three alone change the case's summary
    /// in nothing but the time of its last change.
    @Test func anEventKeptAsideChangesOnlyTheTimeOfTheLastChangeInTheSummary() {
        let events = CaseRecordCoderTests.caseFileOfEveryKind().events
        var store = CaseStore(history: .none)
        var leaving: Set<EventKind> = []
        for event in events {
            let before = store.summaries
            store.apply(event)
            guard let caseID = event.body.caseID, let position = store.position(of: caseID), position < before.count else { continue }
            var expected = before[position]
            expected.lastChanged = max(expected.lastChanged, event.time)
            if store.summaries[position] == expected && before.indices.allSatisfy({ $0 == position || before[$0] == store.summaries[$0] }) {
                leaving.insert(event.body.kind)
            } else {
                #expect(!CaseRecord.leavesSummaryButLastChanged(event.body), "\(event.body.kind)")
            }
            #expect(CaseRecord.leavesSummaryButLastChanged(event.body) == [.noteAdded, .serviceRecorded, .recordViewed].contains(event.body.kind))
        }
        #expect(leaving.isSuperset(of: [.noteAdded, .serviceRecorded, .recordViewed]))
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
        let (events, cut, extra, _, _) = Self.scenario()
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
