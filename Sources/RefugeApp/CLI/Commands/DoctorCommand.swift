import ArgumentParser
import Terminal

/// `refuge doctor`: the terminal report and a key tester, then where Refuge is installed, for support.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show what Refuge sees of this terminal, test keys until F10, then show where Refuge is installed."
    )

    @OptionGroup var data: DataOption

    func run() throws {
        let installation = InstallationReport(executable: InstallationReport.currentExecutable, dataDirectory: data.directory)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            print(installation.lines.joined(separator: "\n"))
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
        print((lines + installation.lines).joined(separator: "\n"))
    }
}
