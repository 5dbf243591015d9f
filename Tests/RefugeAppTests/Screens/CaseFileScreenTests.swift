import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

@Suite("Case file")
struct CaseFileScreenTests {
    private func openFirstCase(language: Language = .en) throws -> AppHarness {
        var values = AppHarness.person("Ахмедова", "Гульнара")
        values[.birthDate] = .date(CalendarDate(year: 2000, month: 5, day: 1)!)
        let app = try AppHarness.signedIn(language: language, cases: [values])
        app.press(.enter)
        return app
    }

    @Test func overviewShowsTheSummaryAndEveryFieldBySection() throws {
        let app = try openFirstCase()
        #expect(app.top is CaseFileScreen)
        #expect(app.shows("2026-0001  Ахмедова Гульнара  age 25  Active"))
        #expect(app.shows("IDENTITY"))
        #expect(app.shows("Family name: Ахмедова"))
        #expect(app.shows("Date of birth: 1 May 2000"))
        #expect(app.shows("yearly report fields filled in: "))
        let id = try #require(app.book?.store.records.first?.id)
        let history = try #require(app.book).history(of: id)
        #expect(history.contains { $0.change == .viewed && $0.author == "anna" })
    }

    /// A value too long for its line continues indented under its field, not at the left edge
    /// where it reads as a line of its own (seen in the 80x24 walk on a long other name).
    @Test func aLongValueContinuesIndentedUnderItsField() throws {
        var values = AppHarness.person("Жақсыбекова", "Әлия")
        values[.alias] = .text("Әлия Жақсыбекова, известная на рынке Барахолка как «Алия-апа» или «тётя Аля»")
        let app = try AppHarness.signedIn(language: .ru, size: Size(width: 80, height: 24), cases: [values])
        app.press(.enter)
        let rows = app.terminal.rows
        let first = try #require(rows.firstIndex { $0.hasPrefix("  Другое имя или прозвище: Әлия") }, "\(app.screen)")
        #expect(rows[first + 1].hasPrefix("    ") && rows[first + 1].contains("Алия-апа"), "\(rows[first + 1])")
    }

    /// The completeness figure says how much is filled in; the «не заполнено» marker after it said
    /// the same thing twice («…заполнены на 9%  не заполнено»): the case file shows only the figure.
    @Test(arguments: [(Language.ru, "не заполнено"), (.kk, "толтырылмаған"), (.en, "incomplete")])
    func theCompletenessFigureIsNotRepeatedByTheIncompleteMarker(language: Language, marker: String) throws {
        let app = try openFirstCase(language: language)
        let figure = try #require(app.terminal.rows.first { $0.contains(AppStrings(language).forReports("")) }, "\(app.screen)")
        #expect(figure.trimmingCharacters(in: .whitespaces).hasSuffix("%"), "\(figure)")
        #expect(!app.shows(marker), "\(app.screen)")
    }

    /// A one-page form's title is on the top line once, not again above its fields (seen on the
    /// status, note, service and referral forms in the small-screen walk).
    @Test(arguments: [Language.ru, .en])
    func aOnePageFormShowsItsTitleOnce(language: Language) throws {
        for key: Character in ["a", "s", "r", "c"] {
            let app = try openFirstCase(language: language)
            app.press(.character(key))
            #expect(app.terminal.rows.filter { $0.contains("— 2026-0001") }.count == 1, "key \(key)")
        }
    }

    /// Issue 13: the case file's key bar at 80x24 says what each key does in whole words — no
    /// abbreviation a caseworker has to guess ("3Направ", "Замет.", "Дублик.").
    @Test(arguments: Language.allCases)
    func theBarSaysWholeWordsAt80Columns(language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Size(width: 80, height: 24),
                                          cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        let bar = try #require(app.terminal.rows.last)
        let s = AppStrings(language)
        let labels = [s.edit, s.addNote, s.addService, s.addReferral, s.changeStatus, s.markDuplicate, s.caseWork]
        for label in labels {
            #expect(!label.hasSuffix("."), "\(language): \(label) is an abbreviation")
        }
        for shown in [s.edit, s.addNote, s.addService, s.addReferral, s.changeStatus] {
            #expect(bar.contains(shown), "\(language): \(shown) not in the bar: \(bar)")
        }
        #expect(!bar.contains("Направ ") && !bar.contains("Жолдам "), "\(bar)")
    }

