import EventLog
import Foundation

/// Failures of commands: the words come from the one table (`AppStrings.wording(for:)`).
extension CommandFailure {
    /// A failure for any error a command lets escape, or nil for errors ArgumentParser reports.
    static func translating(_ error: any Error) -> CommandFailure? { AppStrings(CommandWords.language).wording(for: error).command }

    static func damagedLog(_ directory: URL) -> CommandFailure {
        CommandFailure("""
            The case file in \(directory.path) is damaged: some records cannot be read. Nothing was changed.
            Run `refuge verify` to see the damage and `refuge salvage --output NEWDIR` to copy everything readable.
            """, status: .damagedLog)
    }

    static func rolledBack(_ directory: URL, _ finding: RollbackFinding) -> CommandFailure {
        CommandFailure("""
            WARNING: in \(directory.path), \(finding). Nothing was changed.
            If this copy was put back on purpose, continue from it with `refuge salvage --output NEWDIR`.
            """, status: .damagedLog)
    }
}
