import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

@Suite("User flags on a case")
struct UserFlagTests {
    @Test(arguments: [(Language.en, "SAFETY RISK", "flag set: Safety risk", "flag cleared: Safety risk"),
                      (Language.ru, "УГРОЗА БЕЗОПАСНОСТИ", "отметка поставлена: Угроза безопасности", "отметка снята: Угроза безопасности")])
    func aFlagIsSetShownOnTheListAndTheCaseFileThenCleared(language: Language, shown: String, setLine: String, clearedLine: String) throws {
        let app = try AppHarness.signedIn(language: language, cases: [AppHarness.person("Каримова", "Дильноза")])
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        app.press(.control("g"))
        #expect(app.top is ChooseDialog, "\(app.screen)")
        app.press(.enter)  // the first: safety risk
        #expect(app.shows(shown), "\(app.screen)")
        let record = try #require(app.book?.store.records.first)
        #expect(record.userFlags == ["safetyRisk"])
        let history = try #require(try app.book?.history(of: record.id)).map { CaseText(strings: AppStrings(language)).historyLine($0) }
        #expect(history.contains { $0.contains(setLine) && $0.contains("anna") })

        app.press(.escape)
        #expect(app.shows("! Каримова Дильноза"), "\(app.screen)")
        app.press(.enter)
        app.press(.control("g"))
        app.press(.enter)  // chosen again: cleared
        #expect(!app.shows(shown))
        #expect(app.book?.store.records.first?.userFlags == [])
        let after = try #require(try app.book?.history(of: record.id)).map { CaseText(strings: AppStrings(language)).historyLine($0) }
        #expect(after.contains { $0.contains(clearedLine) })
    }

    @Test func anOrganisationsOwnFlagIsTypedAndAnEmptyOneRefused() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Asanov", "Bekzod", gender: "male")])
        app.press(.enter)
        app.press(.control("g"))
        app.press(.end)
        app.press(.enter)
        #expect(app.top is PromptDialog, "\(app.screen)")
        app.type("court witness")
        app.press(.enter)
        #expect(app.shows("COURT WITNESS"), "\(app.screen)")
        #expect(app.book?.store.records.first?.userFlags == ["court witness"])
    }
}
