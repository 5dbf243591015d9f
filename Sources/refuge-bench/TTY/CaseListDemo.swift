import CaseModel
import Foundation
import ScreenKit
import Terminal

/// `refuge-bench --tty-case-list N`: the stand-in case list on the real terminal (ncurses), over
/// N synthetic cases, for `TerminalBytesFigure` to drive through a pseudo-terminal. Ctrl-Q quits.
enum CaseListDemo {
    static func run(cases: Int) throws {
        let store = CaseStore.replay(SyntheticCaseload(seed: 2026).events(caseCount: cases), keepsHistory: false)
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        let app = Application(terminal: terminal)
        app.globalBindings = [Binding(.control("q"), label: "Quit") { app.quit() }]
        app.push(CaseListScreen(store: store))
        app.run()
    }
}
