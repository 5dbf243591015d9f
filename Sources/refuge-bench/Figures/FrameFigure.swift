import ScreenKit
import Terminal

/// Figure 3, first half: one key in the case list (Down), routed, drawn into a fresh frame and
/// diffed against the last one (`VirtualTerminal.present` runs `Frame.changes(since:)`), at
/// 80x24 and 200x60. No terminal output is written; the byte counts come from a real one.
enum FrameFigure {
    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            let terminal = VirtualTerminal(size: size)
            let app = Application(terminal: terminal)
            app.push(CaseListScreen(store: fixture.store))
            app.runUntilIdle()
            let runs = min(suite.options.frameRuns, fixture.size - 1)
            let samples = Samples.collect(runs) {
                terminal.press(.down)
                app.runUntilIdle()
            }
            precondition(terminal.presentCount == runs + 1, "every key should have drawn one frame")
            let isSmall = size.width == 80
            suite.add(Figure("frame_\(size.width)x\(size.height)", "frame build + diff \(size.width)x\(size.height)",
                             size: fixture.size, unit: .milliseconds, samples: samples.scaled(by: 1000),
                             targets: isSmall ? [.atMost(2)] : []))
        }
    }
}
