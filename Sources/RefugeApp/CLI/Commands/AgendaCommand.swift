import ArgumentParser
import CaseModel

/// `refuge agenda`: the follow-ups overdue, due today and due in the next days, for a
/// coordinator's weekly review. Only reads, so it works while the application is open.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Print the follow-ups that are overdue, due today and due in the next days.",
        discussion: """
            Follow-ups are made by hand or derived (plan actions, referral outcomes, reassessments, \
            the end of the reflection period; see docs/user-guide.md). The JSON form is a stable \
            contract described in docs/command-line.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption
    @Option(help: ArgumentHelp("Only this user's follow-ups (default: everyone's).", valueName: "name"))
    var user: String?
    @Option(help: "How many days ahead to look, after today.")
    var days: Int = 7
    @Option(help: ArgumentHelp("The day to make the agenda for (default: today).", valueName: "date"),
            transform: DateArgument.parse)
    var on: CalendarDate?
    @Option(help: "text or json.")
    var format: Format = .text

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be between 0 and 366") }
    }

    func run() throws {
        let book = try data.caseFile.open(.read)
        defer { book.close() }
        let agenda = Agenda(cases: book.store.records, settings: book.store.caseworkSettings,
                            today: on ?? book.calendar.today, days: days, owner: user)
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
