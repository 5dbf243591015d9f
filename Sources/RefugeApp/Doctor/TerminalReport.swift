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
        term = environment["TERM"] ?? "(not set)"
        size = terminal.size
        colors = terminal.capabilities.colors
        locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? "(not set)"
        codeset = TextLocale.codeset
        ncurses = CursesTerminal.libraryVersion
    }

    var lines: [String] {
        [
            "Terminal: \(term)",
            "Size: \(size)",
            "Colours: \(colors == 0 ? "none (monochrome)" : String(colors))",
            "Locale: \(locale) (\(codeset))",
            "Library: \(ncurses)",
        ]
    }
}
