import ArgumentParser
import CaseModel
import EventLog

/// `refuge device`: this laptop's place in a case file that several laptops share (docs/sync.md).
struct DeviceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "device",
            abstract: cli("cli.device.abstract"),
            subcommands: [DeviceJoinCommand.self]
        )
    }
}

/// `refuge device join`: gives this laptop its own log in a shared folder that arrived from another.
struct DeviceJoinCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "join",
            abstract: cli("cli.devicejoin.abstract"),
            discussion: cli("cli.devicejoin.discussion")
        )
    }

    @OptionGroup var data: DataOption

    func run() throws {
        let access = data.caseFile
        let credentials = try access.credentials()
        let book = try access.signingIn {
            try CaseBook.join(at: data.directory, state: data.state, user: credentials.user, passphrase: credentials.passphrase)
        }
        defer { book.close() }
        print(cli("cli.device.joined", count: book.otherDevicesLogs.count,
                  ["directory": .text(data.directory.path), "log": .text(book.log.logFileName)]))
        print(cli("cli.device.caseCount", count: book.store.caseCount))
    }
}

/// `refuge sync status`: which laptops' logs are in the folder, how far each reaches, when each last wrote.
struct SyncCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync",
            abstract: cli("cli.sync.abstract"),
            subcommands: [SyncStatusCommand.self]
        )
    }
}

struct SyncStatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "status",
            abstract: cli("cli.syncstatus.abstract"),
            discussion: cli("cli.syncstatus.discussion")
        )
    }

    @OptionGroup var data: DataOption

    func run() throws {
        let log = try data.caseFile.openLog()
        defer { log.close() }
        let own = log.openingRead
        let arguments: [String: WordValue] = ["log": .text(log.logFileName), "time": .text(own.lastTimestamp.map(formatTimestamp) ?? "")]
        print(cli(own.lastTimestamp == nil ? "cli.sync.thisLaptop" : "cli.sync.thisLaptopWritten", count: own.recordCount, arguments))
        if log.peers.isEmpty { print(cli("cli.sync.noOtherLaptop", ["directory": .text(data.directory.path)])) }
        for peer in log.peers { print(cli("cli.sync.otherLaptop", ["report": .text(LogReportWording(cli).peer(peer))])) }
    }
}
