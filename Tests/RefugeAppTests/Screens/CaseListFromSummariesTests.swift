import CaseModel
import Foundation
@testable import RefugeApp
import Testing

/// Issue 17: the case list reads only the store's summaries. For a varied caseload (case work,
/// risk, caseworkers' flags, conflicts, every status), every column, sort, status filter and search
/// shows exactly what the list showed when it read the cases whole — the rendering it had then is
/// written out below (`RecordList`), as it was.
@Suite("Case list from summaries")
struct CaseListFromSummariesTests {
    static let today = CalendarDate(year: 2026, month: 3, day: 8)!

    /// 120 invented intakes with their case work, then a caseworker's flag on every 7th case, no
    /// caseworker any more on every 13th and a field edited apart on two laptops on every 11th.
    static let store: CaseStore = {
        let caseload = SyntheticCaseload(seed: 23)
        var events = caseload.events(caseCount: 120)
        let replayed = CaseStore.replay(events, keepsHistory: false)
        var factory = EventFactory(author: "olga", device: caseload.device, seed: 23, wallMillis: { UInt64(2_000_000_000_000) })
        for body in SyntheticCasework(seed: 23, today: today, user: "olga").bodies(for: replayed.records) {
            events.append(factory.make(body))
        }
        for (index, record) in replayed.records.enumerated() {
            if index % 7 == 3 { events.append(factory.make(.flagSet(caseID: record.id, flag: "safetyRisk"))) }
            if index % 13 == 2, let caseworker = record[.assignedCaseworker] {
                events.append(factory.make(.fieldsSet(caseID: record.id, changes: [
                    FieldChange(key: .assignedCaseworker, old: caseworker, new: nil),
                ])))
            }
            if index % 11 == 5 {
                events.append(factory.make(.fieldsSet(caseID: record.id, changes: [
                    FieldChange(key: .alias, old: .text("seen on the other laptop"), new: .text("Sveta")),
                ])))
            }
        }
        return CaseStore.replay(events, keepsHistory: false)
    }()

    @Test func theCaseloadHasEveryKindOfRow() {
        let records = Self.store.records
        #expect(records.contains { !$0.userFlags.isEmpty })
        #expect(records.contains { !$0.conflictingFields.isEmpty })
        #expect(records.contains { !$0.flags.isDisjoint(with: [.highRisk, .immediateDanger]) })
        #expect(records.contains { $0.overdueFollowUpCount(settings: Self.store.caseworkSettings, on: Self.today) > 0 })
        #expect(Set(records.map(\.status)).count >= 3)
        #expect(records.contains { $0[.assignedCaseworker] != nil } && records.contains { $0[.assignedCaseworker] == nil })
        #expect(records.contains { ($0[.exploitationTypes]?.codeList.count ?? 0) > 1 })
        #expect(records.contains { $0.age(on: Self.today) == nil } || records.contains { $0[.birthDate] == nil })
    }

    @Test(arguments: [(Language.ru, false), (.ru, true), (.kk, false), (.en, true)])
    func everySortFilterAndSearchShowsWhatTheCasesShowed(language: Language, masksNames: Bool) {
        let store = Self.store
        let old = RecordList(store: store, language: language, today: Self.today, masksNames: masksNames)
        let family = store.records[9][.familyName]?.text ?? ""
        let searches = ["", String(family.prefix(3)), "a"]
        let sorts: [(column: Int, ascending: Bool)?] = [nil] + CaseListColumn.all.indices.flatMap { [($0, true), ($0, false)] }
        for query in searches {
            for filter in StatusFilter.allCases where query.isEmpty || filter == .all || filter == .active {
                for sort in sorts {
                    let source = CaseListSource(strings: AppStrings(language), today: { Self.today })
                    source.masksNames = masksNames
                    source.filter = filter
                    source.query = query
                    source.load(store)
                    if let sort { source.sort(byColumn: sort.column, ascending: sort.ascending) }
                    let shown = (0..<source.rowCount).map { source.cells(forRow: $0) }
                    let expected = old.rows(filter: filter, query: query, sort: sort)
                    #expect(shown == expected, "filter \(filter), query \"\(query)\", sort \(String(describing: sort))")
                    #expect(!expected.isEmpty || filter != .all)
                    #expect((0..<source.rowCount).map { source.summary(at: $0)?.number.description } == expected.map(\.first))
                }
            }
        }
    }

