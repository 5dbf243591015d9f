import ArgumentParser
import CaseModel
import Foundation

/// `refuge import`: cases from a spreadsheet, all or nothing.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: cli("cli.import.abstract"),
            discussion: cli("cli.import.discussion")
        )
    }

    @Argument(help: ArgumentHelp(cli("cli.import.file.help"), valueName: "file"))
    var file: String
    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(cli("cli.import.dryRun.help")))
    var dryRun = false
    @Option(help: ArgumentHelp(cli("cli.import.encoding.help"),
                               valueName: "name"))
    var encoding: CSVEncoding?
    @Option(help: ArgumentHelp(cli("cli.import.delimiter.help"),
                               valueName: "separator"))
    var delimiter: Delimiter?
    @Option(help: ArgumentHelp(cli("cli.import.sheet.help"),
                               valueName: "name"))
    var sheet: String?
    @Option(name: .customLong("map"), help: ArgumentHelp(cli("cli.import.mappings.help"),
        valueName: "COLUMN=field"))
    var mappings: [String] = []
    @Option(help: ArgumentHelp(cli("cli.import.unmapped.help")))
    var unmapped: ImportChoices.Unmapped = .note

    /// `--delimiter`: a name (a tab is awkward to type) or the character itself.
    struct Delimiter: ExpressibleByArgument {
        let character: Character

        init?(argument: String) {
            switch argument.lowercased() {
            case "comma", ",": character = ","
            case "semicolon", ";": character = ";"
            case "tab", "\t", "\\t": character = "\t"
            default: return nil
            }
        }
    }

    func run() throws {
        // A dry run takes the writer lock when it is free, so that it checks what the import will
        // meet; while Refuge is open elsewhere it still previews, and says the import must wait.
        let book = try data.caseFile.open(dryRun ? .writeWhenFree : .write)
        defer { book.close() }
        let importer = CaseImporter(context: book.calendar, choices: try choices())
        let table = try table()
        let check: ImportCheck
        if dryRun {
            let preview = ImportPreview(table: table, importer: importer)
            print(AppStrings(CommandWords.language).importFormat(table) + ".")
            print(cli("cli.import.columns"))
            for (column, target) in preview.mapping {
                print("  \(column.isEmpty ? cli("cli.import.noHeader") : ImportPreview.shown(column)) → \(target)")  // targets are the names `--map` takes
            }
            check = preview.check
        } else {
            check = importer.check(table)
        }
        if let failure = check.failure { throw rejection(failure) }
        if dryRun {
            print(cli("cli.import.ready", count: check.readyRows))
            if book.isReadOnly { print(cli("cli.import.closeElsewhere")) }
            return
        }
        do {
            print(cli("cli.import.done", count: try book.importCases(table, with: importer)))
        } catch let failure as ImportFailure {
            throw rejection(failure)  // the file changed after the check; the import did not commit
        }
    }

    private func choices() throws -> ImportChoices {
        var mapping: [String: String] = [:]
        for pair in mappings {
            guard let equals = pair.lastIndex(of: "=") else {
                throw CommandFailure(cli("cli.import.badMap", ["pair": .text(pair)]), status: .rejectedInput)
            }
            mapping[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return ImportChoices(unmapped: unmapped, mapping: mapping)
    }

    /// The file's rows, streamed: read once to check, and again to import.
    private func table() throws -> ImportTable {
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CommandFailure(cli("cli.cannotRead", ["file": .text(file)]), status: .rejectedInput)
        }
        do {
            return try ImportPreview.open(url.path, sheet: sheet, encoding: encoding, delimiter: delimiter?.character)
        } catch {
            throw rejection(error)
        }
    }

    private func rejection(_ failure: ImportFailure) -> CommandFailure {
        var lines = failure.errors.map { $0.description(in: language.language) }
        if failure.count > failure.errors.count { lines.append(cli("cli.import.andMore", count: failure.count - failure.errors.count)) }
        lines.append(cli("cli.import.nothingImported", count: failure.count))
        return CommandFailure(lines.joined(separator: "\n"), status: .rejectedInput)
    }
}

extension CSVEncoding: ExpressibleByArgument {}
extension ImportChoices.Unmapped: ExpressibleByArgument {}
