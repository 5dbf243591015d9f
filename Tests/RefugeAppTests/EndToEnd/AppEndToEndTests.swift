import Foundation
import RefugeTestSupport
import Testing

/// The interactive application as caseworkers run it: the real binary on a tmux terminal.
/// Relies on the root command contract: `refuge --data DIR [--lang ru]` runs the application and
/// `refuge init --data DIR --org NAME --user NAME` (passphrase from REFUGE_PASSPHRASE) creates a
/// case file.
@Suite("refuge (the application) under tmux", .serialized)
struct AppEndToEndTests {
    static let passphrase = RefugeUnderTmux.passphrase
    static let fast = RefugeUnderTmux.fast

    private let app = RefugeUnderTmux()
    private var refuge: String { app.refuge }
    private var directory: URL { app.directory }
    private var state: URL { app.state }

    private func initialise() throws {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(Self.fast) { $1 }
        environment["REFUGE_PASSPHRASE"] = Self.passphrase
        let result = try Subprocess.run([BuiltProducts.refuge.path, "init", "--data", directory.path, "--state", state.path,
                                         "--org", "Shelter", "--user", "anna"],
                                        environment: environment)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func firstRunSetupCreatesTheCaseFile() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try app.start()
        try app.firstStart(session)
        try app.quit(session)
        #expect(try !session.isOnAlternateScreen())
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("events.log").path))
    }

    @Test func cyrillicIntakeLatinSearchEditHistoryAndSignInAgain() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try initialise()
        let session = try app.start()
        try app.signIn(session)
        try session.waitFor("Дела · anna")
        try session.type("т")  // n on the Russian layout
        try session.waitFor("Новая анкета")
        try session.type("Ахмедова")
        try session.press("Tab")
        try session.type("Гульнара")
        try session.press("Tab")
        try session.type("ж")
        try session.press("F2")
        try session.waitFor("2026-")
        try session.waitFor("Ахмедова Гульнара")
        try session.press("Escape")
        try session.waitFor("Показано 1")

        try session.press("F7")
        try session.type("ahmedova")
        try session.waitFor("Показано 1")
        try session.press("Enter")
        try session.press("Enter")
        try session.waitFor("Обзор")
        try session.type("у")  // e: edit
        try session.waitFor("Какой раздел?")
        try session.press("Enter")
        try session.waitFor("Правка: Личные данные")
        try session.type("-Юсупова")
        try session.press("F2")
        try session.waitFor("Обзор")
        try session.press("F8")
        try session.waitFor("Фамилия: Ахмедова → Ахмедова-Юсупова")
        try app.quit(session)

        let again = try app.start()
        try app.signIn(again)
        try again.waitFor("2026-0001 Ахмедова-Юсупова")  // the list cuts long names
        try again.press("Enter")
        try again.waitFor("Ахмедова-Юсупова Гульнара")  // the case file shows it whole
        try app.quit(again)
    }

    @Test func wrongPassphraseAndASecondInstanceAreRefusedClearly() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try initialise()
        let first = try app.start()
        try app.signIn(first, passphrase: "not the passphrase")
        try first.waitFor("Неверное имя пользователя или пароль-фраза.")
        try first.type(Self.passphrase)
        try first.press("Enter")
        try first.waitFor("Дела · anna")

        let second = try app.start()
        try app.signIn(second)
        try second.waitFor("уже открыта в другой запущенной программе Refuge")
        try app.quit(second)
        try app.quit(first)
    }

    @Test func killedMidIntakeTheDraftIsOfferedAgain() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try initialise()
        let session = try TmuxSession("\(refuge) --data \(TmuxSession.quote(directory.path)) --state \(TmuxSession.quote(state.path)) --lang ru </dev/tty & pid=$!; echo $pid > \(TmuxSession.quote(directory.path))/../e2e-pid-\(directory.lastPathComponent); wait $pid",
                                      environment: Self.fast)
        try app.signIn(session)
        try session.waitFor("Дела · anna")
        try session.type("т")
        try session.waitFor("Новая анкета")
        try session.type("Юсупова")
        try session.press("Tab")
        let draftBefore = try waitForDraft(largerThan: 0)  // typing paused: the family name is kept
        try session.type("Мадина")
        try session.waitFor("Мадина")
        try waitForDraft(largerThan: draftBefore)  // and now the given name too
        let pidFile = directory.deletingLastPathComponent().appendingPathComponent("e2e-pid-\(directory.lastPathComponent)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGKILL)
        _ = try session.waitForExit()

        let again = try app.start()
        try app.signIn(again)
        try again.waitFor("Несохранённая анкета")
        try again.press("Enter")
        try again.waitFor("Юсупова")
        try again.waitFor("Мадина")
        try app.quit(again)
    }

    @Test func idleLockAndResizeToTheMinimumAndBack() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try initialise()
        let session = try app.start(["REFUGE_IDLE_LOCK_SECONDS": "2"])
        try app.signIn(session)
        try session.waitFor("Дела · anna")
        try session.waitFor("Заблокировано", timeout: 10)
        try session.type(Self.passphrase)
        try session.press("Enter")
        try session.waitFor("Дела · anna")
        // Only a redraw at the new size puts the bar (it starts with F1's key) on the new last row.
        try session.resize(width: 40, height: 12)
        try session.waitUntil("the bar is on row 12") { $0.indices.contains(11) && $0[11].hasPrefix("1") }
        try session.waitFor("Дела")
        try session.resize(width: 100, height: 30)
        try session.waitUntil("the bar is on row 30") { $0.indices.contains(29) && $0[29].hasPrefix("1") }
        try session.waitFor("Показано 0")
        try app.quit(session)
    }

    /// Waits until the sealed draft in the state directory is larger than `size` bytes — written
    /// after more was typed (it grows with what it holds) — and returns its size.
    @discardableResult
    private func waitForDraft(largerThan size: Int, timeout: TimeInterval = 15) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
            if let draft = names.first(where: { $0.hasPrefix("draft-") && $0.hasSuffix(".sealed") }),
               let bytes = try? FileManager.default.attributesOfItem(atPath: state.appendingPathComponent(draft).path)[.size] as? Int,
               bytes > size {
                return bytes
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DraftNotWritten(largerThan: size)
    }

    private struct DraftNotWritten: Error { let largerThan: Int }
}
