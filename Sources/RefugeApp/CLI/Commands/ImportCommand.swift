import ArgumentParser
import CaseModel
import Foundation

/// `refuge import`: cases from a spreadsheet, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import cases from a CSV file or an Excel workbook: every row is checked first, then all are saved or none.",
        discussion: """
            The header row names the columns: Refuge's field keys (as `refuge export --identifiable` \
            writes them), HTCDS 2.0 template names or labels, or field labels in English, Russian or \
            Kazakh; columns that are no field become an imported note (or --unmapped ignore). A CSV \
            file may be UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or \
            Windows-1251 (a Russian Excel's "CSV"), its cells separated by commas, semicolons or \
            tabs; both are detected. An Excel workbook (.xlsx, .xlsm) is read directly. Any \
            error is listed with its row, column, value (at most 40 characters of it) and reason, \
            and nothing is imported (exit 1). --dry-run checks exactly what the import checks, \
            and saves nothing.
            """
    )

    @Argument(help: ArgumentHelp("The CSV file or Excel workbook (.xlsx, .xlsm).", valueName: "file"))
    var file: String
    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Flag(name: .customLong("dry-run"), help: "Check the file and report; change nothing.")
    var dryRun = false
    @Option(help: ArgumentHelp("The text encoding: utf-8, utf-16 or windows-1251 (detected when not given).",
                               valueName: "name"))
    var encoding: CSVEncoding?
    @Option(help: ArgumentHelp("The cell separator: comma, semicolon, tab or the character (detected when not given).",
                               valueName: "separator"))
    var delimiter: Delimiter?
    @Option(help: ArgumentHelp("The sheet of an Excel workbook to read (the first holding data when not given).",
                               valueName: "name"))
    var sheet: String?
    @Option(name: .customLong("map"), help: ArgumentHelp(
        "Map a column by hand: its header, '=', then a field key, status, note or ignore (repeatable).",
        valueName: "COLUMN=field"))
    var mappings: [String] = []
    @Option(help: "Columns that are no Refuge field: note (kept in an imported note on each case) or ignore.")
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
            print(preview.format + ".")
            print("Columns:")
            for (column, target) in preview.mapping {
                print("  \(column.isEmpty ? "(no header)" : ImportPreview.shown(column)) → \(target)")
            }
            check = preview.check
        } else {
            check = importer.check(table)
        }
        if let failure = check.failure { throw rejection(failure) }
        if dryRun {
            print("\(check.readyRows) cases are ready to import; nothing was changed (dry run).")
            if book.isReadOnly { print("Refuge is open elsewhere: close it before importing.") }
            return
        }
        do {
            print("Imported \(try book.importCases(table, with: importer)) cases.")
        } catch let failure as ImportFailure {
            throw rejection(failure)  // the file changed after the check; the import did not commit
        }
    }

    private func choices() throws -> ImportChoices {
        var mapping: [String: String] = [:]
        for pair in mappings {
            guard let equals = pair.lastIndex(of: "=") else {
                throw CommandFailure("--map takes COLUMN=field, not “\(pair)”.", status: .rejectedInput)
            }
            mapping[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return ImportChoices(unmapped: unmapped, mapping: mapping)
    }

    /// The file's rows, streamed: read once to check, and again to import.
    private func table() throws -> ImportTable {
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CommandFailure("Cannot read \(file).", status: .rejectedInput)
        }
        do {
            return try ImportPreview.open(url.path, sheet: sheet, encoding: encoding, delimiter: delimiter?.character)
        } catch {
            throw rejection(error)
        }
    }

    private func rejection(_ failure: ImportFailure) -> CommandFailure {
        var lines = failure.errors.map { $0.description(in: language.language) }
        if failure.count > failure.errors.count { lines.append("… and \(failure.count - failure.errors.count) more.") }
        lines.append("Nothing was imported (\(failure.count) problems).")
        return CommandFailure(lines.joined(separator: "\n"), status: .rejectedInput)
    }
}

extension CSVEncoding: ExpressibleByArgument {}
extension ImportChoices.Unmapped: ExpressibleByArgument {}
