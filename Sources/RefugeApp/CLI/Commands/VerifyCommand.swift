import ArgumentParser
import EventLog

/// `refuge verify`: a read-only integrity check of the log, safe while Refuge runs.
struct VerifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: cli("cli.verify.abstract"),
            discussion: cli("cli.verify.discussion")
        )
    }

    @OptionGroup var data: DataOption

    func run() throws {
        let credentials = try data.caseFile.credentials()
        let report = try data.caseFile.signingIn {
            try EventLog.verify(at: data.directory, user: credentials.user, passphrase: credentials.passphrase)
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
