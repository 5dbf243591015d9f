import ArgumentParser
import CaseModel

/// `refuge stats`: the shelter's yearly figures, with small groups hidden. Only reads, so it works
/// while the application is open.
struct StatsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "stats",
            abstract: cli("cli.stats.abstract"),
            discussion: cli("cli.stats.discussion")
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Option(help: ArgumentHelp(cli("cli.stats.from.help"), valueName: "date"),
            transform: DateArgument.parse)
    var from: CalendarDate?
    @Option(help: ArgumentHelp(cli("cli.stats.to.help"), valueName: "date"), transform: DateArgument.parse)
    var to: CalendarDate?
    @Option(name: .customLong("min-cell"), help: ArgumentHelp(cli("cli.stats.minCell.help")))
    var minCell: Int = 5
    @Option(help: ArgumentHelp(cli("cli.stats.format.help")))
    var format: Format = .text

    func validate() throws {
        guard minCell >= 1 else { throw ValidationError(cli("cli.stats.minCellTooSmall")) }
        if let from, let to, from > to { throw ValidationError(cli("cli.stats.fromAfterTo")) }
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
