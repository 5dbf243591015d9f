import ArgumentParser
import EventLog
import Foundation

/// `refuge salvage`: copies everything readable of a damaged case file into a new directory.
struct SalvageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salvage",
        abstract: "Copy every readable record into a new case file in another directory.",
        discussion: """
            The damaged case file is only read, never changed. The new directory must not exist or be \
            empty; it keeps the same users and passphrases. Check it with `refuge verify --data NEWDIR`.
            """
    )

    @OptionGroup var data: DataOption
    @Option(name: .customLong("output"), help: ArgumentHelp("The new data directory.", valueName: "dir"))
    var output: String

    func run() throws {
        let credentials = try data.caseFile.credentials()
        let destination = DataLocation.resolve(output, environment: .current)
        let report = try data.caseFile.signingIn {
            try EventLog.salvage(from: data.directory, state: data.state, to: destination, user: credentials.user, passphrase: credentials.passphrase)
        }
        print(report.description)
        print("Check the new case file with: refuge verify --data \(destination.path)")
    }
}
