import ArgumentParser
import EventLog

/// `refuge device`: this laptop's place in a case file that several laptops share (docs/sync.md).
struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Join a case file that several laptops share.",
        subcommands: [DeviceJoinCommand.self]
    )
}

/// `refuge device join`: gives this laptop its own log in a shared folder that arrived from another.
struct DeviceJoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Give this laptop its own log in a case file folder another laptop made (copied or synced here).",
        discussion: "Needs a user's name and passphrase (REFUGE_USER and REFUGE_PASSPHRASE, or asked). Nothing in the folder is changed but the new log."
    )

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
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "What has arrived from the other laptops sharing the case file.",
        subcommands: [SyncStatusCommand.self]
    )
}

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List every laptop's log in the folder: records, last write, and whether it is intact, still arriving or damaged.",
        discussion: "Read-only: safe while Refuge runs. Exit 0 even when another laptop's log is damaged (that laptop must check it)."
    )

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
