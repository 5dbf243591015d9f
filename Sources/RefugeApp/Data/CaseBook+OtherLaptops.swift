import CaseModel
import EventLog

/// What other laptops sharing the folder bring while this one has the case file open: their new
/// events (read again when their logs change), the conflicts of fields edited apart and how one
/// is resolved, and intakes of the same person made apart (docs/sync.md).
extension CaseBook {
    /// Reads the other laptops' logs again if any changed since the last look (size, inode or
    /// time: a cheap check, made every few seconds while the application runs) and folds what is
    /// new with this laptop's events in merge order. Returns how many events arrived (laptops'
    /// names not counted). Nothing read before is ever dropped: a log being replaced at that
    /// moment counts as unchanged.
    @discardableResult
    public func takeInOtherLaptops() throws -> Int {
        let fingerprint = log.peerLogsFingerprint()
        guard fingerprint != peerLogsFingerprint else { return 0 }
        var known = Set(peerRecords)
        var arrived: [DecodedEvent] = []
        var arrivedOrigins: [(log: String, sequence: UInt64)] = []
        let reports = log.readPeersAgain { name, record in
            if known.insert(record.event).inserted {
                arrived.append(record.event)
                arrivedOrigins.append((name, record.sequence))
            }
        }
        if !arrived.isEmpty {
            // Kept only once replayed: should reading this laptop's own log fail, the next look tries again.
            let history: CaseStore.HistoryKeeping = store.historyKeeping == .none ? .none : .entries
            let (before, beforeOrigins) = (peerRecords, peerOrigins)
            peerRecords += arrived
            peerOrigins += arrivedOrigins
            do {
                store = try replayed(history: history)
            } catch {
                (peerRecords, peerOrigins) = (before, beforeOrigins)
                throw error
            }
            factory = Self.factory(user: user, device: device, after: store)
        }
        latestPeerReports = reports
        if !reports.contains(where: { $0.status == .vanished }) { peerLogsFingerprint = fingerprint }
        // A laptop naming itself is bookkeeping, not news for the caseworker.
        return arrived.count { if case .deviceNamed = $0.event?.body { false } else { true } }
    }

    /// The fields of a case that laptops edited apart, each with every value and who set it, on
    /// which laptop and when (read from the case's history: a book opened without histories finds none).
    public func conflicts(of caseID: CaseID) throws -> [FieldConflict] {
        guard let record = store[caseID], !record.conflictingFields.isEmpty else { return [] }
        return FieldConflicts.of(record, history: try history(of: caseID))
    }

    /// Records the value chosen for a field in conflict (one of the laptops' or a new one).
    public func resolveConflict(in caseID: CaseID, field: FieldKey, choosing value: FieldValue?) throws {
        guard let current = store[caseID] else { return }
        try record([.conflictResolved(caseID: caseID, change: FieldChange(key: field, old: current.values[field], new: value))])
    }

    /// Cases opened on another laptop that may be the same person as this one, not yet linked.
    public func possibleDuplicatesFromOtherLaptops(of caseID: CaseID) -> [DuplicateCandidate] {
        store[caseID].map { DuplicateFinder.acrossLaptops(of: $0, in: store) } ?? []
    }

    /// Links two intakes of the same person made on two laptops: the later one (by case number)
    /// becomes the duplicate of the earlier, whichever case file it is done from.
    public func linkDuplicates(_ one: CaseID, _ other: CaseID) throws {
        guard let first = store[one], let second = store[other] else { return }
        let (later, earlier) = first.number > second.number ? (first, second) : (second, first)
        try markDuplicate(later.id, of: earlier.id)
    }
}
