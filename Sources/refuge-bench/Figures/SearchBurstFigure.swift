import Foundation
import RefugeApp
import ScreenKit
import Terminal

/// Issue 17: five letters typed into the case list's search faster than the screen is drawn (a
/// 9,600-baud line, a quick typist) arrive together. Through the run loop itself
/// (`Application.run`, not `runUntilIdle`), signed in to the fixture's case file at 80x24: how many
/// frames the burst draws and how long it takes from the first key read to the last frame.
/// `TerminalBytesFigure` counts the bytes the same burst costs on a real terminal.
enum SearchBurstFigure {
    static let burst = "Мадин"

    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let terminal = EndingTerminal(VirtualTerminal(size: Size(width: 80, height: 24)))
        let options = AppOptions(dataDirectory: fixture.directory, language: .en)
        let session = DrivenSession(terminal: terminal, options: options, now: { .zero })
        terminal.whenRead = { session.app.quit() }
        terminal.screen.type(CaseloadFixture.user)
        terminal.screen.press(.enter)
        terminal.screen.type(CaseloadFixture.passphrase)
        terminal.screen.press(.enter)
        session.app.runUntilIdle()
        guard session.isSignedIn else { throw FrameFigure.Failed(reason: "the sign-in screen did not open the case file") }

        var frames = Samples(), seconds = Samples()
        for _ in 0..<max(1, suite.options.frameRuns / 10) {
            terminal.screen.press(.escape, .function(7))  // a fresh search over the whole list
            session.app.runUntilIdle()
            let before = terminal.screen.presentCount
            terminal.screen.type(burst)
            seconds.add(Stopwatch.seconds { session.app.run() })
            frames.add(Double(terminal.screen.presentCount - before))
            guard terminal.screen.shows(burst) else { throw FrameFigure.Failed(reason: "the burst did not reach the list's search") }
        }
        suite.add(Figure("search_burst_frames", "frames: 5 letters at once in search", size: fixture.size,
                         unit: .frames, samples: frames))
        suite.add(Figure("search_burst", "search burst: 5 letters, drawn", size: fixture.size,
                         unit: .milliseconds, samples: seconds.scaled(by: 1000)))
    }

    /// A virtual terminal whose run loop ends once every scripted event has been read: the burst
    /// is all the input there is.
    final class EndingTerminal: Terminal {
        let screen: VirtualTerminal
        var whenRead: () -> Void = {}

        init(_ screen: VirtualTerminal) { self.screen = screen }

        var size: Size { screen.size }
        var capabilities: Capabilities { screen.capabilities }
        func present(_ frame: Frame) { screen.present(frame) }
        func discardTypeahead() { screen.discardTypeahead() }
        func nextEvent(timeout: Duration?) -> InputEvent? {
            if let event = screen.nextEvent(timeout: timeout) { return event }
            whenRead()
            return nil
        }
    }
}
