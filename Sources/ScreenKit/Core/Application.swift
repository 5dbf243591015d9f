import Terminal

/// The run loop and the screen stack.
///
/// It reads events from a `Terminal`, routes them (see `route(_:)`), and after anything changed
/// draws the whole UI into a fresh grid and presents it; the terminal sends only the difference.
/// It blocks in `nextEvent` between keys, waking only for its timers (idle and repeating).
public final class Application {
    public let terminal: any Terminal
    public var theme: Theme
    public var strings: ScreenKitStrings
    /// Commands that work everywhere, before any widget sees the key (lock, quit, help).
    public var globalBindings: [Binding] = []
    /// Commands of the app, tried last and not while a modal screen is open.
    public var bindings: [Binding] = []
    /// Right-aligned on the top line, e.g. "DEMO" or "READ-ONLY".
    public var marker: String? { didSet { setNeedsRedraw() } }
    /// Below this size only the "terminal too small" message is shown.
    public var minimumSize = Size(width: 40, height: 12)
    public private(set) var screens: [Screen] = []
    public private(set) var status: StatusMessage? { didSet { setNeedsRedraw() } }
    /// The full screen the status belongs to: the one on top (under any dialog) once the key that
    /// raised it was handled. It goes when that screen is no longer on top, so an error or a
    /// confirmation never follows the user onto another screen.
    private var statusOwner: ObjectIdentifier?
    private var statusIsNew = false
    public private(set) var isRunning = false

    private var needsRedraw = true
    private let now: () -> Duration
    private var lastInput: Duration
    private var idleTimers: [IdleTimer] = []
    /// Work asked for with `afterTyping`, one per owner, in the order first asked.
    private var afterTypingWork: [(owner: ObjectIdentifier, action: () -> Void)] = []
    private var repeatingTimers: [RepeatingTimer] = []
    private var inputObservers: [() -> Void] = []

    /// - Parameter now: a monotonic clock; tests pass a fake one to drive idle timers.
    public init(terminal: any Terminal, theme: Theme? = nil, strings: ScreenKitStrings = .english, now: (() -> Duration)? = nil) {
        self.terminal = terminal
        self.theme = theme ?? .standard(for: terminal.capabilities)
        self.strings = strings
        let clock = ContinuousClock()
        let start = clock.now
        self.now = now ?? { start.duration(to: clock.now) }
        lastInput = self.now()
    }

    // MARK: Screen stack

    public var topScreen: Screen? { screens.last }

    public func push(_ screen: Screen) {
        screen.app = self
        screens.append(screen)
        screen.didAppear()
        setNeedsRedraw()
    }

    /// Closes the top screen.
    public func pop() {
        guard !screens.isEmpty else { return }
        screens.removeLast()
        screens.last?.didAppear()
        setNeedsRedraw()
    }

    /// Closes `screen` wherever it is in the stack (a dialog closing itself).
    public func dismiss(_ screen: Screen) {
        if screens.last === screen { return pop() }
        screens.removeAll { $0 === screen }
        setNeedsRedraw()
    }

    /// Replaces the top screen (e.g. login → case list) without showing the one beneath.
    public func replace(with screen: Screen) {
        if !screens.isEmpty { screens.removeLast() }
        push(screen)
    }

    // MARK: Status line

    public func showInfo(_ text: String) { raise(StatusMessage(text: text, isError: false)) }
    public func showError(_ text: String) { raise(StatusMessage(text: text, isError: true)) }
    public func clearStatus() { if status != nil { status = nil } }

    private func raise(_ message: StatusMessage) {
        status = message
        statusIsNew = true
    }

    /// After each key and timer: a new message joins the screen now on top; an older one goes
    /// when its screen has left the top.
    private func settleStatus() {
        let owner = screens.last { !$0.isModal }.map(ObjectIdentifier.init)
        if statusIsNew {
            statusOwner = owner
            statusIsNew = false
        } else if status != nil, statusOwner != owner {
            status = nil
        }
    }

    // MARK: Timers

    /// Calls `action` once the user has been idle for `delay` (no key or paste); again only after
    /// further input and another full delay. Used for the idle lock.
    public func onIdle(after delay: Duration, _ action: @escaping () -> Void) {
        idleTimers.append(IdleTimer(delay: delay, action: action))
    }

    /// Calls `action` whenever a key or a paste arrives, before it is routed: work in the
    /// background can step aside while someone types.
    public func onInput(_ action: @escaping () -> Void) {
        inputObservers.append(action)
    }

    // MARK: Typing

