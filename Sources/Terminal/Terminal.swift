/// What the screen can show. ScreenKit maps style roles onto these.
public struct Capabilities: Hashable, Sendable {
    /// Number of colours; 0 on a monochrome terminal or when the user asked for none (`NO_COLOR`).
    public var colors: Int
    public init(colors: Int) { self.colors = colors }
    public var hasColor: Bool { colors >= 8 }
    public static let monochrome = Capabilities(colors: 0)
    public static let eightColors = Capabilities(colors: 8)
}

/// A text terminal: a size, a way to show a frame, and a stream of input events.
///
/// Implementations: `CursesTerminal` (the real screen, through ncursesw) and `VirtualTerminal`
/// (in memory, for tests). Both are used from one thread at a time.
public protocol Terminal: AnyObject {
    var size: Size { get }
    var capabilities: Capabilities { get }
    /// Shows `frame`; only cells that differ from the last frame are sent to the screen.
    func present(_ frame: Frame)
    /// The next event, waiting at most `timeout` (forever when nil); nil when the time ran out.
    func nextEvent(timeout: Duration?) -> InputEvent?
    /// Drops the keys and pastes that arrived but were not read yet (a resize is kept). After a
    /// long action such as signing in, what was typed meanwhile was typed blind, for a screen that
    /// is gone: it must not act on the one that appears.
    func discardTypeahead()
}
