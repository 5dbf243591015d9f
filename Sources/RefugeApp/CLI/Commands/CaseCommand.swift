import ArgumentParser
import CaseModel

/// `refuge case`: one case's answers from the shell.
struct CaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "case", abstract: cli("cli.case.abstract"), subcommands: [CaseSetCommand.self])
    }
}

/// `refuge case set CASE_NUMBER FIELD=VALUE...`: saves the changed fields as one edit, as the case
/// file's form does (an empty VALUE clears the field).
struct CaseSetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "set", abstract: cli("cli.caseset.abstract"))
    }

    @Argument(help: ArgumentHelp(cli("cli.conflicts.case.help"), valueName: "case-number"))
    var caseNumber: String
    @Argument(help: ArgumentHelp(cli("cli.caseset.assignments.help"), valueName: "field=value"))
    var assignments: [String]
    @OptionGroup var data: DataOption

    func run() throws {
        // Every value is read before the case file is opened for writing: a bad one changes nothing.
        var answers: [FieldKey: FieldValue?] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw CommandFailure(cli("cli.caseset.notAssignment", ["assignment": .text(assignment)]), status: .rejectedInput)
            }
            let key = FieldKey(rawValue: String(assignment[..<equals]))
            answers[key] = try CaseValueArgument.parse(String(assignment[assignment.index(after: equals)...]), for: key)
        }
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard let caseID = book.store.caseID(numbered: caseNumber), var values = book.store[caseID]?.values else {
            throw CaseBook.PartnerRefusal.unknownCase(caseNumber)
        }
        for (key, value) in answers { values[key] = value }
        let changed = try book.updateCase(caseID, to: values)
        print(cli(changed ? "cli.caseset.saved" : "cli.caseset.unchanged", ["number": .text(caseNumber)]))
    }
}
