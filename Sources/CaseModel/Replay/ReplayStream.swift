/// Folds a log into a `CaseStore` one record at a time, as the log is read, so an open never holds
/// every decoded event at once (at 200,000 cases that array alone was gigabytes).
///
/// Case events are folded as they come; organisation events (setup, users, sign-ins, exports: a
/// few per session) are held back and folded in merge order by `finish()`, which gives exactly what
/// `CaseStore.replay` gives (see `CaseStore.foldInMergeOrder` for why the two classes are independent).
/// A log written on one device, or a history appended to a new case file (`refuge demo`), has its
/// case events in merge order. The first case event that sorts before one already folded (a merged
/// log) makes the stream give up: `finish()` returns nil and the caller replays the whole log with
/// `CaseStore.replay`, which sorts and folds with a stream too. `finish()` settles the store once:
/// completeness, flags and search keys are derived once per case (see `CaseStore.settle`).
public struct ReplayStream: Sendable {
    private var store: CaseStore
    private var organisationEvents: [(event: Event, reference: UInt64?)] = []
    /// False once an event arrived out of merge order; nothing more is folded then.
    public private(set) var isInMergeOrder = true

    public init(schema: IntakeSchema = .standard, history: CaseStore.HistoryKeeping) {
        store = CaseStore(schema: schema, history: history)
    }

    /// Folds the next record; `reference` is its log sequence number (kept with `.eventReferences`).
    public mutating func fold(_ record: DecodedEvent, reference: UInt64?) {
        guard isInMergeOrder else { return }
        switch record {
        case .event(let event):
            if event.body.caseID == nil {
                organisationEvents.append((event, reference))
            } else if !store.foldInMergeOrder(event, reference: reference) {
                isInMergeOrder = false
                store = CaseStore(schema: store.schema, history: store.historyKeeping)  // free it now
                organisationEvents = []
            }
        case .unrecognised(let kept):
            store.fold(.unrecognised(kept), reference: reference)
        }
    }

    /// The replayed store, or nil if the records were not in merge order.
    public mutating func finish() -> CaseStore? {
        guard isInMergeOrder else { return nil }
        organisationEvents.sort { $0.event.mergeKey < $1.event.mergeKey }
        for (event, reference) in organisationEvents {
            let inOrder = store.foldInMergeOrder(event, reference: reference)
            assert(inOrder, "sorted above")
        }
        store.settle()
        return store
    }
}
