import Foundation
import Terminal

/// What a support person needs to know about the terminal Refuge runs in.
struct TerminalReport {
    var term: String
    var size: Size
    var colors: Int
    var locale: String
    var codeset: String
    var ncurses: String

    init(terminal: some Terminal, environment: [String: String] = ProcessInfo.processInfo.environment) {
        term = environment["TERM"] ?? cli("cli.doctor.notSet")
        size = terminal.size
        colors = terminal.capabilities.colors
        locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? cli("cli.doctor.notSet")
        codeset = TextLocale.codeset
        ncurses = CursesTerminal.libraryVersion
    }

    var lines: [String] {
        [
            cli("cli.doctor.terminal", ["value": .text(term)]),
            cli("cli.doctor.size", ["value": .text("\(size)")]),
            cli("cli.doctor.colours", ["value": .text(colors == 0 ? cli("cli.doctor.monochrome") : String(colors))]),
            cli("cli.doctor.locale", ["value": .text(locale), "codeset": .text(codeset)]),
            cli("cli.doctor.library", ["value": .text(ncurses)]),
        ]
    }
}
