import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// Failures met when opening the case file: a damaged log, a wrong passphrase, a second running
/// instance. Each gets a clear message, and nothing on disk changes.
@Suite("Opening failures")
struct OpeningFailureTests {
    static let cases = [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Karimov", "Bakhtiyor", gender: "male"),
                        AppHarness.person("Жумабаева", "Айгерим")]

    /// Frames: 0 the pseudonym secret (the log's own record), 1 the organisation and anna, 2-4 one case
    /// each, 5 anna's sign-in (none yet here).
    @Test(arguments: [Language.en, .ru])
    func aDamagedLogOpensReadOnlyRefusesChangesAndChangesNothing(language: Language) throws {
        let fixture = try CaseFileFixture(language: language, cases: Self.cases, signIn: false)
        let damaged = try LogFrames.damage(frame: 3, of: fixture.logFile)  // Karimov's case
        let before = try fixture.snapshot().entries.mapValues(\.bytes)
        let app = try #require(fixture.app)
        let s = AppStrings(language)
        app.signIn()
        // With a snapshot, the frames it covers are checked in the background after the list is
        // shown; the verdict is reported at the first pause.
        app.session.book?.waitForBackgroundVerification()
        app.pause()

        #expect(app.session.book?.isReadOnly == true)
        #expect(app.terminal.row(0).hasSuffix(s.readOnlyMarker))
        #expect(app.shows(s.damagedTitle))
        #expect(app.dialogText.contains("`refuge verify`"))
        #expect(app.dialogText.contains("`refuge salvage`"))
        app.press(.enter)  // the explanation closes
        #expect(app.top is CaseListScreen, "\(app.screen)")
        #expect(app.shows("Ахмедова Гульнара"))  // before the damage
        #expect(app.shows("Жумабаева Айгерим"))  // after it
        #expect(app.shows("2026-0003 Жумабаева"))  // keeps the number on its paper file
        #expect(!app.shows("Karimov"))

        for key in [Key.function(5), .insert, .character(language == .ru ? "т" : "n")] {
            app.press(key)
            #expect(app.top is CaseListScreen)
            #expect(app.shows(String(s.readOnlyRefused.prefix(40))), "\(app.screen)")
        }
        app.press(.enter)  // the first case
        #expect(app.top is CaseFileScreen)
        for key in [Key.character(language == .ru ? "ф" : "a"), .character(language == .ru ? "у" : "e"),
                    .function(6), .function(3), .function(9)] {
            app.session.app.clearStatus()
            app.press(key)
            #expect(app.top is CaseFileScreen, "\(key)")
            #expect(app.shows(String(s.readOnlyRefused.prefix(40))), "\(key): \(app.screen)")
        }
        app.press(.function(12))  // a lock and an unlock change nothing either
        app.type(AppHarness.passphrase)
        app.press(.enter)
        fixture.restart()
        // The writer's lock file says who holds it: a session opened from a snapshot took it before
        // the background read found the damage. Everything else is as it was.
        let after = try fixture.snapshot().entries.mapValues(\.bytes).filter { $0.key != "lock" }
        #expect(after == before.filter { $0.key != "lock" },
                "changed: \(Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted())")
        #expect(try Data(contentsOf: fixture.logFile) == damaged)
    }

    /// The background read can finish at any moment: before the open shows the list (the open
    /// then showed the damage as its own, and the session showed it again), or between the two
    /// things a quiet moment does (show the damage, record the sign-in: the sign-in tried on the
    /// damaged file showed it again). Either way the damage is shown once.
    @Test func damageFoundJustBeforeTheSignInIsRecordedShowsOneDialog() throws {
        let fixture = try CaseFileFixture(language: .ru, cases: Self.cases, signIn: false)
        _ = try LogFrames.damage(frame: 3, of: fixture.logFile)
        let app = try #require(fixture.app)
        app.signIn()
        app.session.book?.waitForBackgroundVerification()
        app.session.recordSignInOnceVerified()  // the verdict is in; the damage not yet shown
        app.pause()
        #expect(app.session.app.screens.filter { $0 is MessageDialog }.count == 1, "\(app.screen)")
        #expect(app.shows(AppStrings(.ru).damagedTitle))
        app.press(.enter)
        #expect(app.top is CaseListScreen, "\(app.screen)")
    }

    @Test func aWrongPassphraseTouchesNoFile() throws {
        let fixture = try CaseFileFixture(language: .ru, cases: Self.cases, signIn: false)
        let before = try fixture.snapshot()
        let app = try #require(fixture.app)
        app.signIn(passphrase: "not the passphrase")
        #expect(app.shows("Неверное имя пользователя или пароль-фраза."))
        let again = fixture.restart(language: .ru)
        again.signIn(user: "nobody", passphrase: AppHarness.passphrase)
        #expect(again.shows("Неверное имя пользователя или пароль-фраза."))
        #expect(again.top is SignInScreen)
        #expect(again.book == nil)
        // Only the count of wrong passphrases (the throttle, shared across runs) was written.
        var after = try fixture.snapshot()
        #expect(after.entries.removeValue(forKey: "sign-in-failures") != nil)
        #expect(after == before)
    }

    @Test(arguments: [Language.en, .ru])
    func aSecondRunningInstanceIsNamedAndNothingChanges(language: Language) throws {
        let fixture = try CaseFileFixture(language: language, cases: Self.cases, signIn: false)
        let holder = try CaseBook.open(at: fixture.directory, user: "anna", passphrase: AppHarness.passphrase)
        defer { holder.close() }
        let before = try fixture.snapshot()
        let lockText = try #require(before.entries["lock"].map { String(decoding: $0.bytes, as: UTF8.self) })
        #expect(lockText.contains("held by pid \(getpid())"))

        let app = try #require(fixture.app)
        app.signIn()
        #expect(app.book == nil)
        #expect(app.top is SignInScreen)
        let expected = AppStrings(language).lockedByOther(lockText.trimmingCharacters(in: .whitespacesAndNewlines))
        // The top line shows the start of it, the holder's process included.
        #expect(app.terminal.row(0).contains(String(expected.prefix(50))), "\(app.screen)")
        #expect(app.terminal.row(0).contains("held by pid \(getpid())"))
        #expect(try fixture.snapshot() == before)
    }
}
