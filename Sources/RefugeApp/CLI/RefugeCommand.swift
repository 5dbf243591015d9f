import ArgumentParser
import Terminal

/// The `refuge` command line: the application by default, and its tools as subcommands.
public struct RefugeCommand: ParsableCommand {
    public static var version: String { BuildInfo.version }

    public static let configuration = CommandConfiguration(
        commandName: "refuge",
        abstract: "Case management for a shelter for survivors of human trafficking.",
        discussion: "Exit codes: 0 success, 1 rejected input, 2 cannot open (or usage), 3 damaged log.",
        version: BuildInfo.summary,
        subcommands: [
            InitCommand.self, DemoCommand.self, VerifyCommand.self, SalvageCommand.self, StatsCommand.self,
            ExportCommand.self, ImportCommand.self, UserCommand.self, BackupCommand.self, DoctorCommand.self,
            DeviceCommand.self, SyncCommand.self,
        ]
    )

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
            if code == .success { exit(withError: error) }  // --help and --version
            FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
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
