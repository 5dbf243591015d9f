import Foundation
import RefugeApp
import ScreenKit
import Terminal
import Wording

/// Figure 3, first half: one key in the app's own case list, signed in to the fixture's case file
/// through the sign-in screen: routed, drawn into a fresh frame and diffed against the last one
/// (`VirtualTerminal.present` runs `Frame.changes(since:)`), at 80x24 and 200x60. Down moves the
/// selection one row (the list scrolls once past the first page); PgDn shows a whole new page.
/// No terminal output is written here; `TerminalBytesFigure` counts the bytes on a real terminal.
enum FrameFigure {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let terminal = VirtualTerminal(size: sizes[0])
        let options = AppOptions(dataDirectory: fixture.directory, language: .en)
        let session = DrivenSession(terminal: terminal, options: options, now: { .zero })
        let list = ListDriver(terminal: terminal, app: session.app)
        terminal.type(CaseloadFixture.user)
        terminal.press(.enter)
        terminal.type(CaseloadFixture.passphrase)
        try list.press(.enter)
        guard session.isSignedIn else { throw Failed(reason: "the sign-in screen did not open the case file") }
        // A coordinator with follow-ups due signs in to the agenda; Esc goes on to the case list,
        // which these figures are about.
        let listShown = Words(.en)("caseList.countShown", ["shown": .number(fixture.size)])
        if !terminal.shows(listShown) { try list.press(.escape) }
        guard terminal.shows(listShown) else { throw Failed(reason: "the case list is not shown after sign-in") }

        let runs = min(suite.options.frameRuns, fixture.size - 1)
        for size in sizes {
            if terminal.size != size {
                terminal.resize(to: size)
                session.app.runUntilIdle()
            }
            let name = "\(size.width)x\(size.height)"
            let target: [Figure.Target] = [.atMost(2)]
            try list.press(.home)
            let down = try list.downSamples(runs)
            suite.add(Figure("frame_\(name)", "frame build + diff \(name), Down", size: fixture.size,
                             unit: .milliseconds, samples: down.scaled(by: 1000), targets: target))
            let pageDown = try list.pageDownSamples(runs)
            suite.add(Figure("frame_page_down_\(name)", "frame build + diff \(name), PgDn", size: fixture.size,
                             unit: .milliseconds, samples: pageDown.scaled(by: 1000), targets: target))
        }
    }

    /// Keys into the signed-in app, each drawn at once, and the time they take.
    struct ListDriver {
        let terminal: VirtualTerminal
        let app: Application

        /// Presses `key` and draws; throws unless exactly one frame was presented.
        func press(_ key: Key) throws {
            let frames = terminal.presentCount
            terminal.press(key)
            app.runUntilIdle()
            guard terminal.presentCount == frames + 1 else { throw Failed(reason: "\(key) did not draw exactly one frame") }
        }

        /// Seconds each of `runs` Down keys took, from the selection's place.
        func downSamples(_ runs: Int) throws -> Samples {
            try Samples.collect(runs) { try press(.down) }
        }

        /// Seconds each of `runs` PgDn keys that turned the page took. The first PgDn from the top
        /// only moves the selection to the page's last row, so it is pressed untimed; at the end of
        /// the list (PgDn changed nothing, and is not kept) the list goes back to the top, untimed.
        func pageDownSamples(_ runs: Int) throws -> Samples {
            var samples = Samples()
            var atEnd = true
            while samples.count < runs {
                if atEnd {
                    try press(.home)
                    try press(.pageDown)
                }
                let cells = terminal.cellsWritten
                let seconds = try Stopwatch.seconds { try press(.pageDown) }
                let scrolled = terminal.cellsWritten > cells
                guard scrolled || !atEnd else { throw Failed(reason: "the list is shorter than two pages") }
                atEnd = !scrolled
                if scrolled { samples.add(seconds) }
            }
            return samples
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var reason: String
        var description: String { "frame figure: \(reason)" }
    }
}
