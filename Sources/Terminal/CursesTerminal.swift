import CNcurses
import Foundation

/// The real terminal, through ncursesw.
///
/// Start-up takes a UTF-8 locale, disables core dumps (they would hold decrypted case data),
/// switches to raw mode (so Ctrl-S and Ctrl-Q arrive), the alternate screen (so nothing stays in
/// the scrollback) and bracketed paste. `close()` — called on every normal and thrown exit, and by
/// the signal handlers on SIGTERM, SIGHUP and SIGINT — puts the terminal back as it was.
public final class CursesTerminal: Terminal {
    public enum Failure: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart(term: String)
        public var description: String {
            switch self {
            case .notATerminal: return "Refuge must run in a terminal (standard input and output are not a terminal)."
            case .cannotStart(let term): return "The terminal type \"\(term)\" is unknown to ncurses. Try TERM=xterm-256color."
            }
        }
    }

    public private(set) var size: Size
    public let capabilities: Capabilities
    private var decoder = KeyDecoder()
    private var queued: [InputEvent] = []
    private var lastFrame: Frame?
    private var colorPairs: [Style.ColorKey: Int16] = [:]
    private var isOpen = true
    private let screen: OpaquePointer

    /// Starts curses on the process's terminal.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw Failure.notATerminal }
        try TextLocale.adoptUTF8()
        CoreDumps.forbid()
        cn_install_restore_handlers()
        use_tioctl(true)  // the size comes from the terminal itself, not from stale LINES/COLUMNS
        guard let screen = cn_newterm() else {
            cn_remove_restore_handlers()
            throw Failure.cannotStart(term: environment["TERM"] ?? "")
        }
        self.screen = screen
        cn_remember_exit_sequence()
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        capabilities = Self.startColors(environment: environment)
        size = Size(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr())))
        for name in ["kLFT5", "kLFT3"] { let code = key_defined(name); if code > 0 { decoder.wordLeftCodes.insert(code) } }
        for name in ["kRIT5", "kRIT3"] { let code = key_defined(name); if code > 0 { decoder.wordRightCodes.insert(code) } }
        cn_write_raw("\u{1B}[?2004h")
    }

    deinit { close() }

    /// Ends curses and restores the terminal. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        cn_write_raw("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        delscreen(screen)
        cn_remove_restore_handlers()
    }

    /// The ncurses library version, e.g. "ncurses 6.4.20230120".
    public static var libraryVersion: String { String(cString: curses_version()) }

    public func present(_ frame: Frame) {
        guard isOpen else { return }
        let window = cn_stdscr()
        for change in frame.changes(since: lastFrame) {
            var x = change.columns.lowerBound
            while x < change.columns.upperBound {
                let cell = frame.grid[x, change.row]
                if !cell.isContinuation { draw(cell, x: x, y: change.row) }
                x += 1
            }
        }
        if let cursor = frame.cursor, frame.grid.bounds.contains(cursor) {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
    }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while isOpen {
            let waitMs: Int32
            if decoder.isWaiting {
                waitMs = 25
            } else if let deadline {
                // Past the deadline (a zero timeout) curses is still asked, without waiting: a key
                // already typed is read rather than left for later.
                let left = max(.zero, ContinuousClock.now.duration(to: deadline))
                waitMs = Int32(clamping: left.components.seconds * 1000 + (left.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            } else {
                waitMs = -1
            }
            wtimeout(cn_stdscr(), waitMs)
            var character: wint_t = 0
            let status = wget_wch(cn_stdscr(), &character)
            if status == ERR {
                if decoder.isWaiting { queued += decoder.flush() }
                else if deadline != nil { return nil }  // nothing came before the deadline
            } else if status == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    size = Size(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr())))
                    lastFrame = nil  // curses cleared its screen: redraw everything
                    queued += decoder.flush()
                    queued.append(.resize(size))
                } else {
                    queued += decoder.feed(.keyCode(Int32(character)))
                }
            } else {
                queued += decoder.feed(.character(UInt32(character)))
            }
            if !queued.isEmpty { return queued.removeFirst() }
        }
        return nil
    }

    public func discardTypeahead() {
        guard isOpen else { return }
        flushinp()
        _ = decoder.flush()
        queued.removeAll { if case .resize = $0 { false } else { true } }
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let attributes = attributes(for: cell.style)
        let pair = capabilities.hasColor ? colorPair(for: cell.style) : 0
        scalars.withUnsafeBufferPointer { buffer in
            _ = cn_put_wide(Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attributes, pair)
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var value = cn_attr_normal()
        if style.bold { value |= cn_attr_bold() }
        if style.reverse { value |= cn_attr_reverse() }
        if style.underline { value |= cn_attr_underline() }
        if style.dim { value |= cn_attr_dim() }
        return value
    }

    private func colorPair(for style: Style) -> Int16 {
        let key = style.colorKey
        if key.foreground == .default, key.background == .default { return 0 }
        if let pair = colorPairs[key] { return pair }
        let pair = Int16(colorPairs.count + 1)
        init_pair(pair, Int16(key.foreground.rawValue), Int16(key.background.rawValue))
        colorPairs[key] = pair
        return pair
    }

    /// Colours unless the terminal has none, the user set `NO_COLOR`, or colours fail to start.
    private static func startColors(environment: [String: String]) -> Capabilities {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard has_colors(), start_color() == OK else { return .monochrome }
        use_default_colors()
        let count = Int(cn_colors())
        // The Linux console has 8 colours whatever terminfo claims beyond that.
        return Capabilities(colors: environment["TERM"] == "linux" ? min(count, 8) : count)
    }
}

extension Style {
    struct ColorKey: Hashable {
        var foreground: Color
        var background: Color
    }
    var colorKey: ColorKey { ColorKey(foreground: foreground, background: background) }
}
