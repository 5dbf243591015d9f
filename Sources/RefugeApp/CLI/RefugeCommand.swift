import ArgumentParser
import Terminal

/// The `refuge` command line: the application by default, and its tools as subcommands.
public struct RefugeCommand: ParsableCommand {
    public static var version: String { BuildInfo.version }

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "refuge",
            abstract: cli("cli.refuge.abstract"),
            discussion: cli("cli.refuge.discussion"),
            version: BuildInfo.summary,
            subcommands: [
                InitCommand.self, DemoCommand.self, VerifyCommand.self, SalvageCommand.self, StatsCommand.self,
                ExportCommand.self, ImportCommand.self, UserCommand.self, BackupCommand.self, DoctorCommand.self,
                DeviceCommand.self, SyncCommand.self,
                PartnerCommand.self, ReferralCommand.self, FlagCommand.self,
                AgendaCommand.self, SettingsCommand.self, ConflictsCommand.self, CaseCommand.self,
            ]
        )
    }

    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption

    public init() {}

    /// Without a subcommand: the full-screen application.
    public func run() throws {
        try InteractiveApp.run(AppOptions(dataDirectory: data.directory, stateDirectory: data.state, language: language.language))
    }
}

/// Exit codes shared by every command.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case rejectedInput = 1
    case cannotOpen = 2
    case damagedLog = 3
}

extension RefugeCommand {
    /// Parses the arguments, runs the command and exits with one of the `ExitStatus` codes.
    /// Usage errors exit with 2, not ArgumentParser's 64, so scripts see one set of codes.
    /// Core dumps are forbidden first, before any passphrase or key is read.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        CoreDumps.forbid()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch {
            if let failure = CommandFailure.translating(error) {
                FileHandleOutput.standardError.write(failure.message + "\n")
                exit(withError: ExitCode(failure.status.rawValue))
            }
            let code = exitCode(for: error)
            if code == .success {  // --help and --version, the help in the user's language
                FileHandleOutput.standardOutput.write(CommandWords.translatingHelp(fullMessage(for: error)) + "\n")
                exit(withError: nil)
            }
            FileHandleOutput.standardError.write(ArgumentErrorWording.translating(fullMessage(for: error)) + "\n")
            exit(withError: code == .validationFailure ? ExitCode(ExitStatus.cannotOpen.rawValue) : code)
        }
    }
}

/// A failure with a message for the person at the keyboard and the exit status that goes with it.
public struct CommandFailure: Error, CustomStringConvertible {
    public var message: String
    public var status: ExitStatus
    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }
    public var description: String { message }
}
