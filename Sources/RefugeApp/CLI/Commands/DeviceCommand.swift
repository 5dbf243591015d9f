import ArgumentParser
import CaseModel
import EventLog
import Foundation

/// `refuge device`: this laptop's place in a case file that several laptops share (docs/sync.md).
struct DeviceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "device",
            abstract: cli("cli.device.abstract"),
            subcommands: [DeviceJoinCommand.self, DeviceNameCommand.self, DeviceListCommand.self, DeviceRevokeCommand.self]
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
    @Option(help: ArgumentHelp(cli("cli.devicejoin.name.help"), valueName: "name"))
    var name: String?

    func run() throws {
        let access = data.caseFile
        let credentials = try access.credentials()
        let book = try access.signingIn {
            try CaseBook.join(at: data.directory, state: data.state, user: credentials.user, passphrase: credentials.passphrase,
                              laptopName: name)
        }
        defer { book.close() }
        StateNote.say(book)
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
        let book = try data.caseFile.openForReading()
        defer { book.close() }
        let log = book.log
        let own = log.openingRead
        let arguments: [String: WordValue] = ["log": .text(log.logFileName), "time": .text(own.lastTimestamp.map(formatTimestamp) ?? "")]
        let ownLine = cli(own.lastTimestamp == nil ? "cli.sync.ownLog" : "cli.sync.ownLogWritten", count: own.recordCount, arguments)
        print(cli("cli.syncstatus.thisLaptop", ["name": .text(book.laptopName(writing: log.logFileName) ?? "—"), "report": .text(ownLine)]))
        if log.peers.isEmpty { print(cli("cli.sync.noOtherLaptop", ["directory": .text(data.directory.path)])) }
        for peer in log.peers {
            print(cli("cli.syncstatus.otherLaptop", ["name": .text(book.laptopName(writing: peer.fileName) ?? "—"),
                                                     "report": .text(LogReportWording(cli).peer(peer))]))
            if book.revocations.revokes(peer.fileName) {
                print("  " + cli("cli.syncstatus.revoked", count: book.revocations.withheld[peer.fileName] ?? 0))  // under its laptop
            }
        }
        if book.revocations.revokes(log.logFileName) { print(cli("cli.syncstatus.thisLaptopRevoked")) }
    }
}

/// `refuge device name NAME`: names this laptop (the first laptop gets its host name when the case
/// file is made; this changes it). The name is an event: every laptop shows it.
struct DeviceNameCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "name", abstract: cli("cli.devicename.abstract"))
    }

    @OptionGroup var data: DataOption
    @Argument(help: ArgumentHelp(cli("cli.devicename.name.help"), valueName: "name"))
    var name: String

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        try book.nameThisLaptop(name)
        print(cli("cli.devicename.done", ["name": .text(name)]))
    }
}

/// `refuge device list`: every laptop of the case file, with its name, id, who joined it and when,
/// its last write, how many events it wrote, and whether it was revoked.
struct DeviceListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: cli("cli.devicelist.abstract"))
    }

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var data: DataOption
    @Option(help: ArgumentHelp(cli("cli.devicelist.format.help")))
    var format: Format = .text

    func run() throws {
        let book = try data.caseFile.openForReading()
        defer { book.close() }
        let laptops = try book.laptops()
        switch format {
        case .json: FileHandleOutput.standardOutput.write(try Self.json(laptops))
        case .text: for laptop in laptops { print(Self.text(laptop)) }
        }
    }

    static func time(_ timestamp: HLCTimestamp?) -> String {
        guard let timestamp else { return "—" }
        return ISO8601DateFormatter().string(from: timestamp.date)
    }

    static func text(_ laptop: DeviceListing) -> String {
        let line = cli("cli.devicelist.line", [
            "name": .text(laptop.name ?? cli("cli.devicelist.unnamed")), "id": .text(laptop.device.description),
            "log": .text(laptop.log ?? "—"), "joinedBy": .text(laptop.joinedBy ?? "—"), "joinedAt": .text(time(laptop.joinedAt)),
            "lastWrite": .text(time(laptop.lastWrite)), "events": .number(laptop.eventCount),
        ])
        var lines = [laptop.isThisLaptop ? cli("cli.devicelist.thisLaptop", ["line": .text(line)]) : line]
        if let revocation = laptop.revocation {
            lines.append("  " + cli("cli.devicelist.revoked", ["user": .text(revocation.by), "time": .text(time(revocation.at)),
                                                        "reason": .text(revocation.reason), "withheld": .number(laptop.withheld)]))
        }
        return lines.joined(separator: "\n")
    }

    struct Entry: Encodable {
        let name: String?, id: String, log: String?, joinedBy: String?, joinedAt: String?, lastWrite: String?
        let events: Int, thisLaptop: Bool, revoked: Bool, revokedBy: String?, revokedAt: String?, revokedReason: String?
        let recordsNotApplied: Int
    }

    static func json(_ laptops: [DeviceListing]) throws -> String {
        let entries = laptops.map { laptop in
            Entry(name: laptop.name, id: laptop.device.description, log: laptop.log, joinedBy: laptop.joinedBy,
                  joinedAt: laptop.joinedAt.map { time($0) }, lastWrite: laptop.lastWrite.map { time($0) },
                  events: laptop.eventCount, thisLaptop: laptop.isThisLaptop, revoked: laptop.revocation != nil,
                  revokedBy: laptop.revocation?.by, revokedAt: laptop.revocation.map { time($0.at) },
                  revokedReason: laptop.revocation?.reason, recordsNotApplied: laptop.withheld)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }
}

/// `refuge device revoke NAME --reason TEXT`: a coordinator revokes a lost or stolen laptop. What
/// it wrote up to the last record this laptop has seen stays; nothing after is ever applied.
struct DeviceRevokeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "revoke", abstract: cli("cli.devicerevoke.abstract"),
                             discussion: cli("cli.devicerevoke.discussion"))
    }

    @OptionGroup var data: DataOption
    @Argument(help: ArgumentHelp(cli("cli.devicerevoke.name.help"), valueName: "name"))
    var name: String
    @Option(help: ArgumentHelp(cli("cli.devicerevoke.reason.help"), valueName: "text"))
    var reason: String

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        try book.revokeLaptop(named: name, reason: reason)
        print(cli("cli.devicerevoke.done", ["name": .text(name)]))
    }
}

/// A quiet note when making or joining a case file set aside what another case file had left in
/// this computer's state directory (nothing was deleted).
enum StateNote {
    static func say(_ book: CaseBook) {
        guard let path = book.setAsideState?.path else { return }
        FileHandleOutput.standardError.write(cli("cli.note.stateSetAside", ["path": .text(path)]) + "\n")
    }
}
