import CaseModel
import EventLog
import Foundation

extension CaseBook {
    /// Copies everything readable of the case file in `directory` into a new case file of one log
    /// in `destination`: in a shared folder, every laptop's log, but never what a revoked laptop
    /// wrote after its revocation (it stays in the source folder, counted in the report) — the
    /// same rule every laptop applies when it reads them (`Revocations`).
    public static func salvage(from directory: URL, state: URL?, to destination: URL, user: String,
                               passphrase: String) throws -> SalvageReport {
        var revoking: [Revocations.Record] = []
        var rule: Revocations?
        return try EventLog.salvage(from: directory, state: state, to: destination, user: user, passphrase: passphrase,
                                    survey: { log, record in
                                        guard record.type == EventKind.deviceRevoked.rawValue, let event = record.event.event else { return }
                                        revoking.append(Revocations.Record(event: event, log: log, sequence: record.sequence))
                                    }, keeps: { log, sequence in
                                        if rule == nil { rule = Revocations(of: revoking) }
                                        return rule?.applies(log, sequence) ?? true
                                    })
    }
}
