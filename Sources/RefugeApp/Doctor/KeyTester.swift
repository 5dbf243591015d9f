import Terminal

/// A full-screen key tester: shows the terminal report and the name of every decoded event,
/// newest first, until F10. Field staff use it when a laptop's F-keys or keyboard layout misbehave.
final class KeyTester {
    private let terminal: any Terminal
    private let report: () -> [String]
    private(set) var events: [String] = []
    private var typed = ""

    init(terminal: any Terminal, report: @escaping () -> [String]) {
        self.terminal = terminal
        self.report = report
    }

    /// Runs until F10 (or until the scripted input of a virtual terminal runs out).
    func run() {
        draw()
        while let event = terminal.nextEvent(timeout: nil) {
            if event == .key(.function(10)) { return }
            record(event)
            draw()
        }
    }

    func record(_ event: InputEvent) {
        events.insert(event.name, at: 0)
        if events.count > 200 { events.removeLast() }
        switch event {
        case .key(.character(let c)): typed.append(c)
        case .key(.backspace): if !typed.isEmpty { typed.removeLast() }
        case .paste(let text): typed += text.map { $0.isNewline ? " " : $0 }
        default: break
        }
    }

    func draw() {
        let size = terminal.size
        var frame = Frame(size: size)
        let bold = Style(bold: true)
        frame.grid.write(cli("cli.doctor.keyTester"), at: Point(x: 0, y: 0), style: bold)
        var y = 2
        for line in report() where y < size.height { frame.grid.write(line, at: Point(x: 0, y: y)); y += 1 }
        y += 1
        if y < size.height { frame.grid.write(cli("cli.doctor.typed", ["text": .text(typed)]), at: Point(x: 0, y: y)); y += 1 }
        if y < size.height { frame.grid.write(cli("cli.doctor.lastKeys"), at: Point(x: 0, y: y), style: bold); y += 1 }
        for name in events where y < size.height {
            frame.grid.write("  " + name, at: Point(x: 0, y: y))
            y += 1
        }
        terminal.present(frame)
    }
}