    @Test func f1ExplainsTheCaseFileKeysInRussian() throws {
        let app = try openFirstCase(language: .ru)
        app.press(.function(1))
        #expect(app.shows("F7/F8 — разделы."))
        #expect(app.shows("Правка"))
    }

    @Test func anEditSavesOnlyTheChangeAndHistoryShowsOldAndNew() throws {
        let app = try openFirstCase(language: .ru)
        app.press(.character("у"))  // e on the Russian layout
        #expect(app.shows("Какой раздел?"))
        app.press(.enter)
        #expect(app.shows("Правка: Личные данные — 2026-0001"))
        app.type("-Юсупова")
        app.press(.function(2))
        #expect(app.top is CaseFileScreen)
        app.press(.function(8))  // history
        #expect(app.shows("anna  Фамилия: Ахмедова → Ахмедова-Юсупова"))
        #expect(!app.shows("просмотр дела"))  // views are the access log, shown on demand
        let id = try #require(app.book?.store.records.first?.id)
        let history = try #require(app.book).history(of: id)  // read back from the log
        let fieldChanges = history.compactMap { if case .field(let change) = $0.change { change } else { nil } }
        #expect(fieldChanges.filter { $0.key == .familyName }.count == 2)  // the opening and this edit only
        #expect(!fieldChanges.contains { $0.key == .gender && $0.old != nil })
    }

    @Test func notesServicesReferralsAndStatus() throws {
        let app = try openFirstCase()
        app.press(.character("a"))
        app.type("Called her sister in Samarkand.")
        app.press(.function(2))
        app.press(.function(8), .function(8))  // notes
        #expect(app.shows("Called her sister in Samarkand."))

        app.press(.character("s"))
        app.type("m")
        app.press(.function(2))
        app.press(.function(8))  // services
        #expect(app.shows("8 Mar 2026 Medical care"))

        app.press(.function(3))  // referral
        app.type("p")
        app.press(.tab, .tab)
        app.type("Statement to the police")
        app.press(.function(2))
        app.press(.function(8))  // referrals
        #expect(app.shows("8 Mar 2026 Police: Statement to the police"))

        app.press(.character("c"))
        app.press(.right, .right)  // Active → Follow-up → Closed
        app.press(.tab)
        app.type("Returned home")
        app.press(.function(2))
        #expect(app.shows("2026-0001  Ахмедова Гульнара  age 25  Closed"))
        // From referrals past plan, assessments, episodes and legal round to history.
        app.press(.function(8), .function(8), .function(8), .function(8), .function(8), .function(8))
        #expect(app.shows("status: Active → Closed (Returned home)"))

        app.press(.function(9))
        app.press(.left, .left)
        app.press(.function(2))
        #expect(app.shows("Active"))
        #expect(app.book?.store.records.first?.status == .active)
    }

    /// A service kind that is none of the choices (a code renamed since the form was built) must
    /// keep the form open with a message, not close it as if saved.
    @Test func aServiceWithoutAUsableKindKeepsTheFormOpenWithAMessage() throws {
        let app = try openFirstCase()
        app.press(.character("s"))
        let screen = try #require(app.top as? FormScreen)
        app.save(screen, forcing: "kind", to: .choice("retired-service"))
        #expect(app.top === screen)
        #expect(app.shows("Service: Not one of the choices"))
        #expect(app.book?.store.records.first?.services.isEmpty == true)
    }
}
