import EventLog
import Foundation

/// Failures of commands: the words come from the one table (`AppStrings.wording(for:)`).
extension CommandFailure {
    /// A failure for any error a command lets escape, or nil for errors ArgumentParser reports.
    static func translating(_ error: any Error) -> CommandFailure? { AppStrings(CommandWords.language).wording(for: error).command }

    static func damagedLog(_ directory: URL) -> CommandFailure {
        CommandFailure(cli("cli.error.damagedLog", ["directory": .text(directory.path)]), status: .damagedLog)
    }

    static func rolledBack(_ directory: URL, _ finding: RollbackFinding) -> CommandFailure {
        CommandFailure(cli("cli.error.rolledBack", ["directory": .text(directory.path), "finding": .text(LogReportWording(cli).rollback(finding))]),
                       status: .damagedLog)
    }
}
