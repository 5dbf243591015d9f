import Foundation
import RefugeTestSupport
import Testing

/// The real binary on a real (tmux) terminal: the whole path from keyboard bytes to screen cells.
@Suite("refuge doctor under tmux", .serialized)
struct DoctorEndToEndTests {
    let refuge = TmuxSession.quote(BuiltProducts.refuge.path)

    @Test func typesCyrillicAndKazakhShowsFKeysResizesAndRestoresTheTerminal() throws {
        let session = try TmuxSession("\(refuge) doctor", width: 100, height: 30)
        try session.waitFor("F10 quits")
        try session.waitFor("Size: 100x30")
        #expect(try session.isOnAlternateScreen())

        try session.type("Жанар Әбілқызы")
        try session.waitFor("Typed: Жанар Әбілқызы")
        try session.press("F2")
        try session.waitFor("  F2")
        try session.press("C-s")
        try session.waitFor("  Ctrl-S")
        try session.press("BTab")
        try session.waitFor("  Shift-Tab")

        try session.resize(width: 60, height: 20)
        try session.waitFor("Size: 60x20")
        try session.waitFor("Resize 60x20")

        try session.press("F10")
        #expect(try session.waitForExit() == 0)
        #expect(try !session.isOnAlternateScreen())
        let screen = try session.screen()
        #expect(!screen.contains { $0.contains("F10 quits") })  // the key tester left no trace
        #expect(screen.contains { $0.contains("Terminal: tmux-256color") })  // the report stays for support
        #expect(screen.joined().contains("Binary: \(BuiltProducts.refuge.path)"))  // may wrap at 60 columns
        #expect(screen.contains { $0.contains("Version: refuge ") })
        #expect(screen.contains { $0.hasPrefix("Data: ") })
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try TmuxSession("\(refuge) doctor </dev/tty & pid=$!; sleep 1; kill -TERM $pid; wait $pid", width: 80, height: 24)
        let status = try session.waitForExit()
        #expect(status == 128 + 15)
        #expect(try !session.isOnAlternateScreen())
    }

    @Test func refusesWithoutATerminal() throws {
        let result = try Subprocess.run([BuiltProducts.refuge.path, "doctor"])
        let message = result.output
        #expect(result.status == 2)
        #expect(message.contains("must run in a terminal"))
    }
}
