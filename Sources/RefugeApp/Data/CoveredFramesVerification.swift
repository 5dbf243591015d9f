import EventLog
import Foundation
import Synchronization

/// The full verifying read of the frames an open skipped because its snapshot covered them, run
/// on a background thread after the case list is shown (`CaseBook.open(…usesSnapshot: true)`).
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

    var current: State { state.withLock { $0 } }

    /// The damage found, once the read found any.
    var damage: [DamagedRange]? {
        guard case .finished(let damage) = current, !damage.isEmpty else { return nil }
        return damage
    }

    /// Starts the read on a thread of the lowest priority (the UI keeps the cores it needs).
    func start(reading log: EventLog) {
        guard log.snapshotCoverage != nil else { return }
        state.withLock { $0 = .running }
        let thread = Thread { [self] in
            // Nothing judged when the file could not be read now (closed by a lock meanwhile).
            let found = (try? log.verifyFramesCoveredBySnapshot()) ?? []
            state.withLock { $0 = .finished(found) }
        }
        thread.qualityOfService = QualityOfService.background
        thread.start()
    }

    /// Waits for the read to finish (tests, and the end of a session that wants the verdict).
    func waitUntilFinished() {
        while current == .running { usleep(1_000) }
    }
}
