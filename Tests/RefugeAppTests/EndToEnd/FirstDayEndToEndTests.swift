import Foundation
import RefugeTestSupport
import Testing

/// Issue 12's first three findings on the real binary under tmux, in Russian at 80x24.
@Suite("A first day with the real binary", .serialized)
struct FirstDayEndToEndTests {
    static let passphrase = RefugeUnderTmux.passphrase
    static let fast = RefugeUnderTmux.fast

    private let app = RefugeUnderTmux()
    private var refuge: String { app.refuge }
    private var directory: URL { app.directory }

    /// 1 and 3: in the very first session, Enter leaves the gender list's field for the date of
    /// birth, and History shows the opening and the note at once.
    @Test func theFirstSessionShowsHistoryAndEnterMovesOnFromAChoice() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try app.start(width: 80, height: 24)
        try app.firstStart(session)
        try session.type("т")
        try session.waitFor("Новая анкета")
        try session.type("Ахмедова")
        try session.press("Tab")
        try session.type("Гульнара")
        try session.press("Tab")
        try session.type("ж")
        try session.press("Enter")
        try session.type("01.05.2000")
        try session.press("F2")
        try session.waitFor("Сохранено: дело 2026-0001.")
        try session.waitFor("Дата рождения: 01.05.2000")
        try session.type("ф")  // a: note
        try session.waitFor("Заметка — 2026-0001")
        try session.type("Позвонила сестре.")
        try session.press("F2")
        try session.waitFor("Заметка сохранена: дело 2026-0001.")
        try session.press("F8")
        try session.waitFor("заметка: Позвонила сестре.")
        try session.waitFor("открыто дело 2026-0001")
        #expect(try !session.screen().contains { $0.contains("Пока ничего нет.") })
        try app.quit(session)
    }

    /// 2: the wrong-passphrase message stays with the sign-in screen.
    @Test func aWrongPassphraseIsNotShownOnTheCaseList() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try app.startAtPassphrase(width: 80, height: 24)
        try session.type("not the passphrase")
        try session.press("Enter")
        try session.waitFor("Неверное имя пользователя или пароль-фраза.")
        try session.type(Self.passphrase)
        try session.press("Enter")
        try session.waitFor("Дела · anna")
        #expect(try !session.screen().contains { $0.contains("Неверное имя") })
        try app.quit(session)
    }

    /// Keys typed with the passphrase's Enter, before the case list appeared, reach nothing: "т"
    /// and a name once changed the list instead of opening an intake.
    @Test func keysTypedWhileSigningInDoNotReachTheCaseList() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try app.startAtPassphrase(width: 80, height: 24)
        try session.type(Self.passphrase + "\rтИванова")  // one burst, as a fast typist's
        try session.waitFor("Дела · anna")
        Thread.sleep(forTimeInterval: 0.5)  // time for any key left over to act
        let list = try session.screen()
        #expect(!list.contains { $0.contains("Иванова") || $0.contains("Новая анкета") }, "\(list)")
        try session.type("т")  // the list's keys work once it is on screen
        try session.waitFor("Новая анкета")
        try session.press("Escape")
        try app.quit(session)
    }

    /// 4: PuTTY's F1 and Home reach the program as keys whatever TERM says; `refuge doctor` names a
    /// sequence it does not know, and types none of it.
    @Test func theDoctorKnowsPuttysKeysAndNamesUnknownSequences() throws {
        let session = try TmuxSession("\(refuge) doctor", width: 80, height: 24)
        try session.waitFor("F10 quits")
        try session.type("\u{1B}[11~")
        try session.waitFor("  F1")
        try session.type("\u{1B}[1~")
        try session.waitFor("  Home")
        try session.type("\u{1B}[99~")
        try session.waitFor("  Unknown sequence ESC[99~")
        #expect(try !session.screen().contains { $0.contains("Typed: [") })
        try session.press("F10")
        #expect(try session.waitForExit() == 0)
    }
}
