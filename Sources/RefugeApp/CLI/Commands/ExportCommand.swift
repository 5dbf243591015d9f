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
            throw ValidationError("--labels is for people's csv and workbooks; json, ctdc and htcds keep their codes")
        }
        if format == .json && ExportFormat.tableFormat(forFileNamed: output) == .xlsx {
            throw ValidationError("json is not a workbook: give -o FILE.json, or --format csv for FILE.xlsx")
        }
        if ExportFormat.tableFormat(forFileNamed: output) == .xlsx && stdout {
            throw ValidationError("a workbook is written only to a file")
        }
        let identifiable = identifiable || format == .htcds
        if stdout && output != nil { throw ValidationError(cli("cli.export.outputOrStdout")) }
        // Names on a terminal stay in its scrollback; a shell redirection makes a 0644 file.
        if identifiable && output == nil && !stdout {
            throw ValidationError(cli("cli.export.identifiableNeedsOutput"))
        }
        if !recipients.isEmpty && passphraseFile != nil {
            throw ValidationError("give either --recipient or --passphrase-file: age opens a passphrase file only when it has no other recipient")
        }
        if (!recipients.isEmpty || passphraseFile != nil) && output == nil {
            throw ValidationError("an encrypted export is written to a file: give -o FILE")
        }
    }

    /// Who can open the file; empty for a plain file. Checked before the case file is opened.
    private func ageRecipients() throws -> [AgeRecipient] {
        if let passphraseFile {
            let path = (passphraseFile as NSString).expandingTildeInPath
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("Cannot read the passphrase file \(passphraseFile). Nothing was exported.", status: .cannotOpen)
            }
            let passphrase = String(decoding: contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) } ?? ""
            guard !passphrase.isEmpty else {
                throw CommandFailure("The passphrase file \(passphraseFile) is empty. Nothing was exported.", status: .rejectedInput)
            }
            return [.passphrase(passphrase)]
        }
        return try recipients.map { text -> AgeRecipient in
            do {
                return .x25519(try X25519Recipient(parsing: text))
            } catch let error as AgeError {
                guard case .invalidRecipient(let problem) = error else { throw error }
                throw CommandFailure("Refused: \(CaseBook.PartnerRefusal.recipientProblem(problem)) (\(text)). Nothing was exported.",
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
