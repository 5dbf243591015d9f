import EventLog
import Foundation
import Synchronization

/// The full verifying read of the frames an open skipped because its snapshot covered them, run
/// in the background after the case list is shown (`CaseBook.open(…usesSnapshot: true)`).
/// Every frame is still read and checked once per session; what it finds makes the case file
/// read-only exactly as damage found by the open does.
final class CoveredFramesVerification: Sendable {
    enum State: Sendable, Equatable {
        case notNeeded
        case running
        /// Done: the damage found (empty when every frame was good).
        case finished([DamagedRange])
    }

    private let state = Mutex(State.notNeeded)
    /// Someone waits for the verdict (a save, the end of the session): the read no longer pauses.
    private let awaited = Mutex(false)
    private let pausedForTyping = Mutex(false)

    var current: State { state.withLock { $0 } }

    /// The read is waiting for the typing to stop.
    var isPausedForTyping: Bool { pausedForTyping.withLock { $0 } }

    /// The damage found, once the read found any.
    var damage: [DamagedRange]? {
        guard case .finished(let damage) = current, !damage.isEmpty else { return nil }
        return damage
    }

    /// Starts the read at the lowest priority, on every core, pausing between batches of frames
    /// while `typing` says keys are arriving: the screen keeps the cores it needs. The reading
    /// thread is its own (it waits for the frames being opened, which a thread of the dispatch
    /// pool must not); the frames are opened on libdispatch's background queue.
    func start(reading log: EventLog, pausingWhile typing: any TypingSignal) {
        guard log.snapshotCoverage != nil else { return }
        state.withLock { $0 = .running }
        let thread = Thread { [self] in
            BackgroundPriority.lowerThisThreads()
            // Nothing judged when the file could not be read now (closed by a lock meanwhile).
            let found = (try? log.verifyFramesCoveredBySnapshot(priority: .background) { waitWhile(typing) }) ?? []
            state.withLock { $0 = .finished(found) }
        }
        thread.qualityOfService = .background
        thread.start()
    }

    private func waitWhile(_ typing: any TypingSignal) {
        while typing.isTyping, !awaited.withLock({ $0 }) {
            pausedForTyping.withLock { $0 = true }
            usleep(10_000)
        }
        pausedForTyping.withLock { $0 = false }
    }

    /// Waits for the read to finish, which no longer pauses for typing (a save, the end of the
    /// session, tests).
    func waitUntilFinished() {
        guard current == .running else { return }
        awaited.withLock { $0 = true }
        while current == .running { usleep(1_000) }
    }
}
