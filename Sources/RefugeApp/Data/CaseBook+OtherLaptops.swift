import CaseModel
import EventLog

/// What other laptops sharing the folder bring while this one has the case file open: their new
/// events (read again when their logs change), the conflicts of fields edited apart and how one
/// is resolved, and intakes of the same person made apart (docs/sync.md).
extension CaseBook {
    /// Reads the other laptops' logs again if any changed since the last look (size, inode or
    /// time: a cheap check, made every few seconds while the application runs) and folds what is
    /// new with this laptop's events in merge order. Returns how many events arrived. Nothing
    /// read before is ever dropped: a log being replaced at that moment counts as unchanged.
    @discardableResult
    public func takeInOtherLaptops() throws -> Int {
        let fingerprint = log.peerLogsFingerprint()
        guard fingerprint != peerLogsFingerprint else { return 0 }
        // Each record is known by its log and sequence number; one read before is kept even if its
        // log is gone or shorter now (being replaced by the sync engine).
        var known = Set(peerOrigins.map { "\($0.log)#\($0.sequence)" })
        var records = peerRecords, origins = peerOrigins
        let reports = log.readPeersAgain { name, record in
            guard known.insert("\(name)#\(record.sequence)").inserted else { return }
            records.append(record.event)
            origins.append((name, record.sequence))
        }
        let arrived = records.count - peerRecords.count
        if arrived > 0 {
            // Replayed first: should reading this laptop's own log fail, the next look tries again.
            var own: [(DecodedEvent, UInt64?)] = []
            try log.forEachRecord { own.append(($0.event, $0.sequence)) }
            let history: CaseStore.HistoryKeeping = store.historyKeeping == .none ? .none : .entries
            (store, peerEvents, revocations) = Self.merge(own: own, ownLog: log.logFileName, peers: records.map { ($0, nil) },
                                                          origins: origins, history: history)
            peerRecords = records
            peerOrigins = origins
            factory = Self.factory(user: user, device: device, after: store)
        }
        latestPeerReports = reports
        if !reports.contains(where: { $0.status == .vanished }) { peerLogsFingerprint = fingerprint }
        return arrived
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
