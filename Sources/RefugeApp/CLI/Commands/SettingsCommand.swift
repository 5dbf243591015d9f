import ArgumentParser
import CaseModel

/// `refuge settings`: the organisation's rules for derived follow-ups. They live in the log (the
/// last `caseworkSettingsChanged` event stands), so every laptop of the shelter follows them.
struct SettingsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "settings",
            abstract: cli("cli.settings.abstract"),
            discussion: cli("cli.settings.discussion")
        )
    }

    @OptionGroup var data: DataOption
    @Option(name: .customLong("reassessment-days"), help: ArgumentHelp(cli("cli.settings.reassessmentDays.help")))
    var reassessmentDays: Int?
    @Option(name: .customLong("reflection-days"), help: ArgumentHelp(cli("cli.settings.reflectionDays.help")))
    var reflectionDays: Int?
    @Option(name: .customLong("referral-outcome-days"), help: ArgumentHelp(cli("cli.settings.referralOutcomeDays.help")))
    var referralOutcomeDays: Int?

    private var changes: Bool { reassessmentDays != nil || reflectionDays != nil || referralOutcomeDays != nil }

    func validate() throws {
        for (name, value) in [("--reassessment-days", reassessmentDays), ("--reflection-days", reflectionDays),
                              ("--referral-outcome-days", referralOutcomeDays)] {
            if let value, !CaseworkSettings.allowedDays.contains(value) {
                throw ValidationError(cli("cli.settings.daysRange", ["option": .text(name)]))
            }
        }
    }

    func run() throws {
        let book = try data.caseFile.open(changes ? .write : .read)
        defer { book.close() }
        var settings = book.store.caseworkSettings
        if changes {
            guard book.isCoordinator else { throw CaseBook.NotPermitted.coordinatorsOnly(action: "change the settings") }
            settings.reassessmentDays = reassessmentDays ?? settings.reassessmentDays
            settings.reflectionDays = reflectionDays ?? settings.reflectionDays
            settings.referralOutcomeDays = referralOutcomeDays ?? settings.referralOutcomeDays
            if settings != book.store.caseworkSettings { try book.record([.caseworkSettingsChanged(settings)]) }
        }
        print("""
            reassessment-days: \(settings.reassessmentDays)
            reflection-days: \(settings.reflectionDays)
            referral-outcome-days: \(settings.referralOutcomeDays)
            """)
    }
}
