import CaseModel
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// Screens' commands, run by name from their tables (issue 18).
@Suite("Screen commands")
struct ScreenCommandsTests {
    @Test func theCaseFilesCommandsRunByNameAndEachHasItsKeys() throws {
        let app = try AppHarness.signedIn(language: .ru, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let list = try #require(app.top as? CaseListScreen)
        #expect(list.commandTable.keys(for: .newIntake).contains(.function(5)))
        #expect(list.commandTable.command(for: .character("т")) == .newIntake, "n on the Russian layout")
        app.press(.enter)
        let caseFile = try #require(app.top as? CaseFileScreen)
        // The signed-in user is the coordinator: every command is in the table, with a key — but
        // choosing a conflict's value and linking a duplicate only when the case has one.
        for command in CaseFileScreen.Command.allCases where ![.resolveConflicts, .linkDuplicate].contains(command) {
            #expect(!caseFile.commandTable.keys(for: command).isEmpty, "\(command)")
        }
        caseFile.perform(.addNote)
        app.run()
        let note = try #require(app.top as? FormScreen)
        #expect(app.shows("Заметка — 2026-0001"))
        app.press(.escape)
        #expect(app.top === caseFile)
        _ = note
        caseFile.perform(.back)
        app.run()
        #expect(app.top === list)
    }

    @Test func theReportsAndRecentChangesCommandsRunByName() throws {
        let app = try AppHarness.signedIn(language: .ru, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let list = try #require(app.top as? CaseListScreen)
        list.perform(.reports)
        app.run()
        let reports = try #require(app.top as? ReportsScreen)
        // The signed-in user is the coordinator: importing is in the table, on F6 and i (ш on ЙЦУКЕН).
        #expect(reports.commandTable.keys(for: .importRecords) == [.function(6), .character("i")])
        #expect(reports.commandTable.command(for: .character("ш")) == .importRecords)
        reports.perform(.back)
        app.run()
        #expect(app.top === list)

        list.perform(.recentChanges)
        app.run()
        let recent = try #require(app.top as? RecentChangesScreen)
        func periodLabel() -> String? { recent.commandTable.rows.first { $0.command == .togglePeriod }?.label }
        let before = periodLabel()
        recent.perform(.togglePeriod)
        app.run()
        #expect(periodLabel() != before, "the label names the other period after toggling")
        recent.perform(.back)
        app.run()
        #expect(app.top === list)
    }

    /// An entry too long for its line continues under its own text, as in a case's history, not
    /// at the left edge under the case numbers (seen in the 80x24 walk).
    @Test func aLongRecentChangeContinuesUnderItsText() throws {
        var values = AppHarness.person("Жақсыбекова", "Әлия")
        values[.alias] = .text("Әлия Жақсыбекова, известная на рынке Барахолка как «Алия-апа» или «тётя Аля»")
        let app = try AppHarness.signedIn(language: .ru, size: Size(width: 80, height: 24), cases: [values])
        let list = try #require(app.top as? CaseListScreen)
        list.perform(.recentChanges)
        app.run()
        let rows = app.terminal.rows
        let first = try #require(rows.firstIndex { $0.contains("Другое имя или прозвище") }, "\(app.screen)")
        let next = rows[first + 1]
        #expect(next.hasPrefix(String(repeating: " ", count: 29)) && !next.hasPrefix(String(repeating: " ", count: 30)), "\(app.screen)")
    }
}
