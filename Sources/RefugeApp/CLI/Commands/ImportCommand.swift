import ArgumentParser
import CaseModel
import Foundation

/// `refuge import`: cases from a spreadsheet, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import cases from a CSV file: every row is checked first, then all are saved or none.",
        discussion: """
            The header row holds field keys, as `refuge export --identifiable` writes them. Any \
            error is listed with its row, column, value and reason, and nothing is imported (exit 1). \
            --dry-run only checks.
            """
    )

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String
    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Flag(name: .customLong("dry-run"), help: "Check the file and report; change nothing.")
    var dryRun = false

    func run() throws {
        let text = try readFile()
        let book = try data.caseFile.open(dryRun ? .read : .write)
        defer { book.close() }
        let importer = CaseImporter(context: book.calendar)
        if dryRun {
            let cases = try importer.validate(csv: text).mapError(rejection).get()
            print("\(cases.count) cases are ready to import; nothing was changed (dry run).")
            return
        }
        let events = try book.withFactory { importer.events(csv: text, factory: &$0) }.mapError(rejection).get()
        let before = book.store.caseCount
        try book.append(events)
        print("Imported \(book.store.caseCount - before) cases.")
    }

    private func readFile() throws -> String {
        guard let data = FileManager.default.contents(atPath: (file as NSString).expandingTildeInPath) else {
            throw CommandFailure("Cannot read \(file).", status: .rejectedInput)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(file) is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”.",
                                 status: .rejectedInput)
        }
        return text
    }

    private func rejection(_ failure: ImportFailure) -> CommandFailure {
        let lines = failure.errors.map { $0.description(in: language.language) }
        return CommandFailure((lines + ["Nothing was imported (\(failure.errors.count) problems)."]).joined(separator: "\n"),
                              status: .rejectedInput)
    }
}
