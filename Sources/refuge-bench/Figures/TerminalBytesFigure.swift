import Foundation

/// Figure 3, second half: bytes the program writes to an 80x24 terminal (xterm-256color) for one
/// key: a character typed in a form field, a character typed in the list's search field (which
/// refilters the list), PgDn in the list, and Enter opening a case. It runs the stand-in case list
/// (`--tty-case-list`) under a pseudo-terminal; to measure the app itself once its screens exist,
/// point `command` at `refuge` and adjust the key script.
enum TerminalBytesFigure {
    static let columns = 80, rows = 24

    static func measure(_ suite: Suite) throws {
        let executable = ChildProcess.executable.path
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                           "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        let session = try PseudoTerminal(executable: executable, arguments: ["--tty-case-list", "1000"],
                                         columns: columns, rows: rows, environment: environment)
        let firstScreen = session.drain(quiet: 1_000, limit: 60)
        guard firstScreen > 0 else { throw TerminalBytesFailed(step: "start") }
        func bytes(for keys: String) -> Int {
            session.send(keys)
            return session.drain()
        }
        let pageDown = bytes(for: "\u{1B}[6~")
        let openCase = bytes(for: "\r")
        _ = bytes(for: "\u{1B}")        // Esc: back to the list
        _ = bytes(for: "\t")            // focus the search field
        let searchCharacter = bytes(for: "М")
        _ = bytes(for: "\u{7F}")        // Backspace: the whole list again
        _ = bytes(for: "\u{1B}OR")      // F3: the intake form
        let fieldCharacter = bytes(for: "К")
        let secondCharacter = bytes(for: "а")
        session.send("\u{11}")          // Ctrl-Q
        _ = session.finish()
        suite.note("tty_first_screen_bytes", Double(firstScreen))
        let size = "\(columns)x\(rows)"
        suite.add(Figure("bytes_typed_character", "bytes: char typed in a field \(size)", unit: .bytes,
                         value: Double(fieldCharacter + secondCharacter) / 2, targets: [.atMost(40)]))
        suite.add(Figure("bytes_search_character", "bytes: char typed in search \(size)", unit: .bytes, value: Double(searchCharacter)))
        suite.add(Figure("bytes_page_down", "bytes: PgDn in the list \(size)", unit: .bytes, value: Double(pageDown)))
        suite.add(Figure("bytes_open_case", "bytes: Enter opens a case \(size)", unit: .bytes, value: Double(openCase)))
    }

    struct TerminalBytesFailed: Error, CustomStringConvertible {
        var step: String
        var description: String { "the case list under a pseudo-terminal produced no output at \(step)" }
    }
}
