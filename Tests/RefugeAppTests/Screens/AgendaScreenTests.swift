import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// The agenda (issue 14): the first screen after sign-in when something is due, its groups, opening
/// a case from it, and marking a follow-up done, moved or dropped — in English and Russian.
@Suite("Agenda")
struct AgendaScreenTests {
    /// Today is 08.03.2026 (`AppHarness.today`). Case 2026-0001 has a follow-up overdue since
    /// 05.03, one due today and one on 12.03 (named by `followUps`), and a high-risk assessment;
    /// the second person's case has nothing due.
    static func harness(language: Language = .en, size: Size = Size(width: 100, height: 30),
                        second: (String, String) = ("Karimova", "Dilnoza"),
                        followUps: [String] = ["Call the lawyer", "Court hearing", "Medical check"]) throws -> AppHarness {
        let directory = AppHarness.temporaryDirectory()
        try AppHarness.makeCaseFile(at: directory, cases: [AppHarness.person("Ахмедова", "Гульнара"),
                                                             AppHarness.person(second.0, second.1)])
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase, mode: .readWrite,
                                     calendar: ValidationContext(today: AppHarness.today))
        let first = book.store.records[0].id
        func followUp(_ title: String, _ day: Int) -> EventBody {
            .followUpAdded(caseID: first, followUp: FollowUpEntry(
                id: .random(), title: title, due: CalendarDate(year: 2026, month: 3, day: day)!, owner: "anna"))
        }
        try book.record([
            followUp(followUps[0], 5), followUp(followUps[1], 8), followUp(followUps[2], 12),
            .riskAssessed(caseID: first, assessment: RiskAssessment(
                date: AppHarness.today, individual: RiskRating(.high, reasons: ["threats"]), household: RiskRating(.low),
                community: RiskRating(.low), immediateDanger: false)),
        ])
        book.close()
        let app = AppHarness(language: language, size: size, directory: directory, removesDirectory: true)
        app.signIn()
        return app
    }

    @Test func afterSignInTheAgendaShowsOverdueTodayAndTheWeekInEnglish() throws {
        let app = try Self.harness()
        #expect(app.top is AgendaScreen)
        #expect(app.shows("Agenda · anna"))
        #expect(app.shows("Overdue: 1 · today: 1 · next 7 days: 1"))
        // Each group is named beside its first line.
        #expect(app.row(startingWith: "Overdue     05.03.2026 2026-0001 anna")?.contains("Ахмедова Гульнара · Call the lawyer") == true)
        #expect(app.row(startingWith: "Today       08.03.2026 2026-0001 anna")?.contains("Court hearing") == true)
        #expect(app.row(startingWith: "Next 7 days 12.03.2026 2026-0001 anna")?.contains("Medical check") == true)
        #expect(app.shows("Ахмедова Гульнара · Call the lawyer"))
        #expect(app.shows("Done") && app.shows("Move") && app.shows("Drop"))
    }

    /// "Your passphrase, Enter: you are back where you were" (the guide): unlocking returns to the
    /// screen that was locked — the case list, the agenda, a case file at the same tab — not to
    /// the agenda a fresh sign-in starts with (seen in the 80x24 walk: locked on the list, back
    /// on the agenda).
    @Test func unlockingReturnsToTheListTheAgendaOrTheCaseFileThatWasLocked() throws {
        let app = try Self.harness()
        func lockAndUnlock() {
            app.press(.function(12))
            #expect(app.top is LockScreen)
            app.type(AppHarness.passphrase)
            app.press(.enter)
        }
        #expect(app.top is AgendaScreen)
        lockAndUnlock()
        #expect(app.top is AgendaScreen)

        app.press(.escape)
        #expect(app.top is CaseListScreen)
        lockAndUnlock()
        #expect(app.top is CaseListScreen, "\(app.screen)")

        app.press(.enter, .function(8))  // the case file's history
        let file = try #require(app.top as? CaseFileScreen)
        lockAndUnlock()
        let reopened = try #require(app.top as? CaseFileScreen, "\(app.screen)")
        #expect(reopened.caseID == file.caseID)
        #expect(reopened.tabs.selected == CaseFileScreen.Part.history.rawValue)
        app.press(.escape)
        #expect(app.top is CaseListScreen, "under the case file, the list it was opened from")
    }

    /// A long plan action must not push the person's name off an 80-column line: the name is
    /// what a caseworker looks for, the action can end in "…".
    @Test func atEightyColumnsTheNameComesBeforeALongAction() throws {
        let app = try Self.harness(language: .ru, size: Size(width: 80, height: 24),
                                   followUps: ["Встреча с адвокатом по делу о невыплате заработной платы", "Court hearing", "Medical check"])
        let row = try #require(app.row(startingWith: "Просрочено 05.03.2026 2026-0001"))
        #expect(row.contains("Ахмедова Гульнара · Встреча с адвока"))
    }

    @Test func afterSignInTheAgendaShowsTheSameInRussian() throws {
        let app = try Self.harness(language: .ru)
        #expect(app.shows("Повестка · anna"))
        #expect(app.shows("Просрочено: 1 · сегодня: 1 · 7 дней: 1"))
        #expect(app.row(startingWith: "Просрочено 05.03.2026 2026-0001 anna")?.contains("Call the lawyer") == true)
        #expect(app.row(startingWith: "Сегодня    08.03.2026") != nil)
        #expect(app.row(startingWith: "На 7 дней  12.03.2026") != nil)
        #expect(app.shows("Готово") && app.shows("Перенести") && app.shows("Отменить"))
    }

    @Test func escShowsTheCaseListWithTheOverdueCountAndMarkersAndAComesBack() throws {
        let app = try Self.harness()
        app.press(.escape)
        #expect(app.top is CaseListScreen)
        #expect(app.shows("OVERDUE 1 · Shown 2"))
        let row = try #require(app.row(startingWith: "2026-0001"))
        #expect(row.contains("!1"))  // high risk, one overdue
        #expect(app.shows("HIGH RISK") == false)  // the flags' words are on the case file
        app.press(.character("a"))
        #expect(app.top is AgendaScreen)
        app.press(.escape)
        #expect(app.top is CaseListScreen)
    }

    @Test func enterOpensTheCaseAtItsPlanWithTheFlag() throws {
        let app = try Self.harness()
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        #expect(app.shows("HIGH RISK"))
        #expect(app.shows("OPEN FOLLOW-UPS"))
        #expect(app.shows("05.03.2026  anna  Call the lawyer  !"))
    }

    @Test func markingDoneTakesItOffTheAgendaAndTheHistorySaysWhoDidIt() throws {
        let app = try Self.harness()
        app.press(.character("d"))
        #expect(app.shows("Done: case 2026-0001."))
        #expect(!app.shows("Call the lawyer"))
        #expect(app.shows("Overdue: 0 · today: 1"))
        let book = try #require(app.book)
        let id = book.store.records[0].id
        let history = try book.history(of: id)
        #expect(history.contains {
            if case .followUpResolved(.manual, .done) = $0.change { $0.author == "anna" } else { false }
        })
        app.press(.enter)  // the first item now: today's hearing, opened at the plan
        #expect(app.shows("Court hearing"))
        app.press(.function(7), .function(7), .function(7), .function(7))  // back to History
        #expect(app.shows("anna  follow-up done: Call the lawyer"))
    }

    @Test func movingAsksForADayAndAReasonAndDroppingForAReasonInRussian() throws {
        let app = try Self.harness(language: .ru)
        app.press(.character("ь"))  // m on the Russian layout
        #expect(app.shows("Новый срок (дд.мм.гггг)"))
        app.type("20.03.2026")
        app.press(.enter)
        app.press(.enter)  // no reason: refused, nothing changed
        #expect(app.shows("Нужна причина. Ничего не изменено."))
        #expect(app.row(startingWith: "Просрочено 05.03.2026") != nil)
        app.press(.character("m"))
        app.type("20.03.2026")
        app.press(.enter)
        app.type("Адвокат в отпуске")
        app.press(.enter)
        #expect(app.shows("Перенесено на 20.03.2026: дело 2026-0001."))
        #expect(app.row(startingWith: "Просрочено ") == nil)
        app.press(.character("x"))
        app.type("Суд отменён")
        app.press(.enter)
        #expect(app.shows("Отменено: дело 2026-0001."))
        let record = try #require(app.book?.store.records.first)
        #expect(record.followUpResolutions.values.contains(.dropped(reason: "Суд отменён")))
        #expect(record.followUpResolutions.values.contains(.moved(to: CalendarDate(year: 2026, month: 3, day: 20)!,
                                                                  reason: "Адвокат в отпуске")))
    }

    /// Once every follow-up is done the agenda says it is empty, and its bar names only the way to
    /// the case list: done, move and drop had nothing left to act on.
    @Test(arguments: [Language.ru, .kk, .en])
    func anEmptiedAgendaNamesOnlyTheCaseListInItsBar(language: Language) throws {
        let app = try Self.harness(language: language, size: Size(width: 80, height: 24))
        let s = AppStrings(language)
        let bar = { app.terminal.row(23) }
        #expect(bar().contains("5" + s.markDone))
        app.press(.function(5), .function(5), .function(5))
        #expect(app.shows(s.agendaEmpty))
        #expect(!bar().contains("5" + s.markDone) && !bar().contains("6" + s.moveFollowUp) && !bar().contains("8" + s.dropFollowUp),
                "\(bar())")
        #expect(bar().contains("Esc " + s.caseListTitle), "\(bar())")
    }

    @Test func withNothingDueSignInGoesStraightToTheCaseList() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Karimova", "Dilnoza")])
        #expect(app.top is CaseListScreen)
    }

    @Test func reportsShowTheCaseWorkTablesUnderTheSmallCellRule() throws {
        let app = try Self.harness(language: .ru, size: Size(width: 100, height: 50))
        app.press(.escape, .character("o"))
        #expect(app.top is ReportsScreen)
        #expect(app.shows("РАБОТА ПО ДЕЛАМ"))
        #expect(app.shows("Оценки после приёма                   <5"))
        #expect(app.shows("ОТКРЫТЫЕ ЦЕЛИ ПЛАНА ПО СФЕРАМ"))
        #expect(app.shows("ПРОСРОЧЕННЫЕ ЗАДАЧИ ПО СОТРУДНИКАМ"))
        #expect(!app.shows("anna"))  // one overdue follow-up: below the smallest group shown
    }

    @Test func historyFiltersByKindAndPersonFindsTextAndShowsViewsOnlyOnDemand() throws {
        let app = try Self.harness()
        app.press(.enter)  // the case, at its plan
        app.press(.character("k"))  // History, first kind: the opening
        #expect(app.shows("Shown: Opened · everyone"))
        #expect(app.shows("opened case 2026-0001") && !app.shows("follow-up added"))
        for _ in 0..<8 { app.press(.character("k")) }  // … follow-ups
        #expect(app.shows("Shown: Follow-ups · everyone"))
        #expect(app.shows("follow-up added: Call the lawyer") && !app.shows("viewed the case"))
        app.press(.character("k"))  // legal proceedings
        #expect(app.shows("Shown: Legal proceedings · everyone"))
        app.press(.character("k"))  // views: the access log
        #expect(app.shows("viewed the case"))
        app.press(.character("k"))  // back to all but views
        #expect(app.shows("Shown: all but views · everyone") && !app.shows("viewed the case"))
        app.press(.character("/"))
        app.type("court")
        app.press(.enter)
        #expect(app.shows("follow-up added: Court hearing") && !app.shows("Call the lawyer"))
        app.press(.character("/"))
        for _ in 0..<5 { app.press(.backspace) }
        app.press(.enter)
        app.press(.character("w"))
        app.press(.down, .enter)  // anna
        #expect(app.shows("Shown: all but views · anna"))
        #expect(app.shows("Call the lawyer"))
    }

    @Test func coordinatorsSeeRecentChangesAcrossCasesWithoutViewsInRussian() throws {
        let app = try Self.harness(language: .ru)
        app.press(.escape, .character("р"))  // h on the Russian layout
        #expect(app.top is RecentChangesScreen)
        #expect(app.shows("Последние изменения"))
        #expect(app.shows("Последние 7 дней · все · изменений:"))
        #expect(app.shows("2026-0001  ") && app.shows("anna  задача добавлена: Call the lawyer"))
        #expect(app.shows("2026-0002  "))  // the other case's opening
        #expect(!app.shows("просмотр дела"))
        app.press(.character("w"))
        app.press(.down, .enter)  // anna, the only user
        #expect(app.shows("Последние 7 дней · anna ·"))
        app.press(.escape)
        #expect(app.top is CaseListScreen)
    }

    /// A coordinator's agenda over a caseload with case work (issue 17): the screen reads its lines
    /// from the summaries and a line's follow-up from its case when the line is drawn. Scrolled to
    /// its end it shows every row, the header's counts and the groups the screen showed when it
    /// made the whole agenda from every case (`rowsOfEveryCase`), and done acts on the follow-up of
    /// the selected line — the second of a case's two follow-ups of one day.
    @Test(arguments: [Language.ru, .kk, .en])
    func aCoordinatorsAgendaScrolledToItsEndIsTheAgendaOfEveryCase(language: Language) throws {
        let directory = AppHarness.temporaryDirectory()
        let user = SyntheticCaseload.coordinator
        let book = try Self.coordinatorsCaseFile(at: directory)
        // Two follow-ups of one case on one day, made in the order opposite to the agenda's.
        let busy = try #require(book.store.records.first { !$0.status.isClosed })
        for (high, title) in [(9, "Call the lawyer"), (1, "Book the interpreter")] as [(UInt64, String)] {
            try book.record([.followUpAdded(caseID: busy.id, followUp: FollowUpEntry(
                id: FollowUpID(high: high, low: 1), title: title, due: AppHarness.today, owner: "dana"))])
        }
        book.close()
        let app = AppHarness(language: language, size: Size(width: 100, height: 30), directory: directory, removesDirectory: true)
        app.signIn(user: user)
        let screen = try #require(app.top as? AgendaScreen)
        let store = try #require(app.book?.store)
        let s = AppStrings(language)
        let agenda = Agenda(cases: store.records, settings: store.caseworkSettings, today: AppHarness.today)
        #expect(agenda.items.count > 28)  // more than a screen
        #expect(app.shows(s.agendaSummary(overdue: agenda.overdue.count, today: agenda.dueToday.count, upcoming: agenda.upcoming.count)))

        let expected = Self.rowsOfEveryCase(agenda, store: store, strings: s)
        var drawn: [Int: [String]] = [:]
        let source = screen.table.dataSource
        for _ in 0..<100 {
            let top = screen.table.topRow
            // A row is taken where it first shows, below the top line that names its group when scrolled.
            for row in top..<min(source.rowCount, top + 28) where drawn[row] == nil { drawn[row] = source.cells(forRow: row) }
            if screen.table.selectedRow == source.rowCount - 1 { break }
            app.press(.pageDown)
        }
        #expect(source.rowCount == expected.count)
        #expect((0..<expected.count).map { drawn[$0] ?? [] } == expected)
        let last = try #require(expected.last)
        #expect(app.shows("\(last[1]) \(last[2]) \(last[3])"))

        let second = try #require(agenda.items.indices.first { index in
            index > 0 && agenda.items[index].caseID == busy.id && agenda.items[index - 1].caseID == busy.id
                && agenda.items[index].due == agenda.items[index - 1].due
        })
        screen.table.select(second)
        app.press(.character("d"))
        let done = agenda.items[second]
        #expect(app.book?.store[busy.id]?.followUpResolutions[done.ref] == .done(note: ""))
        #expect(app.book?.store[busy.id]?.followUpResolutions[agenda.items[second - 1].ref] == nil)
        #expect(Self.rowsOfEveryCase(Agenda(cases: try #require(app.book?.store.records), settings: store.caseworkSettings,
                                            today: AppHarness.today), store: store, strings: s).count == expected.count - 1)
    }

    /// A case file of 60 synthetic cases with case work, opened by the coordinator.
    static func coordinatorsCaseFile(at directory: URL) throws -> CaseBook {
        let user = SyntheticCaseload.coordinator
        try AppHarness.makeCaseFile(at: directory, user: user)
        let book = try CaseBook.open(at: directory, user: user, passphrase: AppHarness.passphrase, mode: .readWrite,
                                     calendar: ValidationContext(today: AppHarness.today))
        try book.appendHistory(SyntheticCaseload(seed: 29).events(caseCount: 60))
        try book.record(SyntheticCasework(seed: 29, today: AppHarness.today, user: user)
            .bodies(for: book.store.records, settings: book.store.caseworkSettings))
        return book
    }

    /// A coordinator's agenda over 60 synthetic cases with case work: more lines than a screen.
    static func coordinatorsAgenda(language: Language, size: Size) throws -> AppHarness {
        let directory = AppHarness.temporaryDirectory()
        let user = SyntheticCaseload.coordinator
        let book = try Self.coordinatorsCaseFile(at: directory)
        book.close()
        let app = AppHarness(language: language, size: size, directory: directory, removesDirectory: true)
        app.signIn(user: user)
        return app
    }

    /// Scrolled by PgDn (and back by PgUp), the agenda's top line names the group it belongs to —
    /// overdue, today, the next days — so the rows at the top never stand without saying what
    /// they are; each heading is on screen once, and the selected row stays on screen (80x24).
    @Test(arguments: [Language.ru, .kk, .en])
    func scrolledTheTopLineNamesItsGroup(language: Language) throws {
        let app = try Self.coordinatorsAgenda(language: language, size: Size(width: 80, height: 24))
        let screen = try #require(app.top as? AgendaScreen)
        let store = try #require(app.book?.store)
        let s = AppStrings(language)
        let agenda = Agenda(cases: store.records, settings: store.caseworkSettings, today: AppHarness.today)
        let headings = [s.agendaOverdue, s.agendaToday, s.agendaNextDays(7)]
        func group(of row: Int) -> String {
            row < agenda.overdue.count ? headings[0] : row < agenda.overdue.count + agenda.dueToday.count ? headings[1] : headings[2]
        }
        let firstLine = 3  // under the top line, the summary and the columns' heading
        let body = firstLine..<(app.terminal.size.height - 1)
        func check(after key: Key) {
            let (top, selected) = (screen.table.topRow, screen.table.selectedRow)
            #expect(top > 0)
            let heading = group(of: top)
            #expect(app.terminal.row(firstLine).hasPrefix(heading + " "), "\(key): \(app.terminal.row(firstLine))")
            for name in headings {
                #expect(body.filter { app.terminal.row($0).hasPrefix(name + " ") }.count <= 1)
            }
            let line = firstLine + selected - top
            #expect(body.contains(line))
            let cells = screen.table.dataSource.cells(forRow: selected)
            #expect(app.terminal.row(line).contains("\(cells[1]) \(cells[2])"))
        }
        #expect(agenda.items.count > body.count)
        app.press(.pageDown)
        check(after: .pageDown)
        while screen.table.selectedRow < agenda.items.count - 1 {
            app.press(.pageDown)
            check(after: .pageDown)
        }
        app.press(.pageUp)
        check(after: .pageUp)
    }

    /// The agenda's rows as the screen made them from the whole agenda before issue 17, written out.
    static func rowsOfEveryCase(_ agenda: Agenda, store: CaseStore, strings s: AppStrings) -> [[String]] {
        let text = CaseText(strings: s, masksNames: false)
        var rows: [[String]] = []
        for (heading, group) in [(s.agendaOverdue, agenda.overdue), (s.agendaToday, agenda.dueToday),
                                 (s.agendaNextDays(7), agenda.upcoming)] {
            for (index, item) in group.enumerated() {
                let name = store.position(of: item.caseID).map { text.name(store.summaries[$0].displayName) } ?? ""
                rows.append([index == 0 ? heading : "", item.due.dotted, item.caseNumber.description, item.owner,
                             name.isEmpty ? text.followUp(item) : s.agendaWhat(person: name, followUp: text.followUp(item))])
            }
        }
        return rows
    }
}