    @Test func theHeaderCountsAreTheCasesCounts() {
        let store = Self.store
        let source = CaseListSource(strings: AppStrings(.ru), today: { Self.today })
        source.load(store)
        let counts = source.counts()
        #expect(counts.active == store.records.count { $0.status == .active })
        #expect(counts.followUp == store.records.count { $0.status == .followUp })
        #expect(counts.closed == store.records.count { $0.status.isClosed })
        let overdue = store.records.reduce(0) { $0 + $1.overdueFollowUpCount(settings: store.caseworkSettings, on: Self.today) }
        #expect(source.overdueCount() == overdue && overdue > 0)
    }

    /// The screen: its header and first rows, masked and not, as the record-based list drew them.
    @Test(arguments: [Language.ru, .kk, .en])
    func theScreenShowsTheRowsTheCasesGive(language: Language) throws {
        let app = try AppHarness.signedIn(language: language, cases: [
            AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Karimov", "Bakhtiyor", gender: "male"),
        ])
        let book = try #require(app.book)
        try book.record([.flagSet(caseID: book.store.records[0].id, flag: "safetyRisk")])
        if app.top is AgendaScreen { app.press(.escape) }
        app.top?.didAppear()
        app.session.app.setNeedsRedraw()
        app.run()
        let old = RecordList(store: book.store, language: language, today: app.session.today, masksNames: false)
        for cells in old.rows(filter: .all, query: "", sort: nil) {
            #expect(app.shows(cells[1]), "\(cells[1])\n\(app.screen)")
            #expect(app.shows(cells[0]))
        }
        #expect(app.shows("! Ахмедова Гульнара"))
        app.press(.function(6))
        #expect(app.shows("! А. Г."))
        #expect(!app.shows("Ахмедова"))
    }
}

/// The case list as it was drawn from whole cases before it read summaries, kept here word for word
/// so that the list from summaries can be held to it.
private struct RecordList {
    let store: CaseStore
    let language: Language
    let today: CalendarDate
    let masksNames: Bool

    private enum SortKey: Comparable {
        case number(Int)
        case text(String)
    }

    func rows(filter: StatusFilter, query: String, sort: (column: Int, ascending: Bool)?) -> [[String]] {
        let records = store.records
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let candidates = trimmed.isEmpty ? Array(records.indices) : store.search(trimmed).compactMap { store.position(of: $0) }
        var rows = candidates.filter { filter.admits(records[$0].status) }
        if let (column, ascending) = sort {
            let keyed = rows.map { (index: $0, key: sortKey(records[$0], column: column)) }
            rows = keyed.sorted { ascending ? $0.key < $1.key : $1.key < $0.key }.map(\.index)
        }
        return rows.map { row in (0..<11).map { cell(records[row], column: $0) } }
    }

    private var settings: CaseworkSettings { store.caseworkSettings }

    private func sortKey(_ record: CaseRecord, column: Int) -> SortKey {
        switch column {
        case 0: .number(record.number.year * 1_000_000 + record.number.sequence)
        case 3: .number(record.age(on: today) ?? -1)
        case 7: .number(record.intakeDate.dayNumber)
        case 9: .number(record.completeness.percent)
        case 10: .number((record.flags.isDisjoint(with: [.highRisk, .immediateDanger]) ? 0 : 100)
                         + record.overdueFollowUpCount(settings: settings, on: today))
        default: .text(cell(record, column: column).lowercased())
        }
    }

    private func cell(_ record: CaseRecord, column: Int) -> String {
        switch column {
        case 0: return record.number.description
        case 1:
            return (record.userFlags.isEmpty ? "" : "! ") + (record.conflictingFields.isEmpty ? "" : "≠ ")
                + (masksNames ? CaseListSource.initials(record.displayName) : record.displayName)
        case 2:
            return record[.gender].map { IntakeSchema.standard.field(.gender)!.label(of: $0.code ?? "", in: language) }
                .flatMap { $0.first.map(String.init) } ?? ""
        case 3: return record.age(on: today).map(String.init) ?? ""
        case 4: return record[.citizenship]?.codeList.joined(separator: ",") ?? ""
        case 5:
            let codes = record[.exploitationTypes]?.codeList ?? []
            guard let first = codes.first else { return "" }
            let label = IntakeSchema.standard.field(.exploitationTypes)!.label(of: first, in: language)
            return codes.count > 1 ? "\(label) +\(codes.count - 1)" : label
        case 6: return AppStrings(language).statusInList(record.status)
        case 7: return Words(language).day(record.intakeDate)
        case 8: return record[.assignedCaseworker]?.text ?? record.openedBy
        case 9: return "\(record.completeness.percent)"
        default:
            let alarm = record.flags.isDisjoint(with: [.highRisk, .immediateDanger]) ? "" : "!"
            let overdue = record.overdueFollowUpCount(settings: settings, on: today)
            return alarm + (overdue == 0 ? "" : String(min(overdue, 9)))
        }
    }
}
