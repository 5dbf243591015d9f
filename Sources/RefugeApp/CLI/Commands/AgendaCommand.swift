import ArgumentParser
import CaseModel

/// `refuge agenda`: the follow-ups overdue, due today and due in the next days, for a
/// coordinator's weekly review. Only reads, so it works while the application is open.
struct AgendaCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agenda",
            abstract: cli("cli.agenda.abstract"),
            discussion: cli("cli.agenda.discussion")
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Option(help: ArgumentHelp(cli("cli.agenda.user.help"), valueName: "name"))
    var user: String?
    @Option(help: ArgumentHelp(cli("cli.agenda.days.help")))
    var days: Int = 7
    @Option(help: ArgumentHelp(cli("cli.agenda.on.help"), valueName: "date"),
            transform: DateArgument.parse)
    var on: CalendarDate?
    @Option(help: ArgumentHelp(cli("cli.agenda.format.help")))
    var format: Format = .text

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError(cli("cli.agenda.daysRange")) }
    }

    func run() throws {
        let book = try data.caseFile.open(.read)
        defer { book.close() }
        let agenda = Agenda(store: book.store, today: on ?? book.calendar.today, days: days, owner: user)
        let rendered = switch format {
        case .text: AgendaText(strings: AppStrings(language.language), days: days).render(agenda, numbers: book.store)
        case .json: AgendaJSONRenderer.render(agenda, days: days)
        }
        FileHandleOutput.standardOutput.write(rendered)
    }
}

/// The agenda as lines of text: a heading per group, then one line per follow-up.
struct AgendaText {
    let strings: AppStrings
    let days: Int

    func render(_ agenda: Agenda, numbers store: CaseStore) -> String {
        let text = CaseText(strings: strings)
        var lines: [String] = []
        for (heading, items) in [(strings.agendaOverdue, agenda.overdue), (strings.agendaToday, agenda.dueToday),
                                 (strings.agendaNextDays(days), agenda.upcoming)] {
            lines.append("\(heading) (\(items.count))")
            for item in items {
                lines.append("  \(item.caseNumber)  \(item.due.dotted)  \(item.owner)  \(text.followUp(item))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
