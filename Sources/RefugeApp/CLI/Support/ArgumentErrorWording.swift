import CaseModel

/// ArgumentParser's own errors (a missing argument, an unknown option, an invalid value) in the
/// user's language. ArgumentParser writes them in English only and keeps their kinds to itself,
/// so each kind is known by its English sentence and said again from the catalog; a message this
/// table does not know (a new ArgumentParser) is passed on as it came.
enum ArgumentErrorWording {
    static func translating(_ message: String) -> String {
        var lines: [String] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Error: ") {
                lines.append(cli("cli.usage.error", ["message": .text(sentence(String(line.dropFirst(7))))]))
            } else if line.hasPrefix("Help:  ") {
                lines.append(cli("cli.usage.helpLine", ["text": .text(String(line.dropFirst(7)))]))
            } else if line.hasPrefix("Usage: ") {
                lines.append(cli("cli.usage.usageLine", ["usage": .text(String(line.dropFirst(7)))]))
            } else if let match = line.wholeMatch(of: /\ \ See '(.+)' for more information\./) {
                lines.append("  " + cli("cli.usage.seeHelp", ["command": .text(String(match.1))]))
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One of ArgumentParser's sentences, by its kind.
    static func sentence(_ text: String) -> String {
        if let match = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return cli("cli.usage.missingArgument", ["argument": .text(quoted(match.1))])
        }
        if let match = text.wholeMatch(of: /Missing one of: '(.+)'/) {
            return cli("cli.usage.missingOneOf", ["arguments": .text(quoted(match.1))])
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+?)'\. Did you mean '(.+)'\?/) {
            return cli("cli.usage.unknownOptionSuggestion", ["option": .text(quoted(match.1)), "suggestion": .text(quoted(match.2))])
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'/) {
            return cli("cli.usage.unknownOption", ["option": .text(quoted(match.1))])
        }
        if let match = text.wholeMatch(of: /Missing value for '(.+)'/) {
            return cli("cli.usage.missingValue", ["option": .text(quoted(match.1))])
        }
        if let match = text.wholeMatch(of: /The value '(.*?)' is invalid for '(.+?)'(.*)/) {
            return invalidValue(value: quoted(match.1), option: quoted(match.2), rest: String(match.3))
        }
        if let match = text.wholeMatch(of: /Unexpected argument '(.+)'/) {
            return cli("cli.usage.unexpectedArgument", count: 1, ["arguments": .text(quoted(match.1))])
        }
        if let match = text.wholeMatch(of: /(\d+) unexpected arguments: '(.+)'/) {
            return cli("cli.usage.unexpectedArgument", count: Int(match.1) ?? 2, ["arguments": .text(quoted(match.2))])
        }
        if let match = text.wholeMatch(of: /The option '(.+?)' does not take any value, but '(.*)' was specified\./) {
            return cli("cli.usage.noValueTaken", ["option": .text(quoted(match.1)), "value": .text(quoted(match.2))])
        }
        if text == "Missing required subcommand." { return cli("cli.usage.missingSubcommand") }
        if let match = text.wholeMatch(of: /Invalid option: (.+)/) {
            return cli("cli.usage.invalidOption", ["option": .text(quoted(match.1))])
        }
        return text
    }

    /// "The value 'x' is invalid for '--kind <kind>'" and what follows: the choices, or why.
    private static func invalidValue(value: String, option: String, rest: String) -> String {
        let arguments: [String: WordValue] = ["value": .text(value), "option": .text(option)]
        if rest.isEmpty { return cli("cli.usage.invalidValue", arguments) }
        if rest == ". Please provide one of the following:" { return cli("cli.usage.invalidValueChoicesBelow", arguments) }
        if let match = rest.wholeMatch(of: /\. Please provide one of (.+)\./) {
            // "'a', 'b' or 'c'": the English "or"/"and" become the list's commas.
            let choices = match.1.replacing("' or '", with: "', '").replacing("' and '", with: "', '")
            return cli("cli.usage.invalidValueChoices", arguments.merging(["choices": .text(quoted(choices))]) { $1 })
        }
        if rest.hasPrefix(": ") { return cli("cli.usage.invalidValueBecause", arguments.merging(["reason": .text(String(rest.dropFirst(2)))]) { $1 }) }
        return cli("cli.usage.invalidValue", arguments)
    }

    /// ArgumentParser's 'x' (or 'x', 'y') in the language's quotation marks.
    private static func quoted(_ text: some StringProtocol) -> String {
        text.components(separatedBy: "', '").map { cli("cli.usage.quoted", ["text": .text($0)]) }.joined(separator: ", ")
    }
}
