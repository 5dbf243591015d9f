import Foundation
import RefugeTestSupport
import Testing

/// Without REFUGE_USER / REFUGE_PASSPHRASE, commands ask on the terminal, and passphrases are
/// typed without echo (the real binary on a tmux terminal).
@Suite("refuge asks on the terminal", .serialized)
struct TerminalPromptTests {
    let refuge = TmuxSession.quote(BuiltProducts.refuge.path)

    @Test func initAndSignInByTerminalWithoutEcho() throws {
        let workspace = try CLIWorkspace()
        let data = TmuxSession.quote(workspace.data.path)
        let clean = "unset REFUGE_USER REFUGE_PASSPHRASE REFUGE_NEW_PASSPHRASE REFUGE_DATA; export REFUGE_KDF_LOGN=10; "
            + "export REFUGE_STATE=\(TmuxSession.quote(workspace.state.path));"
        let secret = "Жанар-пароль-2026"

        let setup = try TmuxSession("\(clean) \(refuge) init --data \(data) --org Shelter --user anna", width: 100, height: 20)
        try setup.waitFor("New passphrase for anna:")
        try setup.type(secret)
        try setup.press("Enter")
        try setup.waitFor("The same passphrase again:")
        try setup.type(secret + "x")
        try setup.press("BSpace", "Enter")  // Backspace removes the stray character
        #expect(try setup.waitForExit() == 0)
        #expect(try !setup.screen().contains { $0.contains(secret) })

        let signIn = try TmuxSession("\(clean) \(refuge) user list --data \(data)", width: 100, height: 20)
        try signIn.waitFor("User name:")
        try signIn.type("anna")
        try signIn.press("Enter")
        try signIn.waitFor("Passphrase for anna:")
        try signIn.type(secret)
        try signIn.press("Enter")
        #expect(try signIn.waitForExit() == 0)
        let screen = try signIn.screen()
        #expect(screen.contains { $0.contains("User name: anna") })
        #expect(screen.contains { $0.hasPrefix("anna") && $0.contains("Coordinator") })
        #expect(!screen.contains { $0.contains(secret) })

        let cancelled = try TmuxSession("\(clean) \(refuge) stats --data \(data)", width: 100, height: 20)
        try cancelled.waitFor("User name:")
        try cancelled.press("C-c")
        #expect(try cancelled.waitForExit() == 2)
    }
}
