import ArgumentParser
import EventLog
import Foundation

/// `refuge backup`: one file holding a consistent, still encrypted copy of the case file, made
/// without the writer lock so that it is safe while Refuge runs.
///
/// Consistent because the log only grows: the copy takes the log up to the end of its last
/// complete record as a read-only open found it (a save in progress is left out whole), and the
/// key file and sealed files, which are only ever replaced by an atomic rename, each as one whole
/// version. Any version of the key file opens the log, since the data key never changes.
struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup",
            abstract: cli("cli.backup.abstract"),
            discussion: cli("cli.backup.discussion")
        )
    }

    @OptionGroup var data: DataOption
    @Option(name: .shortAndLong, help: ArgumentHelp(cli("cli.backup.output.help"), valueName: "file"))
    var output: String

    func run() throws {
        let credentials = try data.caseFile.credentials()
        let log = try openRecordingWhenFree(credentials)
        defer { log.close() }
        let directory = data.directory
        var archive = TarArchive()
        let now = Date()
        archive.add(name: "keys", contents: try Self.read(directory.appendingPathComponent("keys")), modified: now)
        for name in try log.sealedFileNames() {
            let file = log.sealedFileURL(named: name)
            guard let contents = try? Self.read(file) else { continue }  // removed meanwhile (a discarded draft)
            archive.add(name: name + ".sealed", contents: contents, modified: now)
        }
        let end = log.openingRead.endOffset
        archive.add(name: log.logFileName, contents: try Self.read(directory.appendingPathComponent(log.logFileName), upTo: end),
                    modified: now)
        // A shared folder: the marker, and every other device's log as it is now (each only grows).
        if log.logFileName != "events.log" {
            archive.add(name: "events.log", contents: try Self.read(directory.appendingPathComponent("events.log")), modified: now)
            for peer in log.peers {
                guard let contents = try? Self.read(directory.appendingPathComponent(peer.fileName)) else { continue }
                archive.add(name: peer.fileName, contents: contents, modified: now)
            }
        }
        try OutputFile.write(archive.finished, to: output)
        print(cli("cli.backup.done", count: log.openingRead.recordCount, ["bytes": .number(Int(end)), "file": .text(output)]))
        if log.isReadOnly {
            FileHandleOutput.standardError.write(cli("cli.backup.notRecorded") + "\n")
        } else {
            try log.recordMaintenance(.backup(records: log.openingRead.recordCount, file: output), by: credentials.user)
        }
        if !log.openingRead.damage.isEmpty {
            throw CommandFailure(cli("cli.backup.damaged"),
                                 status: .damagedLog)
        }
    }

    /// The log with its writer lock when it is free, so that the backup is recorded with who made
    /// it; read-only while Refuge runs elsewhere (the backup is then made, but not recorded).
    private func openRecordingWhenFree(_ credentials: Credentials) throws -> EventLog {
        do {
            return try data.caseFile.openLog(as: credentials, mode: .readWrite)
        } catch EventLogError.lockedByAnotherProcess {
            return try data.caseFile.openLog(as: credentials, mode: .readOnly)
        }
    }

    /// One file's bytes (the first `limit` of them, if given) through one open descriptor, so an
    /// atomic replacement meanwhile yields the old or the new version whole.
    private static func read(_ url: URL, upTo limit: UInt64? = nil) throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let contents = try limit.map { try handle.read(upToCount: Int($0)) } ?? handle.readToEnd()
            let data = contents ?? Data()
            if let limit, UInt64(data.count) != limit {
                throw CommandFailure(cli("cli.backup.shortLog", ["path": .text(url.path)]),
                                     status: .cannotOpen)
            }
            return data
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(cli("cli.backup.cannotRead", ["path": .text(url.path), "detail": .text(error.localizedDescription)]), status: .cannotOpen)
        }
    }
}