    /// Runs `action` once the keys that arrived together have been handled: before the next frame,
    /// or before a key that is not typing (anything but a character, Backspace, Delete or a paste)
    /// is routed, so that Enter or Down acts on what the typing produced. Work only the last of
    /// a burst of letters needs — refiltering a list as its query is typed — is thus done once
    /// per burst. Asking again for the same `owner` before it ran replaces the earlier action.
    public func afterTyping(for owner: AnyObject, _ action: @escaping () -> Void) {
        let id = ObjectIdentifier(owner)
        if let index = afterTypingWork.firstIndex(where: { $0.owner == id }) {
            afterTypingWork[index].action = action
        } else {
            afterTypingWork.append((id, action))
        }
    }

    private func runAfterTypingWork() {
        while !afterTypingWork.isEmpty {
            let work = afterTypingWork.removeFirst()
            work.action()
            setNeedsRedraw()
        }
    }

    /// Calls `action` every `period`, keys or not (looking for what other laptops wrote); it
    /// returns whether it changed anything, so that an idle screen is not drawn for nothing.
    public func every(_ period: Duration, _ action: @escaping () -> Bool) {
        repeatingTimers.append(RepeatingTimer(period: period, due: now() + period, action: action))
    }

    // MARK: Running

    public func setNeedsRedraw() { needsRedraw = true }

    /// Stops `run()` after the current event.
    public func quit() { isRunning = false }

    /// Runs until `quit()` or until the last screen is closed.
    public func run() {
        isRunning = true
        renderIfNeeded()
        while isRunning, !screens.isEmpty {
            if let event = terminal.nextEvent(timeout: timeUntilNextTimer()) {
                process(event)
                // Every key already waiting is handled before drawing: over a slow line, five
                // letters typed quickly send one screen, not five.
                while isRunning, !screens.isEmpty, let waiting = terminal.nextEvent(timeout: .zero) {
                    process(waiting)
                }
            }
            fireDueTimers()
            renderIfNeeded()
        }
        isRunning = false
    }

    /// Processes every event already waiting (without blocking), fires due timers and draws.
    /// Tests script a `VirtualTerminal`, call this, then read its rows; long work calls it between
    /// chunks so the screen updates and Esc can cancel.
    public func runUntilIdle() {
        while !screens.isEmpty, let event = terminal.nextEvent(timeout: .zero) {
            process(event)
            fireDueTimers()
        }
        fireDueTimers()
        renderIfNeeded()
    }

    private func process(_ event: InputEvent) {
        var event = event
        switch event {
        case .resize: setNeedsRedraw(); return
        case .unrecognised: return  // a key no terminal we know sends: never typed, never Esc
        case .paste(let text):
            let pasted = PastedText(text)
            if pasted.removedSequences > 0 { showInfo(strings.pasteCleaned) }
            event = .paste(pasted.text)
        case .key: break
        }
        if !event.isTyping { runAfterTypingWork() }
        lastInput = now()
        for index in idleTimers.indices { idleTimers[index].fired = false }
        for observer in inputObservers { observer() }
        layout(size: terminal.size)  // a key before the first frame still sees the real page
        route(event)
        settleStatus()
        setNeedsRedraw()
    }

    private func timeUntilNextTimer() -> Duration? {
        let now = now()
        let idle = now - lastInput
        let idleWaits = idleTimers.filter { !$0.fired }.map { max(.zero, $0.delay - idle) }
        return (idleWaits + repeatingTimers.map { max(.zero, $0.due - now) }).min()
    }

    private func fireDueTimers() {
        let idle = now() - lastInput
        for index in idleTimers.indices where !idleTimers[index].fired && idle >= idleTimers[index].delay {
            idleTimers[index].fired = true
            idleTimers[index].action()
            settleStatus()
            setNeedsRedraw()
        }
        let now = now()
        for index in repeatingTimers.indices where now >= repeatingTimers[index].due {
            repeatingTimers[index].due = now + repeatingTimers[index].period
            if repeatingTimers[index].action() {
                settleStatus()
                setNeedsRedraw()
            }
        }
    }

    private func renderIfNeeded() {
        runAfterTypingWork()
        guard needsRedraw else { return }
        needsRedraw = false
        settleStatus()
        terminal.present(render(size: terminal.size))
    }
}

/// A message on the top line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

private extension InputEvent {
    /// A key that edits text where it is typed; whatever else comes may act on what it changed.
    var isTyping: Bool {
        switch self {
        case .paste, .key(.character), .key(.backspace), .key(.delete): true
        case .key, .resize, .unrecognised: false
        }
    }
}

private struct RepeatingTimer {
    let period: Duration
    var due: Duration
    var action: () -> Bool
}

private struct IdleTimer {
    var delay: Duration
    var action: () -> Void
    var fired = false
}
