import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// Issue 12: a caseworker's first day, in Russian and English, at 80x24.
@Suite("A caseworker's first day")
struct FirstDayTests {
    static let size = Size(width: 80, height: 24)

    /// Russian-layout letters for the English shortcut keys the tests press.
    private func key(_ latin: Character, _ language: Language) -> Key {
        guard language == .ru else { return .character(latin) }
        let russian: [Character: Character] = ["n": "т", "a": "ф", "s": "ы", "e": "у", "c": "с", "r": "к"]
        return .character(russian[latin] ?? latin)
    }

    private func words(_ language: Language) -> AppStrings { AppStrings(language) }

    /// First start on an empty directory: the coordinator's case file, then the case list.
    private func setUp(_ language: Language) -> AppHarness {
        let app = AppHarness(language: language, size: Self.size)
        for text in ["Shelter", "anna", AppHarness.passphrase, AppHarness.passphrase] {
            app.type(text)
            app.press(.enter)
        }
        return app
    }

    private func registerAndOpen(_ app: AppHarness, _ language: Language) {
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "f", newKey: key("n", language))
        app.press(.function(2))
    }

    // MARK: 1. History in the first session

    @Test(arguments: [Language.ru, .en])
    func historyShowsEveryEventTheMomentItIsSavedInTheFirstSession(_ language: Language) throws {
        let app = setUp(language)
        #expect(app.top is CaseListScreen)
        registerAndOpen(app, language)
        #expect(app.top is CaseFileScreen)
        app.press(key("a", language))
        app.type("Позвонила сестре.")
        app.press(.function(2))
        app.press(.function(8))  // history
        #expect(!app.shows(words(language).nothingYet))
        #expect(app.shows(words(language).noteLine("Позвонила сестре.")))
        #expect(app.shows(words(language).opened("2026-0001")))
    }

    // MARK: 2. Messages belong to the screen and the moment

    @Test(arguments: [Language.ru, .en])
    func aWrongPassphraseMessageStaysOnTheSignInScreen(_ language: Language) throws {
        let app = try AppHarness.withCaseFile(language: language, size: Self.size)
        app.signIn(passphrase: "not the passphrase")
        #expect(app.shows(words(language).wrongCredentials))
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(app.top is CaseListScreen)
        #expect(!app.shows(words(language).wrongCredentials))
    }

    @Test(arguments: [Language.ru, .en])
    func eachSaveConfirmsItselfAndLeavingTheScreenClearsTheMessage(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        registerAndOpen(app, language)
        #expect(app.shows(s.saved("2026-0001")))
        app.press(key("a", language))
        #expect(!app.shows(s.saved("2026-0001")))  // the note form is another screen
        app.type("Позвонила сестре.")
        app.press(.function(2))
        #expect(app.shows(s.noteSaved("2026-0001")))
        app.press(key("s", language))
        app.type(language == .ru ? "м" : "m")
        app.press(.function(2))
        #expect(app.shows(s.serviceSaved("2026-0001")))
        #expect(!app.shows(s.noteSaved("2026-0001")))
        app.press(.escape)
        #expect(app.top is CaseListScreen)
        #expect(!app.shows(s.serviceSaved("2026-0001")))
    }

    @Test(arguments: [Language.ru, .en])
    func aFormTitleIsWholeBesideAMessage(_ language: Language) throws {
        let s = words(language)
        var values = AppHarness.person("Ахмедова", "Гульнара")
        values[.birthDate] = .date(CalendarDate(year: 2000, month: 5, day: 1)!)
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [values])
        app.press(.enter)
        app.press(key("e", language))
        let section = try #require(app.session.forms.schema.sections.first { $0.id == "situation" })
        let title = section.title.text(in: language)
        app.type(String(title.prefix(6)))
        app.press(.enter)
        let expected = s.editTitle(title, "2026-0001")
        #expect(app.terminal.row(0).contains(expected))
        app.press(.function(2))  // nothing changed: a message beside or instead of the title, never cutting it
        #expect(!app.terminal.row(0).contains("…"))
    }

    // MARK: 3. Enter in a choice field moves on

    @Test(arguments: [Language.ru, .en])
    func enterInAChoiceFieldMovesOnAndSpaceOpensTheList(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "f", newKey: key("n", language))
        app.press(.enter)
        #expect(app.top is FormScreen)  // no list opened
        app.type("01.05.2000")
        let form = try #require(app.top as? FormScreen)
        #expect(form.form.values[FieldKey.birthDate.rawValue] == .date(CalendarDate(year: 2000, month: 5, day: 1)!))
        app.press(.backTab)  // back to the gender field: Space opens its list, Esc closes it unchanged
        app.press(.character(" "))
        #expect(!(app.top is FormScreen))
        app.press(.escape)
        #expect(app.top is FormScreen)
        app.press(.altDown)
        #expect(!(app.top is FormScreen))
        app.press(.escape)
        #expect(form.form.values[FieldKey.gender.rawValue] == .choice("female"))
    }

    // MARK: 4. Every terminal's keys

    @Test(arguments: [Language.ru, .en])
    func homeAndEndOfEveryTerminalMoveInTheFieldAndPuttysF1AndF2Work(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.press(key("n", language))
        app.type("ахмедова")
        for home in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}OH", "\u{1B}[H"] {
            app.terminal.send(home)
            app.run()
            app.press(.delete)
            app.type("А")
        }
        for end in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}OF", "\u{1B}[F"] {
            app.terminal.send(end)
            app.type("!")
        }
        app.terminal.send("\u{1B}[99~")  // unknown: dropped whole
        app.run()
        #expect(!app.shows(ScreenKitStrings.russian.discardChanges) && !app.shows(ScreenKitStrings.english.discardChanges))
        let form = try #require(app.top as? FormScreen)
        #expect(form.form.values[FieldKey.familyName.rawValue] == .text("Ахмедова!!!!"))
        app.terminal.send("\u{1B}[11~")  // F1 in PuTTY's default mode
        app.run()
        #expect(!(app.top is FormScreen))  // help is open
        app.press(.escape)
        app.press(.tab, .tab)
        app.type(language == .ru ? "ж" : "f")
        app.terminal.send("\u{1B}[12~")  // F2 in PuTTY's default mode
        app.run()
        #expect(app.top is CaseFileScreen)
        #expect(app.book?.store.records.first?[.familyName] == .text("Ахмедова!!!!"))
    }

    // MARK: 9. Pasting

    @Test(arguments: [Language.ru, .en])
    func aPasteLosesItsEscapeSequencesWholeAndANewlineBecomesASpace(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.press(key("n", language))
        app.terminal.enqueue(.paste("Нигора\u{1B}[31m красный\u{1B}[0m"))
        app.run()
        #expect(app.shows(language == .ru ? ScreenKitStrings.russian.pasteCleaned : ScreenKitStrings.english.pasteCleaned))
        app.press(.tab)
        app.terminal.enqueue(.paste("Гуль\nнара"))
        app.run()
        let form = try #require(app.top as? FormScreen)
        #expect(form.form.values[FieldKey.familyName.rawValue] == .text("Нигора красный"))
        #expect(form.form.values[FieldKey.givenName.rawValue] == .text("Гуль нара"))
    }

    // MARK: 6. F1 on a field

    @Test(arguments: [Language.ru, .en])
    func f1OnAFieldShowsItsFullLabelAndWhatItMeans(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.press(key("n", language))
        app.press(.tab, .tab, .tab)  // date of birth
        app.press(.function(1))
        let field = try #require(IntakeSchema.standard.field(.birthDate))
        #expect(app.shows(field.label.text(in: language)))
        #expect(app.shows(String(field.help.text(in: language).prefix(30))))
    }

    // MARK: 7. Masking holds on every screen

    @Test(arguments: [Language.ru, .en])
    func maskedNamesStayMaskedInTheCaseFileAndAMarkerSaysSo(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.press(.function(6))
        #expect(app.terminal.row(0).contains(s.namesHiddenMarker))
        #expect(app.terminal.row(23).contains(s.unmask))
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        #expect(!app.shows("Ахмедова") && !app.shows("Гульнара"))
        #expect(app.shows("А. Г."))
        #expect(app.terminal.row(0).contains(s.namesHiddenMarker))
        app.press(.escape, .function(6))
        #expect(!app.terminal.row(0).contains(s.namesHiddenMarker))
        #expect(app.shows("Ахмедова"))
    }

    // MARK: 8. Small screens

    @Test(arguments: [Language.ru, .en])
    func smallScreensKeepTheNameAndWholeBarKeys(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Size(width: 40, height: 12),
                                          cases: [AppHarness.person("Ахмедова", "Гульнара")])
        #expect(app.shows("Ахмедова"))  // the name column is the last to shrink
        app.terminal.resize(to: Size(width: 60, height: 20))
        app.run()
        let bar = app.terminal.row(19)
        // Each label on the bar (the text between key numbers) is one of the labels, whole.
        let labels = [s.quit, s.lock, s.help, s.newIntake, s.search, s.mask, s.users, s.reports, s.filter, s.screenKit.sort]
        let shown = bar.split(whereSeparator: \.isNumber).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for label in shown { #expect(labels.contains(label), "\(label) cut in \(bar)") }
        #expect(bar.contains(s.quit) && bar.contains(s.lock))
    }

    // MARK: 13. Words

    @Test(arguments: [Language.ru, .en])
    func theCaseHeaderSaysAboutForAnEstimatedAgeAndAgreesInGender(_ language: Language) throws {
        var values = AppHarness.person("Ахмедова", "Гульнара")
        values[.ageAtIntake] = .number(35)
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [values])
        app.press(.enter)
        #expect(app.shows(words(language).aboutAge(35)))
        if language == .ru {
            #expect(app.shows("Активно"))
            #expect(!app.shows("Активен") && app.shows("поля годового отчёта заполнены на"))
        }
    }

    @Test(arguments: [Language.ru, .en])
    func helpShowsLettersOnBothLayoutsAndDialogsTheirOwnLetters(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.press(.function(1))
        #expect(app.shows("n (т)"))
        app.press(.escape)
        app.press(key("n", language))
        app.type("Ахмедова")
        app.press(.escape)  // "discard the changes?"
        let bar = app.terminal.row(23)
        #expect(bar.contains(language == .ru ? "Д Да" : "Y Yes"), "\(bar)")
        #expect(language == .en || !bar.contains("Y"))
    }

    @Test(arguments: [Language.ru, .en])
    func aYearAloneInADateSaysToGiveTheEstimatedAge(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size)
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "f", newKey: key("n", language))
        app.press(.tab)
        app.type("1990")
        app.press(.tab)
        let strings = language == .ru ? ScreenKitStrings.russian : .english
        #expect(app.terminal.row(0).contains(String(strings.yearOnlyDate.prefix(20))))
    }

    @Test(arguments: [Language.ru, .en])
    func theFirstStartSaysToKeepThePassphraseApartFromTheLaptop(_ language: Language) {
        let app = AppHarness(language: language, size: Self.size)
        app.press(.tab, .tab)
        #expect(app.screen.contains(language == .ru ? "отдельно от ноутбука" : "apart from the laptop"))
    }

    // MARK: 12. Exports

    @Test(arguments: [Language.ru, .en])
    func theScreensExportAsksBeforeReplacingAFile(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        let path = app.directory.appendingPathComponent("refuge-export-2026-03-08.csv").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        app.press(.function(9), .function(5), .enter)
        #expect(app.shows(String(words(language).replaceFile(path).suffix(12))))
        app.press(.escape)  // no
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        app.press(.function(5), .enter)
        app.type(language == .ru ? "д" : "y")
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "keep me")
    }

    // MARK: 5. The duplicate check

    @Test(arguments: [Language.ru, .en])
    func earlierCasesAreLookedForAgainAfterTheNameChanged(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size, cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "f", newKey: key("n", language))
        app.press(.function(2))
        #expect(app.shows(s.duplicatesTitle))
        app.press(.escape)  // back to the form
        #expect(app.top is FormScreen)
        app.press(.backTab, .backTab)
        app.press(.control("u"))
        app.type("Ahmedova")
        app.press(.function(2))
        #expect(app.shows(s.duplicatesTitle), "the name changed: looked for again")
        #expect(app.book?.store.records.count == 1)
        app.press(.function(2))  // save anyway: what was just checked
        #expect(app.book?.store.records.count == 2)
    }

    // MARK: 11. Users

    @Test(arguments: [Language.ru, .en])
    func theLockScreenLetsAnotherUserSignIn(_ language: Language) throws {
        let s = words(language)
        let directory = AppHarness.temporaryDirectory()
        try AppHarness.makeCaseFile(at: directory)
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase)
        try book.addUser("bek", role: .caseworker, passphrase: "bek-passphrase", kdf: AppHarness.kdf)
        book.close()
        let app = AppHarness(language: language, size: Self.size, directory: directory, removesDirectory: true)
        app.signIn()
        app.press(.function(12))
        #expect(app.top is LockScreen)
        #expect(app.terminal.row(23).contains(s.otherUser))
        app.press(.function(3))
        #expect(app.top is SignInScreen)
        app.signIn(user: "bek", passphrase: "bek-passphrase")
        #expect(app.shows(s.mustChangePassphrase))  // bek signs in; anna chose his passphrase
        #expect(app.book?.user == "bek")
    }

    @Test(arguments: [Language.ru, .en])
    func aDialogOnASmallScreenWrapsAndKeepsEveryLine(_ language: Language) throws {
        let app = try AppHarness.signedIn(language: language, size: Size(width: 40, height: 12),
                                          cases: [AppHarness.person("Ахмедова", "Гульнара")])
        app.typeQuickRegistration("Ахмедова", "Гульнара", gender: language == .ru ? "ж" : "f", newKey: key("n", language))
        app.press(.function(2))
        #expect(app.top is DuplicatesDialog)
        let body = (1..<11).map(app.terminal.row).joined(separator: "\n")
        #expect(body.contains("F2"), "\(app.screen)")
        #expect(body.contains("2026-0001"))
    }

    /// A case file with anna (coordinator) and bek, a caseworker anna added with her chosen passphrase.
    private func caseFileWithBek() throws -> URL {
        let directory = AppHarness.temporaryDirectory()
        try AppHarness.makeCaseFile(at: directory)
        let book = try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase)
        try book.addUser("bek", role: .caseworker, passphrase: "chosen-by-anna", kdf: AppHarness.kdf)
        book.close()
        return directory
    }

    @Test(arguments: [Language.ru, .en])
    func aNewCaseworkerMustChangeThePassphraseTheCoordinatorChose(_ language: Language) throws {
        let s = words(language)
        let app = AppHarness(language: language, size: Self.size, directory: try caseFileWithBek(), removesDirectory: true)
        app.signIn(user: "bek", passphrase: "chosen-by-anna")
        #expect(app.shows(s.mustChangePassphrase))
        app.press(.escape)
        #expect(app.shows(s.mustChangePassphrase), "Esc does not leave it")
        app.type("chosen-by-anna")
        app.press(.enter)
        app.type("bek-own-passphrase")
        app.press(.enter)
        app.type("bek-own-passphrase")
        app.press(.function(2))
        #expect(app.top is CaseListScreen)
        #expect(app.book?.mustChangePassphrase == false)
        app.press(.function(12))
        app.type("bek-own-passphrase")
        app.press(.enter)
        #expect(app.top is CaseListScreen)
        #expect(!app.shows(s.mustChangePassphrase))
    }

    @Test(arguments: [Language.ru, .en])
    func aCoordinatorResetsAForgottenPassphrase(_ language: Language) throws {
        let s = words(language)
        let directory = try caseFileWithBek()
        let app = AppHarness(language: language, size: Self.size, directory: directory, removesDirectory: true)
        app.signIn()
        app.press(.function(8))
        #expect(app.top is UsersScreen)
        app.press(.down)  // anna, bek
        app.press(.function(6))
        #expect(app.shows(s.resetPassphraseTitle("bek")))
        app.type("new-for-bek-1")
        app.press(.enter)
        app.type("new-for-bek-1")
        app.press(.function(2))
        #expect(app.shows(s.passphraseWasReset("bek")))
        #expect(app.book?.store.users["bek"]?.mustChangePassphrase == true)
        app.press(.function(12), .function(3))  // lock, another user
        app.signIn(user: "bek", passphrase: "chosen-by-anna")
        #expect(app.top is SignInScreen, "the old passphrase no longer opens it")
        app.type("new-for-bek-1")
        app.press(.enter)
        #expect(app.shows(s.mustChangePassphrase))
    }

    @Test(arguments: [Language.ru, .en])
    func aCoordinatorMarksADuplicateBothStayLinkedAndStatisticsCountThePersonOnce(_ language: Language) throws {
        let s = words(language)
        let app = try AppHarness.signedIn(language: language, size: Self.size,
                                          cases: [AppHarness.person("Ахмедова", "Гульнара"), AppHarness.person("Akhmedova", "Gulnara")])
        app.press(.down, .enter)  // 2026-0002
        #expect(app.shows("2026-0002"))
        app.press(.function(11))
        app.type("2026-0001")
        app.press(.enter)
        #expect(app.shows(s.duplicateOf("2026-0001").uppercased()))
        let store = try #require(app.book?.store)
        #expect(store.records.count == 2)
        #expect(StatisticsBuilder.report(for: store.records, query: StatisticsQuery(minCell: 1)).total == 1)
        app.press(.function(8))  // history
        #expect(app.shows(s.duplicateOf("2026-0001")))
        app.press(.escape, .up, .enter)  // 2026-0001
        #expect(app.shows(s.hasDuplicates("2026-0002")))
    }
}
