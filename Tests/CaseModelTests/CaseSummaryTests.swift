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

    /// 60 cases with their case work, and on 8 of them two follow-ups made by hand for the same
    /// day by two other users than the caseworker.
    static func storeWithFollowUpsOfSeveralOwners() -> CaseStore {
        var events = StoreSnapshotTests.events(cases: 60)
        let replayed = CaseStore.replay(events, keepsHistory: false)
        var factory = EventFactory(author: "olga", device: SyntheticCaseload(seed: 17).device, seed: 5,
                                   wallMillis: { UInt64(2_050_000_000_000) })
        // Follow-ups owned by someone else than the case's caseworker, so that owners differ within a case.
        for record in replayed.records.prefix(8) where !record.status.isClosed {
            events.append(factory.make(.followUpAdded(caseID: record.id, followUp: FollowUpEntry(
                id: FollowUpID(high: 9, low: UInt64(record.number.sequence)), title: "Call the lawyer",
                due: CalendarDate(year: 2026, month: 3, day: 10)!, owner: "dana"))))
            // Made later, due the same day, first in the agenda's order (`FollowUpRef`): the order
            // within a case and a day is the case's to tell, not the summary's.
            events.append(factory.make(.followUpAdded(caseID: record.id, followUp: FollowUpEntry(
                id: FollowUpID(high: 1, low: UInt64(record.number.sequence)), title: "Book the interpreter",
                due: CalendarDate(year: 2026, month: 3, day: 10)!, owner: "olga"))))
        }
        return CaseStore.replay(events, keepsHistory: false)
    }

    /// The agenda shown at sign-in is known from the summaries (whether it has anything) and made
    /// from the cases they point to; it is the agenda of every case, for everyone and for each owner.
    @Test func theAgendaFromTheSummariesIsTheAgendaOfEveryCase() {
        let store = Self.storeWithFollowUpsOfSeveralOwners()
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

    static let agendaDays = [CalendarDate(year: 2026, month: 3, day: 8)!, CalendarDate(year: 2026, month: 3, day: 10)!,
                             CalendarDate(year: 2019, month: 1, day: 1)!]

    /// The agenda at sign-in (issue 17): its counts and lines from the summaries alone, the
    /// follow-up of each line read from its case only when the line is read. Read from the first
    /// line to the last (a screen scrolled to its end), and each line on its own (a PageDown), it is
    /// the agenda of every case — groups, counts, order and follow-ups — for a coordinator and for
    /// each owner; and it asks for no case but those of the lines read.
    @Test func theAgendasOutlineReadLineByLineIsTheAgendaOfEveryCase() throws {
        let store = Self.storeWithFollowUpsOfSeveralOwners()
        let owners = Set(store.records.flatMap { $0.openFollowUps(settings: store.caseworkSettings).map(\.owner) })
        var sameDayInOneCase = 0
        for today in Self.agendaDays {
            for owner in [nil] + owners.sorted().map(Optional.some) + ["nobody"] {
                for days in [7, 0, 30] {
                    let everyCase = Agenda(cases: store.records, settings: store.caseworkSettings, today: today, days: days, owner: owner)
                    let outline = AgendaOutline(store: store, today: today, days: days, owner: owner)
                    #expect(outline.today == today)
                    #expect(outline.overdueCount == everyCase.overdue.count)
                    #expect(outline.dueTodayCount == everyCase.dueToday.count)
                    #expect(outline.upcomingCount == everyCase.upcoming.count)
                    #expect(outline.lines.map { "\($0.due) \($0.caseNumber)" } == everyCase.items.map { "\($0.due) \($0.caseNumber)" })

                    var read: [FollowUp] = [], asked: [CaseID] = [], row = 0
                    while row < outline.lines.count {
                        let group = outline.followUps(around: row, in: { asked.append($0); return store[$0] },
                                                      settings: store.caseworkSettings)
                        #expect(group.lines.lowerBound == row && group.followUps.count == group.lines.count)
                        if group.lines.count > 1 { sameDayInOneCase += 1 }
                        read += group.followUps
                        row = max(row + 1, group.lines.upperBound)
                    }
                    #expect(read == everyCase.items, "today \(today), owner \(owner ?? "everyone"), days \(days)")
                    #expect(Set(asked) == Set(outline.lines.map(\.caseID)))

                    for (index, line) in outline.lines.enumerated() {
                        asked = []
                        let group = outline.followUps(around: index, in: { asked.append($0); return store[$0] },
                                                      settings: store.caseworkSettings)
                        #expect(group.lines.contains(index))
                        #expect(group.followUps.indices.contains(index - group.lines.lowerBound)
                            && group.followUps[index - group.lines.lowerBound] == everyCase.items[index])
                        #expect(asked == [line.caseID])
                    }
                }
            }
        }
        #expect(sameDayInOneCase > 0)
    }
}
