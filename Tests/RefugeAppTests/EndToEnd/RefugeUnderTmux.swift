import Foundation
import RefugeTestSupport
import Testing

/// The real `refuge` binary on a tmux terminal in Russian, with a data directory of its own: the
/// steps every end-to-end suite takes (start, first-run setup, sign-in, quit).
struct RefugeUnderTmux {
    static let passphrase = "correct horse battery"
    /// A cheap key derivation, read only by debug builds, so that a sign-in takes milliseconds.
    static let fast = ["REFUGE_KDF_LOGN": "10"]

    let refuge = TmuxSession.quote(BuiltProducts.refuge.path)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-e2e-\(UUID().uuidString)")
    /// This laptop's own files for the case file (drafts, lock), beside the data directory.
    var state: URL { directory.appendingPathExtension("state") }

    func start(_ extra: [String: String] = [:], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try TmuxSession("\(refuge) --data \(TmuxSession.quote(directory.path)) --state \(TmuxSession.quote(state.path)) --lang ru", width: width, height: height,
                        environment: Self.fast.merging(extra) { $1 })
    }

    /// The first-start screen: organisation, first user, passphrase twice; ends on the case list.
    func firstStart(_ session: TmuxSession) throws {
        try session.waitFor("Refuge — первый запуск")
        for text in ["Приют", "anna", Self.passphrase, Self.passphrase] {
            try session.type(text)
            try session.press("Enter")
        }
        try session.waitFor("Дела · anna")
    }

    func signIn(_ session: TmuxSession, passphrase: String = passphrase) throws {
        try session.waitFor("Refuge — вход")
        try session.type("anna")
        try session.press("Enter")
        try session.type(passphrase)
        try session.press("Enter")
    }

    /// A case file made by a first start, the program started again and "anna" typed at sign-in:
    /// the session waits for the passphrase.
    func startAtPassphrase(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let first = try start(width: width, height: height)
        try firstStart(first)
        try quit(first)
        let session = try start(width: width, height: height)
        try session.waitFor("Refuge — вход")
        try session.type("anna")
        try session.press("Enter")
        return session
    }

    /// F10 quits: the program ends with status 0.
    func quit(_ session: TmuxSession) throws {
        try session.press("F10")
        #expect(try session.waitForExit() == 0)
    }
}
