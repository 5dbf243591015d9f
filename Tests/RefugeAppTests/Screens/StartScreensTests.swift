import CaseModel
import Foundation
@testable import RefugeApp
import Terminal
import Testing

@Suite("Setup, sign-in and lock")
struct StartScreensTests {
    @Test func setupOnAnEmptyDirectoryCreatesTheCaseFileAndOpensTheCaseList() throws {
        let app = AppHarness()
        #expect(app.shows("Refuge — first start"))
        #expect(app.shows("Organisation"))
        app.type("Shelter Almaty")
        app.press(.enter)
        app.type("anna")
        app.press(.enter)
        app.type("short")
        app.press(.enter)
        #expect(app.shows("At least 10 characters."))
        app.press(.backTab)
        app.press(.end)
        app.type(" but longer now")
        app.press(.enter)
        app.type("short but longer now")
        app.press(.enter)
        #expect(app.top is CaseListScreen)
        #expect(app.shows("Cases · anna"))
        #expect(app.book?.isCoordinator == true)
        #expect(CaseBook.exists(at: app.directory))
    }

    @Test func setupRefusesDifferentPassphrasesInRussian() {
        let app = AppHarness(language: .ru)
        #expect(app.shows("Организация"))
        app.type("Приют")
        app.press(.enter)
        app.type("Анна")
        app.press(.enter)
        app.type("пароль-фраза-длинная")
        app.press(.enter)
        app.type("другая-пароль-фраза")
        app.press(.enter)
        #expect(app.shows("Пароль-фразы не совпадают."))
        #expect(!CaseBook.exists(at: app.directory))
    }

    @Test func wrongPassphraseIsSaidPlainlyAndTheNameIsKept() throws {
        let app = try AppHarness.withCaseFile(language: .ru)
        #expect(app.shows("Refuge — вход"))
        app.signIn(passphrase: "wrong passphrase")
        #expect(app.shows("Неверное имя пользователя или пароль-фраза."))
        #expect(app.top is SignInScreen)
        #expect(app.shows("anna"))
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(app.top is CaseListScreen)
    }

    @Test func afterFiveWrongPassphrasesEachAttemptWaitsLonger() throws {
        let app = try AppHarness.withCaseFile()
        app.signIn(passphrase: "nope nope nope")
        for _ in 0..<4 {
            #expect(app.shows("Wrong user name or passphrase."))
            app.type("nope nope nope")
            app.press(.enter)
        }
        // Even the right passphrase must wait now.
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(app.shows("Wait 2 s"))
        #expect(app.top is SignInScreen)
        app.clock.advance(.seconds(3))
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(app.top is CaseListScreen)
    }

    @Test func signInRecordsTheEventAndADamagedOrLockedFileIsExplained() throws {
        let app = try AppHarness.signedIn()
        // Recorded once the frames a snapshot covered are known to be whole (at the first pause).
        app.book?.waitForBackgroundVerification()
        app.pause()
        #expect(app.book?.store.activity.contains { $0.body == .userSignedIn && $0.author == "anna" } == true)
        // A second Refuge on the same directory is refused, naming the holder.
        let second = AppHarness(directory: app.directory)
        second.signIn()
        #expect(second.shows("open in another running Refuge"))
        #expect(second.top is SignInScreen)
    }

    @Test func aDemoCaseFileSaysDemoOnEveryScreen() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory)
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase)
        try book.markAsDemo()
        book.close()
        let app = AppHarness(language: .ru, directory: directory)
        app.signIn()
        #expect(app.terminal.row(0).hasSuffix("ДЕМО"))
        app.press(.character("n"))
        #expect(app.terminal.row(0).hasSuffix("ДЕМО"))
    }

    @Test func f12LocksAtOnceAndThePassphraseUnlocks() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Ахмедова", "Гульнара")])
        #expect(app.shows("Ахмедова Гульнара"))
        app.press(.function(12))
        #expect(app.session.isLocked)
        #expect(app.book == nil)
        #expect(!app.shows("Ахмедова"))
        #expect(app.shows("Locked. anna, enter your passphrase"))
        #expect(app.session.app.screens.count == 1)
        app.type("wrong wrong wrong")
        app.press(.enter)
        #expect(app.shows("Wrong user name or passphrase."))
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(!app.session.isLocked)
        #expect(app.shows("Ахмедова Гульнара"))
    }

    @Test func idleLockFiresAfterTheConfiguredQuietTime() throws {
        let app = try AppHarness.signedIn(language: .ru, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.clock.advance(.seconds(299))
        app.run()
        #expect(!app.session.isLocked)
        app.clock.advance(.seconds(2))
        app.run()
        #expect(app.session.isLocked)
        #expect(app.shows("Заблокировано"))
        #expect(!app.shows("Ахмедова"))
    }

    @Test func f1ShowsTheKeysOfTheScreenAndTheFieldHelp() throws {
        let app = AppHarness()
        app.press(.function(1))
        #expect(app.shows("The shelter's name, shown in reports."))
        app.press(.escape)
        let signed = try AppHarness.signedIn(language: .ru)
        signed.press(.function(1))
        #expect(signed.shows("Новое"))
        #expect(signed.shows("Отчёты"))
        #expect(signed.shows("Блок"))
    }

    @Test func resizingDownToTheMinimumAndBackNeverLosesTheScreen() throws {
        let app = try AppHarness.signedIn(cases: [AppHarness.person("Ахмедова", "Гульнара")])
        for size in [Size(width: 40, height: 12), Size(width: 30, height: 8), Size(width: 100, height: 30)] {
            app.terminal.resize(to: size)
            app.run()
        }
        #expect(app.shows("Ахмедова Гульнара"))
        app.terminal.resize(to: Size(width: 30, height: 8))
        app.run()
        #expect(app.shows("Terminal too small"))
        app.terminal.resize(to: Size(width: 40, height: 12))
        app.run()
        app.press(.character("n"))
        #expect(app.shows("Family name"))
    }
}

/// Issue 20: an upgrade that changes a format says so before it writes. A case file of format 1
/// (the golden copy) is upgraded at the first sign-in; the sign-in screen says so before it.
@Suite("Sign-in to a case file of an older format")
struct OlderFormatSignInTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/GoldenCaseFiles/format-1/data")

    @Test(arguments: [(Language.ru, "будет обновлён"), (Language.en, "will be upgraded")])
    func theSignInScreenSaysTheKeyFileWillBeUpgradedBeforeAnythingIsWritten(language: Language, words: String) throws {
        let directory = AppHarness.temporaryDirectory()
        try FileManager.default.copyItem(at: Self.golden, to: directory)
        let keys = try Data(contentsOf: directory.appendingPathComponent("keys"))
        let app = AppHarness(language: language, directory: directory, removesDirectory: true)
        #expect(app.top is SignInScreen)
        #expect(app.shows(words))
        #expect(try Data(contentsOf: directory.appendingPathComponent("keys")) == keys, "nothing written before sign-in")
    }
}
