import ArgumentParser
import CaseModel
import Foundation

/// `refuge conflicts [--format json]`: every field that laptops edited apart, each value with who
/// set it, on which laptop and when; `refuge conflicts --case N --field F --value V` (or `--keep
/// K`) records the choice, which every laptop then shows (docs/sync.md, "Conflicts").
struct ConflictsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "conflicts", abstract: cli("cli.conflicts.abstract"),
                             discussion: cli("cli.conflicts.discussion"))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var data: DataOption
    @Option(help: ArgumentHelp(cli("cli.stats.format.help")))
    var format: Format = .text
    @Option(name: .customLong("case"), help: ArgumentHelp(cli("cli.conflicts.case.help"), valueName: "case-number"))
    var caseNumber: String?
    @Option(help: ArgumentHelp(cli("cli.conflicts.field.help")))
    var field: String?
    @Option(help: ArgumentHelp(cli("cli.conflicts.value.help")))
    var value: String?
    @Option(help: ArgumentHelp(cli("cli.conflicts.keep.help")))
    var keep: Int?

    func validate() throws {
        let choosing = value != nil || keep != nil
        if value != nil && keep != nil { throw ValidationError(cli("cli.conflicts.valueOrKeep")) }
        if choosing && (caseNumber == nil || field == nil) { throw ValidationError(cli("cli.conflicts.choosingNeeds")) }
    }

    func run() throws {
        let choosing = value != nil || keep != nil
        // The values in conflict are read from the cases' histories.
        let book = try data.caseFile.open(choosing ? .write : .read, keepsHistory: true)
        defer { book.close() }
        if choosing, let caseNumber, let field {
            guard let caseID = book.store.caseID(numbered: caseNumber) else { throw CaseBook.PartnerRefusal.unknownCase(caseNumber) }
            let key = FieldKey(rawValue: field)
            guard let conflict = try book.conflicts(of: caseID).first(where: { $0.key == key }) else {
                throw CommandFailure(cli("cli.conflicts.notInConflict", ["number": .text(caseNumber), "field": .text(field)]), status: .rejectedInput)
            }
            let chosen: FieldValue?
            if let keep {
                guard conflict.edits.indices.contains(keep - 1) else {
                    throw CommandFailure(cli("cli.conflicts.keepRange", ["last": .number(conflict.edits.count)]), status: .rejectedInput)
                }
                chosen = conflict.edits[keep - 1].value
            } else {
                chosen = try CaseValueArgument.parse(value ?? "", for: key)
            }
            try book.resolveConflict(in: caseID, field: key, choosing: chosen)
            print(cli("cli.conflicts.chosen", ["number": .text(caseNumber), "field": .text(field),
                                              "value": .text(chosen.map(CaseValueArgument.text) ?? "")]))
            return
        }
        let listed = try book.store.records.flatMap { record in
            try book.conflicts(of: record.id).map { ListedConflict(caseNumber: record.number.description, conflict: $0) }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandleOutput.standardOutput.write(String(decoding: try encoder.encode(["conflicts": listed]), as: UTF8.self) + "\n")
        case .text:
            if listed.isEmpty { print(cli("cli.conflicts.none")) }
            for item in listed {
                print("\(item.caseNumber) \(item.field):")
                for (index, edit) in item.values.enumerated() {
                    print("  " + cli("cli.conflicts.valueLine", ["index": .number(index + 1), "value": .text(edit.value ?? cli("cli.conflicts.empty")),
                                                                "author": .text(edit.author), "device": .text(String(edit.device.prefix(6))),
                                                                "time": .text(edit.time)]))
                }
            }
        }
    }

    /// One conflict as listed: the same on every laptop that holds the same events.
    struct ListedConflict: Encodable {
        struct Value: Encodable {
            let value: String?
            let author: String
            let device: String
            let time: String
        }

        let caseNumber: String
        let field: String
        let values: [Value]

        init(caseNumber: String, conflict: FieldConflict) {
            self.caseNumber = caseNumber
            field = conflict.key.rawValue
            values = conflict.edits.map { edit in
                Value(value: edit.value.map(CaseValueArgument.text), author: edit.author, device: edit.device.description,
                      time: ISO8601DateFormatter().string(from: edit.time.date))
            }
        }

        enum CodingKeys: String, CodingKey { case caseNumber = "case", field, values }
    }
}

/// A field's value typed on the command line, read as an import reads a cell, and shown back the same way.
enum CaseValueArgument {
    static func parse(_ text: String, for key: FieldKey) throws -> FieldValue? {
        guard let field = IntakeSchema.standard.field(key) else {
            throw CommandFailure(cli("cli.caseValue.noField", ["field": .text(key.rawValue)]), status: .rejectedInput)
        }
        let parsed = FieldInputParser.parse(text, for: field)
        if parsed.hasErrors {
            throw CommandFailure(cli("cli.caseValue.invalid", ["field": .text(key.rawValue), "text": .text(text)]), status: .rejectedInput)
        }
        return parsed.value
    }

    static func text(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): text
        case .date(let date): date.iso
        case .number(let number): String(number)
        case .code(let code): code
        case .codes(let codes): codes.joined(separator: ";")
        }
    }
}
