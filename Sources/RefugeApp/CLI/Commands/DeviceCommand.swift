import ArgumentParser
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
        print("This laptop joined the case file in \(data.directory.path): it writes \(book.log.logFileName) "
              + "and reads \(book.otherDevicesLogs.count) other laptop(s)' log(s); \(book.store.caseCount) cases.")
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
        print("this laptop: \(log.logFileName): \(own.recordCount) records"
              + (own.lastTimestamp.map { ", last written \(formatTimestamp($0))" } ?? ""))
        if log.peers.isEmpty { print("no other laptop's log in \(data.directory.path)") }
        for peer in log.peers { print("other laptop: \(peer)") }
    }
}
