import ArgumentParser
import Terminal

/// `refuge doctor`: the terminal report and a key tester, for support.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show what Refuge sees of this terminal, then test keys until F10."
    )

    func run() throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            throw CommandFailure("\(error)", status: .cannotOpen)
        }
        var lines: [String] = []
        let tester = KeyTester(terminal: terminal) {
            lines = TerminalReport(terminal: terminal).lines
            return lines
        }
        tester.run()
        terminal.close()
        // Printed after curses has ended, so it stays in the scrollback for the support person.
        print(lines.joined(separator: "\n"))
    }
}
