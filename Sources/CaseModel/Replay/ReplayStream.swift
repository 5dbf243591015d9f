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
///
/// An import's case events wait until its `importCommitted` arrives and are folded then; an import
/// whose commit never came (the disk filled, the power failed) is left out, and its events are
/// counted in `CaseStore.uncommittedImportEvents` — they stay in the log, never cut. Its batch ends
/// at the next `importBegan` or at its device's next organisation event: its `importAbandoned`
/// (the session went on after a failed import), or the next session's sign-in after a power cut.
public struct ReplayStream: Sendable {
    private var store: CaseStore
    private var organisationEvents: [(event: Event, reference: UInt64?)] = []
    /// The import being read: the case events its device wrote since `importBegan`.
    private var openImport: OpenImport?
    /// The imports known to have committed, when the caller read the whole log first (a sorted
    /// replay); nil while streaming, where an import's events wait for its commit.
    private let committedImports: Set<ImportBatchID>?
    private var uncommittedImportEvents = 0
    /// False once an event arrived out of merge order; nothing more is folded then.
    public private(set) var isInMergeOrder = true

    private struct OpenImport: Sendable {
        let batch: ImportBatchID
        let device: DeviceID
        /// Known from `committedImports`, or nil: wait for the commit.
        let isCommitted: Bool?
        var held: [(event: Event, reference: UInt64?)] = []
    }

    public init(schema: IntakeSchema = .standard, history: CaseStore.HistoryKeeping,
                committedImports: Set<ImportBatchID>? = nil) {
        store = CaseStore(schema: schema, history: history)
        self.committedImports = committedImports
    }

    /// Continues a replay from a restored snapshot (`CaseStore(snapshot:history:)`): the events
    /// after it are folded as if the stream had folded everything before.
    public init(resuming store: CaseStore) {
        self.store = store
        committedImports = nil
    }

    /// Folds the next record; `reference` is its log sequence number (kept with `.eventReferences`).
    public mutating func fold(_ record: DecodedEvent, reference: UInt64?) {
        guard isInMergeOrder else { return }
        switch record {
        case .event(let event):
            if event.body.caseID == nil {
                organisationEvents.append((event, reference))
                importMarker(event)
            } else if let open = openImport, open.device == event.device, open.isCommitted != true {
                if open.isCommitted == nil { openImport?.held.append((event, reference)) } else { uncommittedImportEvents += 1 }
            } else {
                foldCaseEvent(event, reference: reference)
            }
        case .unrecognised(let kept):
            store.fold(.unrecognised(kept), reference: reference)
        }
    }

    /// An import's first or last event: start holding its case events back, or fold them.
    private mutating func importMarker(_ event: Event) {
        switch event.body {
        case .importBegan(let batch):
            abandonOpenImport()
            openImport = OpenImport(batch: batch, device: event.device, isCommitted: committedImports.map { $0.contains(batch) })
        case .importCommitted(let batch, _):
            guard let open = openImport, open.batch == batch else { return }
            openImport = nil
            for (event, reference) in open.held where isInMergeOrder { foldCaseEvent(event, reference: reference) }
        default:
            // An import writes nothing else on its device (it holds the writer lock): that device's
            // next event of another kind — its `importAbandoned` when the session went on after a
            // failure, the sign-in after a power cut — means the commit never came, and what the
            // device records after it is not the import's.
            if openImport?.device == event.device { abandonOpenImport() }
        }
    }

    private mutating func abandonOpenImport() {
        uncommittedImportEvents += openImport?.held.count ?? 0
        openImport = nil
    }

    private mutating func foldCaseEvent(_ event: Event, reference: UInt64?) {
        guard !store.foldInMergeOrder(event, reference: reference) else { return }
        isInMergeOrder = false
        store = CaseStore(schema: store.schema, history: store.historyKeeping)  // free it now
        organisationEvents = []
        openImport = nil
    }

    /// The replayed store, or nil if the records were not in merge order.
    public mutating func finish() -> CaseStore? {
        abandonOpenImport()
        guard isInMergeOrder else { return nil }
        organisationEvents.sort { $0.event.mergeKey < $1.event.mergeKey }
        for (event, reference) in organisationEvents {
            let inOrder = store.foldInMergeOrder(event, reference: reference)
            assert(inOrder, "sorted above")
        }
        // Added: a stream resuming a restored store continues the count the snapshot held.
        store.uncommittedImportEvents += uncommittedImportEvents
        store.settle()
        return store
    }
}
