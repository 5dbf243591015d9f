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
        case csv, json, ctdc
    }

    @OptionGroup var data: DataOption
    @Option(help: ArgumentHelp(cli("cli.export.format.help")))
    var format: Format = .csv
    @Flag(help: ArgumentHelp(cli("cli.export.identifiable.help")))
    var identifiable = false
    @Option(name: .shortAndLong, help: ArgumentHelp(cli("cli.export.output.help"),
                                                    valueName: "file"))
    var output: String?
    @Flag(help: ArgumentHelp(cli("cli.export.stdout.help")))
    var stdout = false

    func validate() throws {
        if identifiable && format == .ctdc { throw ValidationError(cli("cli.export.ctdcAnonymised")) }
        if stdout && output != nil { throw ValidationError(cli("cli.export.outputOrStdout")) }
        // Names on a terminal stay in its scrollback; a shell redirection makes a 0644 file.
        if identifiable && output == nil && !stdout {
            throw ValidationError(cli("cli.export.identifiableNeedsOutput"))
        }
    }

    func run() throws {
        let variant: ExportVariant = identifiable ? .identifiable : (format == .ctdc ? .ctdc : .anonymised)
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        let text = try book.export(variant, format: format == .json ? .json : .csv)
        if let output {
            try OutputFile.write(Data(text.utf8), to: output)
        } else {
            FileHandleOutput.standardOutput.write(text)
        }
    }
}
