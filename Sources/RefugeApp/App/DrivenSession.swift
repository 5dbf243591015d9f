import Foundation
import ScreenKit
import Terminal

/// The interactive application on a terminal its caller drives, for programs outside this module
/// that measure the real screens (refuge-bench's frame figure) while `RefugeSession` stays internal.
/// It starts as `refuge` does: sign-in, or setup on an empty data directory.
public final class DrivenSession {
    private let session: RefugeSession

    /// The run loop: queue keys on the terminal, then call `app.runUntilIdle()`.
    public var app: Application { session.app }
    /// True once a sign-in opened the case file.
    public var isSignedIn: Bool { session.book != nil }

    /// - Parameter now: the monotonic clock of the idle lock and the draft timer; a frozen one
    ///   keeps them from firing (and drawing an extra frame) in the middle of a measurement.
    public init(terminal: any Terminal, options: AppOptions, now: (() -> Duration)? = nil) {
        var settings = InteractiveApp.settings(options, environment: [:])
        settings.now = now
        session = RefugeSession(terminal: terminal, settings: settings)
        session.start()
    }

    /// Closes the case file (and its lock) as quitting does.
    deinit { session.quit() }
}
