import ArgumentParser
import CaseModel

/// `refuge flag CASE_NUMBER --set FLAG | --clear FLAG`: the case file's flags from the shell.
struct FlagCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "flag",
            abstract: cli("cli.flag.abstract"),
            discussion: cli("cli.flag.discussion")
        )
    }

    @Argument(help: ArgumentHelp(cli("cli.flag.caseNumber.help"), valueName: "case-number"))
    var caseNumber: String
    @Option(help: ArgumentHelp(cli("cli.flag.set.help")))
    var set: String?
    @Option(help: ArgumentHelp(cli("cli.flag.clear.help")))
    var clear: String?
    @OptionGroup var data: DataOption

    func validate() throws {
        if set != nil && clear != nil { throw ValidationError(cli("cli.flag.setOrClear")) }
    }

    func run() throws {
        let book = try data.caseFile.open(set == nil && clear == nil ? .read : .write)
        defer { book.close() }
        guard let caseID = book.store.caseID(numbered: caseNumber) else { throw CaseBook.PartnerRefusal.unknownCase(caseNumber) }
        if let set {
            try book.setFlag(set, on: caseID)
            print(cli("cli.flag.set", ["number": .text(caseNumber), "flag": .text(UserFlags.label(of: set, in: CommandWords.language))]))
        } else if let clear {
            try book.clearFlag(clear, on: caseID)
            print(cli("cli.flag.cleared", ["number": .text(caseNumber), "flag": .text(UserFlags.label(of: clear, in: CommandWords.language))]))
        } else {
            for flag in book.store[caseID]?.userFlags ?? [] { print(flag) }
        }
    }
}
