import ArgumentParser
import CaseModel

/// `refuge stats`: the shelter's yearly figures, with small groups hidden. Only reads, so it works
/// while the application is open.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the statistics of a period, by intake date, with small groups suppressed.",
        discussion: """
            Groups of 1 to N-1 people (N = --min-cell, default 5) are never shown: they are merged \
            into "other", and a still-small "other" is shown as suppressed. The JSON form is a stable \
            contract described in docs/command-line.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Option(help: ArgumentHelp("First intake day included (2025-01-01 or 01.01.2025).", valueName: "date"),
            transform: DateArgument.parse)
    var from: CalendarDate?
    @Option(help: ArgumentHelp("Last intake day included.", valueName: "date"), transform: DateArgument.parse)
    var to: CalendarDate?
    @Option(name: .customLong("min-cell"), help: "Smallest group shown; 1 turns suppression off.")
    var minCell: Int = 5
    @Option(help: "text, json or csv.")
    var format: Format = .text

    func validate() throws {
        guard minCell >= 1 else { throw ValidationError("--min-cell must be 1 or more") }
        if let from, let to, from > to { throw ValidationError("--from is after --to") }
    }

    func run() throws {
        let book = try data.caseFile.open(.read)
        defer { book.close() }
        // Smaller groups can single a person out: only a coordinator may ask for them.
        if minCell < StatisticsQuery().minCell, !book.isCoordinator {
            throw CaseBook.NotPermitted.coordinatorsOnly(action: "lower --min-cell")
        }
        let report = StatisticsBuilder.report(for: book.store.records,
                                              query: StatisticsQuery(from: from, to: to, minCell: minCell))
        let rendered = switch format {
        case .text: StatisticsTextRenderer.render(report, in: language.language)
        case .json: StatisticsJSONRenderer.render(report)
        case .csv: StatisticsCSVRenderer.render(report, in: language.language)
        }
        FileHandleOutput.standardOutput.write(rendered)
    }
}
