import ArgumentParser
import EventLog
import Foundation

/// `refuge salvage`: copies everything readable of a damaged case file into a new directory.
struct SalvageCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "salvage",
            abstract: cli("cli.salvage.abstract"),
            discussion: cli("cli.salvage.discussion")
        )
    }

    @OptionGroup var data: DataOption
    @Option(name: .customLong("output"), help: ArgumentHelp(cli("cli.salvage.output.help"), valueName: "dir"))
    var output: String

    func run() throws {
        let credentials = try data.caseFile.credentials()
        let destination = DataLocation.resolve(output, environment: .current)
        let report = try data.caseFile.signingIn {
            try CaseBook.salvage(from: data.directory, state: data.state, to: destination, user: credentials.user,
                                 passphrase: credentials.passphrase)
        }
        print(LogReportWording(cli).salvage(report))
        print(cli("cli.salvage.check", ["directory": .text(destination.path)]))
    }
}
