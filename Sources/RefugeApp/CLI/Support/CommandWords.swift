import ArgumentParser
import CaseModel

/// The command line's own words — `--help`, messages, failures — in the user's language. It is
/// known before ArgumentParser reads the arguments (the help text is built from it), so it is
/// taken from the raw arguments (`--lang xx` or `--lang=xx`) and the locale variables, the same
/// choice `LanguageOption` makes once they are parsed.
enum CommandWords {
    static let language: Language = resolve(Array(CommandLine.arguments.dropFirst()), environment: .current)

    static func resolve(_ arguments: [String], environment: CommandEnvironment) -> Language {
        var option: Language?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { option = Language(rawValue: arguments[index + 1].lowercased()) }
            if argument.hasPrefix("--lang=") { option = Language(rawValue: String(argument.dropFirst(7)).lowercased()) }
        }
        return LanguageChoice.resolve(option, environment: environment)
    }

    /// ArgumentParser's help with its own headings and built-in flags in the user's language
    /// (ArgumentParser writes them in English only).
    static func translatingHelp(_ help: String) -> String {
        let headings = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:"]
        var lines: [String] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            for heading in headings where text.hasPrefix(heading) {
                text = cli("cli.help.\(heading.dropLast().lowercased())") + text.dropFirst(heading.count - 1)
            }
            text = text.replacing("Show help information.", with: cli("cli.help.showHelp"))
                .replacing("Show the version.", with: cli("cli.help.showVersion"))
                .replacing("(default: ", with: cli("cli.help.default") + " ")
                .replacing("; default: ", with: "; " + cli("cli.help.defaultInline") + " ")
                .replacing("(values: ", with: cli("cli.help.values") + " ")
            if let match = text.wholeMatch(of: /\ \ See '(.+) <subcommand>' for detailed help\./) {
                text = "  " + cli("cli.help.seeSubcommand", ["command": .text(String(match.1))])
            }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }
}

/// The command line's words (`cli.*` keys), in `CommandWords.language`.
let cli = Words(CommandWords.language)
