import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// What a newcomer saw cut at 80x24 in Russian: the F1 help's last line, the family menu's longest
/// choice, and menus titled with their key's label ("Семья…").
@Suite struct ScreenCutsTests {
    static let size = Size(width: 80, height: 24)
    let s = AppStrings(.ru)

    private func openFirstCase() throws -> AppHarness {
        let app = try AppHarness.signedIn(language: .ru, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        return app
    }

    /// The rows inside the topmost dialog's frame, without the frame and a scroll mark (↑, ↓).
    private func dialogRows(_ app: AppHarness) -> [String] {
        app.terminal.rows.compactMap { row -> String? in
            guard let left = row.firstIndex(of: "│"), let right = row.lastIndex(of: "│"), left < right else { return nil }
            return String(row[row.index(after: left)..<right]).trimmingCharacters(in: CharacterSet(charactersIn: " ↑↓"))
        }
    }

    /// F1 on the case file holds more keys than 24 rows show: it scrolls, and no line of it is cut
    /// or marked with a second "…" — each key's label is read whole at some scroll position.
    @Test func theCaseFileHelpScrollsAndCutsNoLine() throws {
        let app = try openFirstCase()
        app.press(.function(1))
        #expect(app.top is HelpDialog)
        var seen: [String] = []
        for _ in 0..<40 {
            let rows = dialogRows(app)
            #expect(!rows.contains { $0.contains("……") }, "\(app.screen)")
            seen += rows
            app.press(.down)
        }
        for label in [s.episodesKey, s.legalKey, s.familyKey, s.historyFindKey, s.back, s.referralStatusKey] {
            #expect(seen.contains { $0.hasSuffix("  " + label) }, "\(label) never shown whole")
        }
    }

    /// The family menu's choices are whole at 80 columns ("Связать с существующим делом
    /// родственника"), and the menu has a title of its own, not the key's "Семья…".
    @Test func theFamilyMenuShowsEveryChoiceWholeUnderItsOwnTitle() throws {
        let app = try openFirstCase()
        app.press(.character("а"))  // f on the Russian layout
        #expect(app.top is ChooseDialog)
        for choice in [s.registerChild, s.registerRelative, s.linkExistingCase] {
            #expect(dialogRows(app).contains(choice), "\(choice) cut: \(app.screen)")
        }
        #expect(app.shows(s.familyMenuTitle))
        #expect(!app.shows(s.familyKey))
    }

    /// Every page of the full intake at 80x24 shows its questions whole, in every language: the
    /// consent questions are long sentences ("Проинформирован(а) об использовании в исследованиях"
    /// was cut in its middle, and both Kazakh consent questions were).
    @Test(arguments: [Language.ru, .kk, .en]) func everyIntakeQuestionReadsWholeAt80Columns(language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.press(.insert)
        var pages: [String] = []
        for _ in 0..<12 {
            pages.append(app.screen)
            app.press(.function(8))
        }
        for page in pages {
            let cut = page.split(separator: "\n").filter { $0.contains("…") }
            #expect(cut.isEmpty, "cut at 80 columns: \(cut)")
        }
        let consent = [IntakeSchema.standard.field(.informedOfUse)!, IntakeSchema.standard.field(.informedOfResearchUse)!]
        for field in consent {
            let label = field.label.text(in: language)
            #expect(pages.contains { $0.contains(label) }, "\(label) never shown whole")
        }
    }

    @Test func theLegalMenuHasATitleOfItsOwn() throws {
        let app = try openFirstCase()
        app.press(.character("о"))  // j on the Russian layout
        #expect(app.top is ChooseDialog)
        #expect(app.shows(s.legalMenuTitle))
        #expect(!app.shows(s.legalKey))
        #expect(dialogRows(app).contains(s.addProceeding))
    }
}
