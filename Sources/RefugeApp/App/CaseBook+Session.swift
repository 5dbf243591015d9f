import CaseModel
import EventLog
import Foundation

/// What the screens need from the case file beyond the shared glue.
extension CaseBook {
    /// Whether `directory` already holds a case file (else the setup screen is shown): one log, or
    /// a shared folder's.
    static func exists(at directory: URL) -> Bool {
        SharedFolder(folder: directory, state: directory).layout != .none
    }

    /// True when the open's own read found damage and fell back to read-only. Damage the
    /// background read finds (`damageFoundAfterOpen`) is the session's to show, once, however
    /// soon after the open it is found.
    var wasOpenedReadOnlyBecauseOfDamage: Bool { log.recovery.openedReadOnlyBecauseOfDamage }

    /// Records a new status, reopening a closed case first when the new status is an open one.
    func changeStatus(of id: CaseID, to status: CaseStatus, reason: String) throws {
        guard let current = store[id], current.status != status else { return }
        var bodies: [EventBody] = []
        if current.status.isClosed && !status.isClosed {
            bodies.append(.caseReopened(caseID: id, reason: reason))
            if status != .active { bodies.append(.statusChanged(caseID: id, status: status, reason: reason)) }
        } else {
            bodies.append(.statusChanged(caseID: id, status: status, reason: reason))
        }
        try self.record(bodies)
    }
}
