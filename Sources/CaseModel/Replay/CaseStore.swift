/// The current state of every case, folded from events in merge order.
///
/// `replay` builds it from a whole log; `apply` adds one event to an existing state, so the app can
/// append an event and update the screen without replaying everything. Same events, same state.
public struct CaseStore: Sendable {
    /// What `apply` did with an event.
    public enum ApplyOutcome: Sendable, Hashable {
        case applied
        /// Applied, but it sorts before an event already applied (another device's log was merged
        /// in): a full `replay` gives the canonical state, including case numbers.
        case appliedOutOfOrder
        /// The same event (same merge key) was applied already.
        case duplicate
        /// A case event for a case that was never opened: kept in `orphans` and reported.
        case orphan
        /// An unreadable record: kept in `unrecognised` and reported.
        case kept
    }

    public let schema: IntakeSchema
    /// Per-case history costs memory; a statistics-only or benchmark replay may turn it off.
    public let keepsHistory: Bool

    /// Every case, in the order the cases were opened (stored contiguously so that replay
    /// mutates records in place).
    public private(set) var records: [CaseRecord] = []
    /// Each case's history, parallel to `records` (empty when `keepsHistory` is off).
    private var histories: [[HistoryEntry]] = []
    private var positions: [CaseID: Int] = [:]
    public private(set) var users: [String: UserAccount] = [:]
    public private(set) var organisationName: String?
    /// Sign-ins, exports and user administration, in order.
    public private(set) var activity: [ActivityEntry] = []
    /// Records this version could not read, kept byte for byte.
    public private(set) var unrecognised: [UnrecognisedEvent] = []
    /// Case events whose case was never opened (a partial merge, a damaged log).
    public private(set) var orphans: [Event] = []
    public private(set) var searchIndex = SearchIndex()
    public private(set) var eventCount = 0
    public private(set) var lastMergeKey: MergeKey?
    private var lastSequenceByYear: [Int: Int] = [:]
    private var takenNumbers: Set<CaseNumber> = []
    /// During `replay`: cases whose answers changed and whose completeness and flags are not yet
    /// recomputed. Nil outside a replay, where every event refreshes at once.
    private var staleDerived: [Bool]?

    public init(schema: IntakeSchema = .standard, keepsHistory: Bool = true) {
        self.schema = schema
        self.keepsHistory = keepsHistory
    }

    /// Folds a whole log. Events are put in merge order first (a no-op for one device's log,
    /// which is already in order), so the result does not depend on the order they are given in.
    public static func replay<S: Sequence>(
        _ records: S, schema: IntakeSchema = .standard, keepsHistory: Bool = true
    ) -> CaseStore where S.Element == DecodedEvent {
        var store = CaseStore(schema: schema, keepsHistory: keepsHistory)
        var events: [Event] = []
        for record in records {
            switch record {
            case .event(let event): events.append(event)
            case .unrecognised(let kept): store.unrecognised.append(kept)
            }
        }
        if !isInMergeOrder(events) {
            events.sort { $0.mergeKey < $1.mergeKey }
        }
        // Completeness and flags depend only on a case's final answers: recompute them once per
        // case after the fold instead of after every fieldsSet (a third of replay time at 10k cases).
        store.staleDerived = []
        for event in events { store.apply(event) }
        store.refreshStaleDerived()
        return store
    }

    /// Replays already-decoded events (tests, the synthetic generator).
    public static func replay(_ events: [Event], schema: IntakeSchema = .standard, keepsHistory: Bool = true) -> CaseStore {
        replay(events.lazy.map(DecodedEvent.event), schema: schema, keepsHistory: keepsHistory)
    }

    private static func isInMergeOrder(_ events: [Event]) -> Bool {
        guard events.count > 1 else { return true }
        for index in 1..<events.count where events[index].mergeKey < events[index - 1].mergeKey {
            return false
        }
        return true
    }

    /// The current state of a case.
    public subscript(caseID: CaseID) -> CaseRecord? { positions[caseID].map { records[$0] } }

    public var caseCount: Int { records.count }

    /// Who changed what, when, from what to what: the case's entries in merge order.
    public func history(of caseID: CaseID) -> [HistoryEntry] {
        guard keepsHistory, let position = positions[caseID] else { return [] }
        return histories[position]
    }

    /// Cases whose number, names or alias match the query (see `SearchIndex`).
    public func search(_ query: String) -> [CaseID] { searchIndex.search(query) }

