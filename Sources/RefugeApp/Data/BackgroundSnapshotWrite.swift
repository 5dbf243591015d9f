import CaseModel
import EventLog
import Foundation
import Synchronization

/// The snapshot written at a quiet moment of a session (`CaseBook.saveSnapshotInBackground`), on a
/// thread of its own at the lowest priority: at 200,000 cases encoding, sealing and writing it
/// takes about a second, and a key typed meanwhile must not wait for it. It covers the state the
/// session had when it started; what the session folds meanwhile is the next snapshot's.
final class BackgroundSnapshotWrite: Sendable {
    private enum State: Sendable, Equatable {
        case idle
        case running
        /// Over: how many of the events that were due it covered (0 when nothing was written).
        case over(eventsWritten: Int)
    }

    private let state = Mutex(State.idle)

    var isRunning: Bool { state.withLock { $0 == .running } }

    /// Writes `store`'s snapshot at `write`'s point; `events` are the events due that it covers.
    func start(_ store: CaseStore, to write: SnapshotWrite, covering events: Int) {
        state.withLock { $0 = .running }
        let thread = Thread { [self] in
            BackgroundPriority.lowerThisThreads()
            var written = false
            if let payload = store.snapshot() {
                do {
                    try write.write(payload)
                    written = true
                } catch {
                    // Best effort, as every snapshot write: the log holds everything.
                }
            }
            state.withLock { $0 = .over(eventsWritten: written ? events : 0) }
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// The events the finished write covered, once (nil while it runs or when none ran).
    func takeOutcome() -> Int? {
        state.withLock { state in
            guard case .over(let events) = state else { return nil }
            state = .idle
            return events
        }
    }

    func waitUntilFinished() {
        while isRunning { usleep(1_000) }
    }
}

/// The priority of work that must never compete with the screen.
enum BackgroundPriority {
    /// Linux ignores a `Thread`'s quality of service, and its nice value is per thread (0 names
    /// the calling one): 19, the lowest. (libdispatch's background queues run theirs at nice 10.)
    static func lowerThisThreads() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }
}
