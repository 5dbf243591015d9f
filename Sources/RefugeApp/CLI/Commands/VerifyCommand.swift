import ArgumentParser
import EventLog

/// `refuge verify`: a read-only integrity check of the log, safe while Refuge runs.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the case file's integrity without changing it.",
        discussion: """
            Prints the records, users, first and last write, a torn tail (what a crash during a save \
            leaves; harmless) and every damaged range. Exit 0 when intact or only the tail is torn, \
            3 when damage is found, 2 when the case file cannot be opened.
            """
    )

    @OptionGroup var data: DataOption

    func run() throws {
        let credentials = try data.caseFile.credentials()
        let report = try data.caseFile.signingIn {
            try EventLog.verify(in: SharedFolder(folder: data.directory, state: data.state),
                                user: credentials.user, passphrase: credentials.passphrase)
        }
        print(report.description)
        if let weak = EventLog.weakKeySlotCount(at: data.directory), weak > 0 {
            FileHandleOutput.standardError.write("Warning: \(weak) weak key slot(s), below the standard cost (scrypt N=2^17): "
                                                 + "made by a test build; give those users new passphrases with a release build.\n")
        }
        if let rollback = report.rollback, rollback.isRollback {
            throw CommandFailure.rolledBack(data.directory, rollback)
        }
        if report.status == .damaged {
            throw CommandFailure("Damage found. Copy everything readable into a new directory with "
                                 + "`refuge salvage --output NEWDIR`.", status: .damagedLog)
        }
    }
}