    // MARK: - Applying events

    @discardableResult
    public mutating func apply(_ record: DecodedEvent) -> ApplyOutcome {
        switch record {
        case .event(let event):
            return apply(event)
        case .unrecognised(let kept):
            unrecognised.append(kept)
            return .kept
        }
    }

    @discardableResult
    public mutating func apply(_ event: Event) -> ApplyOutcome {
        let key = event.mergeKey
        var outcome = ApplyOutcome.applied
        if let last = lastMergeKey {
            if key == last { return .duplicate }
            if key < last { outcome = .appliedOutOfOrder } else { lastMergeKey = key }
        } else {
            lastMergeKey = key
        }
        eventCount += 1
        if let caseID = event.body.caseID {
            if case .caseOpened(_, let openedOn, let claimed) = event.body {
                openCase(caseID, on: openedOn, claimed: claimed, by: event)
            } else if let position = positions[caseID] {
                applyCaseEvent(event, at: position)
            } else {
                orphans.append(event)
                return .orphan
            }
        } else {
            applyOrganisationEvent(event)
        }
        return outcome
    }

    /// The number a new case opened in `year` should claim: one past the highest in use.
    public func nextCaseNumber(year: Int) -> CaseNumber {
        CaseNumber(year: year, sequence: (lastSequenceByYear[year] ?? 0) + 1)
    }

    /// A case keeps the number its `caseOpened` claimed, unless another case already holds it (two
    /// laptops claimed the same one: the later in merge order moves on). Unclaimed openings
    /// (imports, older events) take the next free number of their year.
    private mutating func openCase(_ caseID: CaseID, on openedOn: CalendarDate, claimed: CaseNumber?, by event: Event) {
        guard positions[caseID] == nil else { return }  // opened twice: the first opening stands
        var number = claimed ?? nextCaseNumber(year: openedOn.year)
        while takenNumbers.contains(number) { number = CaseNumber(year: number.year, sequence: number.sequence + 1) }
        takenNumbers.insert(number)
        lastSequenceByYear[number.year] = max(lastSequenceByYear[number.year] ?? 0, number.sequence)
        var record = CaseRecord(id: caseID, number: number, openedOn: openedOn, openedBy: event.author, time: event.time)
        record.values.reserveCapacity(schema.fields.count)
        record.refreshDerived(schema: schema)
        positions[caseID] = records.count
        records.append(record)
        if keepsHistory { histories.append([]) }
        searchIndex.update(caseID, number: number, names: [])
        appendHistory(.opened(number), at: records.count - 1, by: event)
    }

    private mutating func applyCaseEvent(_ event: Event, at position: Int) {
        let deferring = staleDerived != nil
        let outcome = records[position].fold(event, schema: schema, refreshingDerived: !deferring)  // mutated in place
        if deferring && outcome.valuesChanged { markStale(position) }
        if outcome.namesChanged {
            let record = records[position]
            searchIndex.update(record.id, number: record.number, names: record.names)
        }
        for change in outcome.entries { appendHistory(change, at: position, by: event) }
    }

    private mutating func markStale(_ position: Int) {
        if staleDerived!.count <= position {
            staleDerived!.append(contentsOf: repeatElement(false, count: records.count - staleDerived!.count))
        }
        staleDerived![position] = true
    }

    private mutating func refreshStaleDerived() {
        guard let stale = staleDerived else { return }
        staleDerived = nil
        for position in stale.indices where stale[position] { records[position].refreshDerived(schema: schema) }
    }

    private mutating func appendHistory(_ change: HistoryEntry.Change, at position: Int, by event: Event) {
        guard keepsHistory else { return }
        histories[position].append(
            HistoryEntry(eventID: event.id, time: event.time, author: event.author, device: event.device, change: change))
    }

    private mutating func applyOrganisationEvent(_ event: Event) {
        switch event.body {
        case .userAdded(let name, let role):
            if var existing = users[name] {
                existing.role = role
                existing.isActive = true
                users[name] = existing
            } else {
                users[name] = UserAccount(name: name, role: role, isActive: true, addedBy: event.author, addedAt: event.time)
            }
        case .userDisabled(let name):
            users[name]?.isActive = false
        case .organisationConfigured(let name):
            organisationName = name
        default:
            break
        }
        activity.append(ActivityEntry(eventID: event.id, time: event.time, author: event.author, body: event.body))
    }
}
