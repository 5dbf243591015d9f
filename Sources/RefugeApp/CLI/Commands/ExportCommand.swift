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
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the cases as CSV, an Excel workbook or JSON (anonymised unless --identifiable).",
        discussion: """
            Anonymised: no names, exact dates or free text; a stable pseudonymous id; people who \
            refused anonymous statistics are left out. ctdc: anonymised, with the columns of IOM's \
            CTDC data set. htcds: every field in the columns of IOM's HTCDS 2.0 template (identifiable). \
            --identifiable: every field (the format `refuge import` reads); coordinators only. \
            --labels: headers and answers in words of --lang, for people (csv only; json, ctdc and \
            htcds keep codes). -o FILE.xlsx writes an Excel workbook whose cells keep their types. Every export is recorded in the case file, so it is refused while Refuge \
            is open elsewhere (export from its Reports screen, F9 then F5, instead). --identifiable is \
            written only to a file (-o, mode 0600), or to standard output when --stdout says so. \
            With --recipient age1… (repeatable) or --passphrase-file FILE the file is an age-encrypted \
            file (https://age-encryption.org/v1) that `age -d` opens.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, ctdc, htcds
    }

    @OptionGroup var data: DataOption
    @Option(help: "csv, json, ctdc (CTDC's columns) or htcds (HTCDS 2.0 template's columns; identifiable).")
    var format: Format = .csv
    @Flag(help: "Include names, dates and free text (coordinators only; recorded).")
    var identifiable = false
    @Flag(help: "Headers and answers in words of --lang, dates as that language writes them (for people; csv only).")
    var labels = false
    @OptionGroup var language: LanguageOption
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.",
                                                    valueName: "file"))
    var output: String?
    @Flag(help: "Write an identifiable export to standard output (where it may stay in the terminal's scrollback).")
    var stdout = false
    @Option(name: .customLong("recipient"), help: ArgumentHelp(
        "Encrypt the file to this age public key (repeatable).", valueName: "age1…"))
    var recipients: [String] = []
    @Option(help: ArgumentHelp("Encrypt the file with the passphrase in this file (its first line).", valueName: "file"))
    var passphraseFile: String?

    func validate() throws {
        if identifiable && format == .ctdc { throw ValidationError("the ctdc format is always anonymised") }
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
        if stdout && output != nil { throw ValidationError("give either -o FILE or --stdout, not both") }
        // Names on a terminal stay in its scrollback; a shell redirection makes a 0644 file.
        if identifiable && output == nil && !stdout {
            throw ValidationError("an identifiable export needs -o FILE (written with mode 0600), or --stdout to send it to standard output")
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
