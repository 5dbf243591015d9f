import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// A newcomer's walk at 80x24: the bar names every key that works where it is shown, and a word in
/// a column is a whole word, in Russian, Kazakh and English.
@Suite struct FirstDayBarTests {
    static let size = Size(width: 80, height: 24)

    private func caseList(_ language: Language, cases: [[FieldKey: FieldValue]]) throws -> AppHarness {
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: cases)
        if app.top is AgendaScreen { app.press(.escape) }
        #expect(app.top is CaseListScreen)
        return app
    }

    private func bar(_ app: AppHarness) -> String { app.terminal.row(Self.size.height - 1) }

    /// The case file's help is longer than 24 rows: it scrolls with PgUp/PgDn (and Up/Down), and
    /// its bar says so in the catalog's words beside Esc; PgDn shows what follows, PgUp goes back.
    @Test(arguments: [Language.ru, .kk, .en])
    func aHelpThatScrollsNamesItsScrollKeysInTheBar(language: Language) throws {
        let app = try caseList(language, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        app.press(.function(1))
        #expect(app.top is HelpDialog)
        let k = ScreenKitStrings(language)
        #expect(bar(app).contains("Esc " + k.close), "\(bar(app))")
        #expect(bar(app).contains("PgUp " + k.scrollUp), "\(bar(app))")
        #expect(bar(app).contains("PgDn " + k.scrollDown), "\(bar(app))")
        let first = app.screen
        #expect(!first.contains("↑"))
        app.press(.pageDown)
        #expect(app.screen != first)
        #expect(app.screen.contains("↑"))
        app.press(.pageUp)
        #expect(app.screen == first)
    }

    /// The case list's search: the search field has the focus and the table's sort key (F4) does
    /// not reach the table, so the bar leaves it out; once Enter moves to the found cases, F4 sorts
    /// them and the bar names it again. The bar and the keys agree both ways.
    @Test(arguments: [Language.ru, .kk, .en])
    func inSearchTheBarNamesSortOnlyWhereSortWorks(language: Language) throws {
        let app = try caseList(language, cases: [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Ахметова", "Айгерим")])
        let sort = "4" + ScreenKitStrings(language).sort
        #expect(bar(app).contains(sort))
        app.press(.function(7))
        app.type("ахме")
        #expect(!bar(app).contains(sort), "\(bar(app))")
        app.press(.function(4))
        #expect(!app.screen.contains("▲"))
        app.press(.enter)  // to the cases found
        #expect(bar(app).contains(sort), "\(bar(app))")
        app.press(.function(4))
        #expect(app.screen.contains("▲"))
    }

    /// A case in follow-up shows its status in the list as the word the filter and the counts use
    /// ("Сопровождение", not "Сопровожд."), whole at 80 columns, while the name and the caseworker
    /// stay on the line.
    @Test(arguments: [Language.ru, .kk, .en])
    func aCaseInFollowUpReadsItsStatusWholeAtEightyColumns(language: Language) throws {
        let app = try caseList(language, cases: [AppHarness.person("Давлатова", "Гулрухсор")])
        let book = try #require(app.book)
        let id = try #require(book.store.records.first?.id)
        try book.changeStatus(of: id, to: .followUp, reason: "services ended")
        app.top?.didAppear()
        app.session.app.setNeedsRedraw()
        app.run()
        let s = AppStrings(language)
        let word = CaseStatus.followUp.label.text(in: language)
        #expect(s.statusInList(.followUp) == word)
        let row = try #require(app.row(startingWith: "2026-0001"), "\(app.screen)")
        #expect(row.contains(" \(word) "), "\(row)")
        #expect(row.contains("Давлатова Гулрухсор"))
        #expect(row.contains(" anna"))
        let header = try #require(app.terminal.rows.first { $0.contains(s.columnStatus) })
        #expect(header.contains(s.columnCaseworker) && header.contains(s.columnIntake), "\(header)")
    }

    /// The reports are longer than 24 rows and open with the focus on the period's first date:
    /// PgDn scrolls the report from there (its ↓ said more follows, and PgDn did nothing until a
    /// Tab reached the report), PgUp comes back, and the bar names both.
    @Test(arguments: [Language.ru, .kk, .en])
    func theReportsScrollWithPgDnFromThePeriodAndTheBarSaysSo(language: Language) throws {
        let app = try caseList(language, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let list = try #require(app.top as? CaseListScreen)
        list.perform(.reports)
        app.run()
        let screen = try #require(app.top as? ReportsScreen)
        #expect(screen.focused === screen.fromField)
        let k = ScreenKitStrings(language)
        #expect(bar(app).contains("PgDn " + k.scrollDown), "\(bar(app))")
        let first = app.screen
        #expect(first.contains("↓") && !first.contains("↑"))
        app.press(.pageDown)
        #expect(app.screen.contains("↑"), "\(app.screen)")
        #expect(screen.focused === screen.fromField)
        app.press(.pageUp)
        #expect(app.screen == first)
    }

    /// With no partner yet, the partners' bar names only adding one: edit and archive had nothing
    /// to act on and did nothing. With a partner, both are named and work; a retired one cannot
    /// be retired again, so the bar leaves that out while it is selected.
    @Test(arguments: [Language.ru, .kk, .en])
    func thePartnersBarNamesEditAndArchiveOnlyWithAPartnerToActOn(language: Language) throws {
        let app = try caseList(language, cases: [])
        app.press(.function(11))
        let screen = try #require(app.top as? PartnersScreen)
        let s = AppStrings(language)
        #expect(bar(app).contains("5" + s.addPartner))
        #expect(!bar(app).contains("4" + s.edit) && !bar(app).contains("8" + s.retirePartner), "\(bar(app))")
        #expect(screen.commandTable.keys(for: .edit).isEmpty)
        try app.book?.addPartner(PartnerDetails(name: "Клиника", kind: .medical))
        app.press(.escape, .function(11))
        #expect(bar(app).contains("4" + s.edit) && bar(app).contains("8" + s.retirePartner), "\(bar(app))")
        app.press(.function(8))
        app.type("closed")
        app.press(.enter)
        #expect(app.book?.store.partner(named: "Клиника")?.isRetired == true)
        #expect(bar(app).contains("4" + s.edit) && !bar(app).contains("8" + s.retirePartner), "\(bar(app))")
    }

    /// The lock screen's F3 lets another person sign in; its bar said "3Другой" ("3Басқа"): other
    /// what? It says who, whole, as the English "Other user" does.
    @Test(arguments: [(Language.ru, "3Другой пользователь"), (.kk, "3Басқа пайдаланушы"), (.en, "3Other user")])
    func theLockScreensBarSaysWhoElseCanSignIn(language: Language, words: String) throws {
        let app = try caseList(language, cases: [])
        app.press(.function(12))
        #expect(app.top is LockScreen)
        #expect(bar(app).contains(words), "\(bar(app))")
    }

    /// The reports at 80 columns name every category whole: "Подневольное состояние (в т. ч.
    /// домашнее)" was cut to "Подневольное состояние (в т. ч.…" by a name column of 34.
    @Test(arguments: [Language.ru, .kk, .en])
    func theReportsNameEveryCategoryWholeAtEightyColumns(language: Language) throws {
        let people = (0..<6).map { index in
            AppHarness.person("Family\(index)", "Given").merging([.exploitationTypes: .codes(["servitude"])]) { $1 }
        }
        let app = try caseList(language, cases: people)
        app.press(.function(9))
        #expect(app.top is ReportsScreen)
        let label = try #require(IntakeSchema.standard.field(.exploitationTypes)?.label(of: "servitude", in: language))
        var rows: [String] = []
        for _ in 0..<8 {
            rows += app.terminal.rows
            app.press(.pageDown)
        }
        #expect(rows.contains { $0.hasPrefix("  " + label + " ") && $0.contains(" 6") }, "\(label) cut")
        #expect(!rows.contains { $0.contains("…") }, "\(rows.filter { $0.contains("…") })")
    }

    /// While searching, Esc closes the search (the query is cleared, every case is back) and the
    /// bar says so, both in the search field and in the cases found: it had no room for Esc beside
    /// every F-key, and dropped it. Going elsewhere (users, reports, partners) leaves the bar while
    /// searching, still listed by F1 and still working.
    @Test(arguments: [(Language.ru, "Esc Закрыть поиск"), (.kk, "Esc Іздеуді жабу"), (.en, "Esc Close search")])
    func inSearchTheBarNamesEscAndWhatItDoes(language: Language, esc: String) throws {
        let app = try caseList(language, cases: [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Петрова", "Анна")])
        let before = bar(app)
        #expect(!before.contains(esc))
        app.press(.function(7))
        app.type("ахме")
        app.pause()
        #expect(bar(app).contains(esc), "\(bar(app))")
        #expect(!app.shows("Петрова"))
        app.press(.enter)  // to the cases found
        #expect(bar(app).contains(esc), "\(bar(app))")
        #expect(bar(app).contains("4" + ScreenKitStrings(language).sort), "\(bar(app))")
        app.press(.escape)
        #expect(app.shows("Петрова"))
        #expect(bar(app) == before, "\(bar(app))")
    }

    /// In the help, F1 closes the help, as Esc and Enter do: the bar said "1Помощь" there, as if F1
    /// opened more help. It names F1 with what it does, and F1 does it.
    @Test(arguments: [Language.ru, .kk, .en])
    func inTheHelpTheBarSaysF1Closes(language: Language) throws {
        let app = try caseList(language, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let k = ScreenKitStrings(language)
        #expect(bar(app).hasPrefix("1" + k.help))
        app.press(.function(1))
        #expect(app.top is HelpDialog)
        #expect(bar(app).hasPrefix("1" + k.close), "\(bar(app))")
        #expect(!bar(app).contains(k.help), "\(bar(app))")
        app.press(.function(1))
        #expect(app.top is CaseListScreen)
        app.press(.function(1), .escape)
        #expect(app.top is CaseListScreen)
    }

    /// Under the case file's header, how much of what the yearly report needs is filled in: "для
    /// отчёта: 9%" left a newcomer asking what a report had to do with the case. It says what is
    /// complete, whole on the line at 80 columns.
    @Test(arguments: [(Language.ru, "поля годового отчёта заполнены на "), (.kk, "жылдық есеп өрістері толтырылған: "),
                      (.en, "yearly report fields filled in: ")])
    func theCaseFileSaysWhatIsFilledInForTheYearlyReport(language: Language, words: String) throws {
        let app = try caseList(language, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        let percent = try #require(app.book?.store.records.first?.completeness.percent)
        #expect(AppStrings(language).forReports("\(percent)%") == words + "\(percent)%")
        #expect(app.terminal.rows.contains { $0.hasPrefix(words + "\(percent)%") }, "\(app.screen)")
    }

    /// The case list's column of citizenships was headed "Гр-во" ("Азам.", "Citz."): cut words.
    /// "Гражданство" takes 11 columns the names need at 80, so the heading is a short whole word,
    /// and the names stay whole.
    @Test(arguments: [(Language.ru, "Страна"), (.kk, "Елі"), (.en, "Country")])
    func theCitizenshipColumnIsHeadedByAWholeWord(language: Language, word: String) throws {
        let app = try caseList(language, cases: [AppHarness.person("Давлатова", "Гулрухсор").merging([.citizenship: .codes(["TJ", "KZ"])]) { $1 }])
        let s = AppStrings(language)
        #expect(s.columnCitizenship == word)
        let header = try #require(app.terminal.rows.first { $0.hasPrefix("№") }, "\(app.screen)")
        #expect(header.contains(" \(word) "), "\(header)")
        let row = try #require(app.row(startingWith: "2026-0001"), "\(app.screen)")
        #expect(row.contains("Давлатова Гулрухсор") && row.contains("TJ,KZ"), "\(row)")
    }
}
