import ArgumentParser
import CaseModel
import Foundation

/// `--data DIR`, shared by every command that opens a case file.
struct DataOption: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(cli("cli.option.data.path.help"),
        valueName: "dir"))
    var path: String?
    @Option(name: .customLong("state"), help: ArgumentHelp(cli("cli.option.state.help"), valueName: "dir"))
    var statePath: String?

    /// The directory this command works on.
    var directory: URL { DataLocation.resolve(path, environment: .current) }

    /// This computer's state directory for it.
    var state: URL { DataLocation.resolveState(statePath, for: directory, environment: .current) }

    /// The case file in that directory, opened the way this command needs.
    var caseFile: CaseFileAccess { CaseFileAccess(directory: directory, state: state, environment: .current) }
}

/// `--lang en|ru|kk`, for commands whose output is prose.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(cli("cli.option.lang.choice.help"), valueName: "code"),
            transform: LanguageOption.parse)
    var choice: Language?

    var language: Language { LanguageChoice.resolve(choice, environment: .current) }

    static func parse(_ text: String) throws -> Language {
        guard let language = Language(rawValue: text.lowercased()) else {
            throw ValidationError(cli("cli.option.unknownLanguage", ["text": .text(text)]))
        }
        return language
    }
}

/// Dates on the command line: `2025-01-31` or `31.01.2025`.
enum DateArgument {
    static func parse(_ text: String) throws -> CalendarDate {
        switch DateParser.parse(text) {
        case .success(let date): return date
        case .failure: throw ValidationError(cli("cli.option.notADate", ["text": .text(text)]))
        }
    }
}
