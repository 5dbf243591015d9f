/// An in-memory terminal for tests: events are scripted, frames are kept for inspection.
///
/// Unlike a real terminal it never blocks: when the script is empty `nextEvent` answers nil at once,
/// which a run loop treats as a timeout.
public final class VirtualTerminal: Terminal {
    public private(set) var size: Size
    public var capabilities: Capabilities
    /// The last frame presented.
    public private(set) var frame: Frame
    /// How many frames were presented, and how many cells were sent in all (for diff tests).
    public private(set) var presentCount = 0
    public private(set) var cellsWritten = 0
    private var script: [InputEvent] = []

    public init(size: Size = Size(width: 80, height: 24), capabilities: Capabilities = .eightColors) {
        self.size = size
        self.capabilities = capabilities
        frame = Frame(size: size)
    }

    /// Queues events to be read in order.
    public func enqueue(_ events: InputEvent...) { script += events }

    /// Queues each grapheme of `text` as a typed key, the way a person types it.
    public func type(_ text: String) { script += text.map { .key(.character($0)) } }

    /// Queues what the key decoder makes of `bytes` as a terminal sends them, a pause after them
    /// (e.g. "\u{1B}[11~", F1 in PuTTY's default mode).
    public func send(_ bytes: String) {
        var decoder = KeyDecoder()
        script += bytes.unicodeScalars.flatMap { decoder.feed(.character($0.value)) } + decoder.flush()
    }

    /// Queues a key press.
    public func press(_ keys: Key...) { script += keys.map { .key($0) } }

    /// Changes the size and queues the resize event a real terminal would send.
    public func resize(to newSize: Size) {
        size = newSize
        script.append(.resize(newSize))
    }

    public var pendingEvents: Int { script.count }

    public func present(_ frame: Frame) {
        cellsWritten += frame.changes(since: self.frame).reduce(0) { $0 + $1.columns.count }
        self.frame = frame
        presentCount += 1
    }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        script.isEmpty ? nil : script.removeFirst()
    }

    /// Everything scripted and not yet read counts as typed ahead.
    public func discardTypeahead() {
        script.removeAll { if case .resize = $0 { false } else { true } }
    }

    /// The screen as lines of text.
    public var rows: [String] { frame.grid.rows }

    /// Line `y` with trailing spaces removed.
    public func row(_ y: Int) -> String { frame.grid.trimmedRow(y) }

    /// The whole screen as one string, trailing spaces trimmed, for readable test failures.
    public var text: String { (0..<size.height).map(row).joined(separator: "\n") }

    /// True when some line contains `fragment`.
    public func shows(_ fragment: String) -> Bool { rows.contains { $0.contains(fragment) } }
}
