/// Folds a log into a `CaseStore` one record at a time, as the log is read, so an open never holds
/// every decoded event at once (at 200,000 cases that array alone was gigabytes).
///
/// A log written on one device is already in merge order, and then the result is exactly what
/// `CaseStore.replay` gives. The first event that sorts before one already folded (a merged log)
/// makes the stream give up: `finish()` returns nil and the caller replays the whole log with
/// `CaseStore.replay`, which sorts. Derived fields are recomputed once per changed case in
/// `finish()`, as `replay` does.
public struct ReplayStream: Sendable {
    private var store: CaseStore
    /// False once an event arrived out of merge order; nothing more is folded then.
    public private(set) var isInMergeOrder = true

    public init(schema: IntakeSchema = .standard, history: CaseStore.HistoryKeeping) {
        store = CaseStore(schema: schema, history: history)
        store.staleDerived = []
    }

    /// Folds the next record; `reference` is its log sequence number (kept with `.eventReferences`).
    public mutating func fold(_ record: DecodedEvent, reference: UInt64?) {
        guard isInMergeOrder else { return }
        switch record {
        case .event(let event):
            if let last = store.lastMergeKey, event.mergeKey < last {
                isInMergeOrder = false
                store = CaseStore(schema: store.schema, history: store.historyKeeping)  // free it now
                return
            }
            store.apply(event, reference: reference)
        case .unrecognised(let kept):
            store.apply(.unrecognised(kept))
        }
    }

    /// The replayed store, or nil if the records were not in merge order.
    public consuming func finish() -> CaseStore? {
        guard isInMergeOrder else { return nil }
        store.refreshStaleDerived()
        return store
    }
}
