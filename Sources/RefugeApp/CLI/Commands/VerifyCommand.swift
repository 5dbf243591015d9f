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
            try EventLog.verify(in: SharedFolder(folder: data.directory, state: data.state),
                                user: credentials.user, passphrase: credentials.passphrase)
        }
        print(LogReportWording(cli).integrity(report))
        if let weak = EventLog.weakKeySlotCount(at: data.directory), weak > 0 {
            FileHandleOutput.standardError.write(cli("cli.verify.weakSlots", count: weak) + "\n")
        }
        if let rollback = report.rollback, rollback.isRollback {
            throw CommandFailure.rolledBack(data.directory, rollback)
        }
        if report.status == .damaged {
            throw CommandFailure(cli("cli.verify.damageFound"), status: .damagedLog)
        }
    }
}
