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
        // What revoked laptops wrote after their revocation: kept, never applied (log-format.md,
        // "Revoked laptops"). The rule needs the events, so the case file is replayed for it.
        if !report.peers.isEmpty, report.status != .damaged, let book = try? data.caseFile.openForReading(as: credentials) {
            for (log, count) in book.revocations.withheld.sorted(by: { $0.key < $1.key }) {
                print(cli("cli.verify.revokedLog", count: count, ["log": .text(log)]))
            }
            book.close()
        }
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
