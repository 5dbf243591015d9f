import CaseModel
import Foundation

/// Figure 3, second half: bytes the real `refuge` writes to an 80x24 xterm-256color terminal for
/// one key, escape sequences included: a character typed in an intake field, PgDn in the case
/// list, Enter opening a case, and a character typed in the list's search (which refilters the
/// list). It runs under a pseudo-terminal on a `refuge demo` case file, signed in as a caseworker
/// would; each key's bytes are counted once the output has been quiet for 200 ms.
enum TerminalBytesFigure {
    static let columns = 80, rows = 24

    /// Keys as xterm-256color sends them.
    enum Keys {
        static let enter = "\r", escape = "\u{1B}", pageDown = "\u{1B}[6~"
        static let f5 = "\u{1B}[15~", f7 = "\u{1B}[18~", f10 = "\u{1B}[21~"
    }

    static func measure(_ refuge: RefugeExecutable, _ suite: Suite) throws {
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                           "HOME": suite.workspace.disk.path, "PATH": "/usr/bin:/bin", "REFUGE_KDF_LOGN": "10"]
        let data = suite.workspace.onDisk("demo")
        let cases = suite.options.terminalCases
        try refuge.makeDemo(at: data, cases: cases, environment: environment)
        let session = try PseudoTerminal(executable: refuge.path, arguments: ["--data", data.path, "--lang", "en"],
                                         columns: columns, rows: rows, environment: environment)
        /// Sends `keys` and returns what the program wrote for them; with `expected`, it reads on
        /// until that text has come (opening the case file draws nothing for a while).
        func press(_ keys: String, _ step: String, expecting expected: String? = nil) throws -> [UInt8] {
            session.send(keys)
            var output = session.output()
            while let expected, !String(decoding: output, as: UTF8.self).contains(expected) {
                let more = session.output()
                guard !more.isEmpty else { throw Unexpected(step: step, problem: "no \"\(expected)\" in the output") }
                output += more
            }
            guard !output.isEmpty else { throw Unexpected(step: step, problem: "no output") }
            return output
        }
        _ = try press("", "start", expecting: "Passphrase")
        _ = try press(RefugeExecutable.demoUser + Keys.enter, "user name")
        // The demo has follow-ups due, so the agenda comes first; Esc goes on to the case list.
        _ = try press(RefugeExecutable.demoPassphrase + Keys.enter, "sign-in", expecting: "genda")
        // The list's count as the program words it ("Shown 1,000": grouped, so never "1000"), less
        // its first letter: curses may leave a letter in the same cell ("Sign in") unwritten.
        let shown = String(Words(.en)("caseList.countShown", ["shown": .number(cases)]).dropFirst())
        _ = try press(Keys.escape, "Esc from the agenda", expecting: shown)

        // The first PgDn from the top only moves the selection to the page's last row (the list
        // scrolls one line); the second, counted, shows a whole new page, as every later one does.
        let firstPageDown = try press(Keys.pageDown, "first PgDn").count
        let pageDown = try press(Keys.pageDown, "PgDn").count
        let openCase = try press(Keys.enter, "Enter on a case", expecting: "Overview").count
        _ = try press(Keys.escape, "Esc from the case")
        _ = try press(Keys.f7, "F7")
        let searchCharacter = try press("М", "a character in the search").count
        _ = try press(Keys.escape, "Esc from the search")
        _ = try press(Keys.f7, "F7 again")
        let searchBurst = try press(SearchBurstFigure.burst, "five letters at once in the search").count
        _ = try press(Keys.escape, "Esc from the second search")
        _ = try press(Keys.f5, "F5", expecting: "New intake")
        let firstCharacter = try press("К", "a first character in a field").count
        let secondCharacter = try press("а", "a second character in a field").count
        session.send(Keys.f10)
        _ = session.finish()

        suite.note("tty_cases", Double(cases))
        suite.note("tty_first_page_down_bytes", Double(firstPageDown))
        suite.note("tty_field_first_character_bytes", Double(firstCharacter))
        suite.note("tty_field_second_character_bytes", Double(secondCharacter))
        let size = "\(columns)x\(rows)"
        suite.add(Figure("bytes_typed_character", "bytes: char typed in a field \(size)", unit: .bytes,
                         value: Double(firstCharacter + secondCharacter) / 2, targets: [.atMost(40)]))
        suite.add(Figure("bytes_search_character", "bytes: char typed in search \(size)", unit: .bytes, value: Double(searchCharacter)))
        suite.add(Figure("bytes_search_burst", "bytes: 5 chars at once in search \(size)", unit: .bytes, value: Double(searchBurst)))
        suite.add(Figure("bytes_page_down", "bytes: PgDn in the list \(size)", unit: .bytes, value: Double(pageDown)))
        suite.add(Figure("bytes_open_case", "bytes: Enter opens a case \(size)", unit: .bytes, value: Double(openCase)))
    }

    struct Unexpected: Error, CustomStringConvertible {
        var step: String
        var problem: String
        var description: String { "refuge under a pseudo-terminal, \(step): \(problem)" }
    }
}
