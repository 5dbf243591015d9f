import AgeEncryption
import ArgumentParser
import CaseModel
import Foundation

/// `refuge export`: the cases as a file. Anonymised by default; identifiable only for
/// coordinators, and always recorded.
///
/// Recording: every export is recorded as an event, so it needs the writer lock; while the
/// application holds it, the export is refused (naming the holder) — the open application's
/// Reports screen exports and records it there.
struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: cli("cli.export.abstract"),
            discussion: cli("cli.export.discussion")
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, ctdc, htcds
    }

    @OptionGroup var data: DataOption
    @Option(help: ArgumentHelp(cli("cli.export.format.help")))
    var format: Format = .csv
    @Flag(help: ArgumentHelp(cli("cli.export.identifiable.help")))
    var identifiable = false
    @Flag(help: ArgumentHelp(cli("cli.export.labels.help")))
    var labels = false
    @OptionGroup var language: LanguageOption
    @Option(name: .shortAndLong, help: ArgumentHelp(cli("cli.export.output.help"),
                                                    valueName: "file"))
    var output: String?
    @Flag(help: ArgumentHelp(cli("cli.export.stdout.help")))
    var stdout = false
    @Option(name: .customLong("recipient"), help: ArgumentHelp(cli("cli.export.recipients.help"), valueName: "age1…"))
    var recipients: [String] = []
    @Option(help: ArgumentHelp(cli("cli.export.passphraseFile.help"), valueName: "file"))
    var passphraseFile: String?

    func validate() throws {
        if identifiable && format == .ctdc { throw ValidationError(cli("cli.export.ctdcAnonymised")) }
        if labels && format != .csv {
            throw ValidationError(cli("cli.export.labelsForPeople"))
        }
        if format == .json && ExportFormat.tableFormat(forFileNamed: output) == .xlsx {
            throw ValidationError(cli("cli.export.jsonNotWorkbook"))
        }
        if ExportFormat.tableFormat(forFileNamed: output) == .xlsx && stdout {
            throw ValidationError(cli("cli.export.workbookToFile"))
        }
        let identifiable = identifiable || format == .htcds
        if stdout && output != nil { throw ValidationError(cli("cli.export.outputOrStdout")) }
        // Names on a terminal stay in its scrollback; a shell redirection makes a 0644 file.
        if identifiable && output == nil && !stdout {
            throw ValidationError(cli("cli.export.identifiableNeedsOutput"))
        }
        if !recipients.isEmpty && passphraseFile != nil {
            throw ValidationError(cli("cli.export.recipientOrPassphrase"))
        }
        if (!recipients.isEmpty || passphraseFile != nil) && output == nil {
            throw ValidationError(cli("cli.export.encryptedToFile"))
        }
    }

    /// Who can open the file; empty for a plain file. Checked before the case file is opened.
    private func ageRecipients() throws -> [AgeRecipient] {
        if let passphraseFile {
            let path = (passphraseFile as NSString).expandingTildeInPath
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(cli("cli.export.passphraseFileUnreadable", ["file": .text(passphraseFile)]), status: .cannotOpen)
            }
            let passphrase = String(decoding: contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) } ?? ""
            guard !passphrase.isEmpty else {
                throw CommandFailure(cli("cli.export.passphraseFileEmpty", ["file": .text(passphraseFile)]), status: .rejectedInput)
            }
            return [.passphrase(passphrase)]
        }
        return try recipients.map { text -> AgeRecipient in
            do {
                return .x25519(try X25519Recipient(parsing: text))
            } catch let error as AgeError {
                guard case .invalidRecipient(let problem) = error else { throw error }
                let words = AppStrings(CommandWords.language).partnerRefusal(.details(.invalidRecipient(problem)))
                throw CommandFailure(cli("cli.export.recipientRefused", ["problem": .text(words), "recipient": .text(text)]),
                                     status: .rejectedInput)
            }
        }
    }

    func run() throws {
        let variant: ExportVariant = switch format {
        case .htcds: .htcds
        case .ctdc: .ctdc
        case .csv, .json: identifiable ? .identifiable : .anonymised
        }
        let recipients = try ageRecipients()
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        let bytes = try book.export(variant, format: format == .json ? .json : ExportFormat.tableFormat(forFileNamed: output),
                                    wording: labels ? .labels(language.language) : .codes)
        if let output {
            try OutputFile.write(recipients.isEmpty ? bytes : Data(try AgeWriter.encrypt(Array(bytes), to: recipients)), to: output)
        } else {
            FileHandleOutput.standardOutput.write(String(decoding: bytes, as: UTF8.self))
        }
    }
}
