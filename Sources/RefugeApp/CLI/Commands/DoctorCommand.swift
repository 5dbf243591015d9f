import ArgumentParser
import Terminal

/// `refuge doctor`: the terminal report and a key tester, then where Refuge is installed, for support.
struct DoctorCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "doctor",
            abstract: cli("cli.doctor.abstract")
        )
    }

    @OptionGroup var data: DataOption

    func run() throws {
        let installation = InstallationReport(executable: InstallationReport.currentExecutable, dataDirectory: data.directory)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            print((installation.lines + LanguageCoverage().lines).joined(separator: "\n"))
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
        print((lines + installation.lines + LanguageCoverage().lines).joined(separator: "\n"))
    }
}
