import Synchronization

/// Whether someone is typing, asked by work in the background between its pieces so that it
/// steps aside meanwhile (`CaseBook.verifyInBackground`).
public protocol TypingSignal: Sendable {
    var isTyping: Bool { get }
}

/// The session's: keys arrive (every key or paste the run loop reads) and stop (the session's
/// short idle timer). Set on the main thread, read on the background one.
public final class TypingPause: TypingSignal {
    private let typing = Mutex(false)

    public init() {}

    public var isTyping: Bool { typing.withLock { $0 } }

    public func keysArrive() { typing.withLock { $0 = true } }

    public func keysStopped() { typing.withLock { $0 = false } }
}
