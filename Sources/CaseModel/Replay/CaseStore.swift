import Foundation

/// The current state of every case, folded from events in merge order.
///
/// `replay` builds it from a whole log; `apply` adds one event to an existing state, so the app can
/// append an event and update the screen without replaying everything. Both run the same code:
/// `fold` takes in one event, and `settle` then derives completeness and flags for each case whose
/// answers changed. `apply` settles after its event; a replay settles once at the end, so a case is
/// derived once, not once per event. Search keys follow a name change at once, in `fold`: during
/// an open the fold runs while the next frames are decrypted on the other cores, which hides that
/// work, and work left for the end is not hidden (docs/performance.md's history has the figures).
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

    /// How a store keeps each case's history.
    public enum HistoryKeeping: Sendable, Hashable {
        /// None (statistics, imports, benchmarks): `history(of:)` is empty.
        case none
        /// Every `HistoryEntry` of every case in memory (about 16 per case): what an in-memory
        /// replay of events gives, and what `history(of:)` returns.
        case entries
        /// Only, per case, the caller's reference (the log sequence number) of each event that made
        /// its history, in merge order: 8 bytes an event instead of a `HistoryEntry`. The caller
        /// reads those events back when one case's history is shown and passes them to
        /// `history(of:replaying:)`. What the app's open uses (see `CaseBook.history(of:)`).
        case eventReferences
    }

    public let schema: IntakeSchema
    /// How each case's history is kept; per-case history costs memory.
    public let historyKeeping: HistoryKeeping

    /// Every case, in the order the cases were opened; replay mutates them in place. A store
    /// restored from a snapshot holds its cases as bytes until they are read or changed
    /// (`CaseRecords`).
    public internal(set) var records = CaseRecords()
    /// What the case list needs of each case, parallel to `records` (see `CaseSummary`).
    public internal(set) var summaries: [CaseSummary] = []
    /// Each case's history, parallel to `records` (only with `.entries`).
    var histories: [[HistoryEntry]] = []
    /// Each case's event references, parallel to `records` (only with `.eventReferences`).
    var references = EventReferenceLists()
    var positions: [CaseID: Int] = [:]
    public internal(set) var users: [String: UserAccount] = [:]
    public internal(set) var organisationName: String?
    /// The partner directory, retired partners included.
    public internal(set) var partners: [PartnerID: Partner] = [:]
    /// The laptops that were named or revoked (several laptops sharing the case file).
    public internal(set) var devices: [DeviceID: DeviceEntry] = [:]
    /// The organisation's rules for derived follow-ups (the last `caseworkSettingsChanged`).
    public internal(set) var caseworkSettings = CaseworkSettings.standard
    /// Sign-ins, exports and user administration, in order.
    public internal(set) var activity: [ActivityEntry] = []
    /// Records this version could not read, kept byte for byte.
    public internal(set) var unrecognised: [UnrecognisedEvent] = []
    /// Case events whose case was never opened (a partial merge, a damaged log).
    public internal(set) var orphans: [Event] = []
    public internal(set) var searchIndex = SearchIndex()
    /// Case events of imports whose commit is not in the log (a replay left them out; see
    /// `ReplayStream`).
    public internal(set) var uncommittedImportEvents = 0
    public internal(set) var eventCount = 0
    public internal(set) var lastMergeKey: MergeKey?
    var lastSequenceByYear: [Int: Int] = [:]
    /// The case numbers in use; nil after a restore until a case is opened (then taken from the
    /// summaries), so that an open from the snapshot that opens no case does not hash them all.
    var takenNumbers: Set<CaseNumber>? = []
    /// Positions of the cases that changed since the last `settle`, each once.
    var unsettled: [Int] = []
    /// What `settle` owes each case; parallel to `records`.
    var isUnsettled: [Unsettled] = []

    /// What a case needs from `settle`.
    enum Unsettled: Comparable {
        case settled
        /// Its summary only: a note, a service, a status, a follow-up changed no answer.
        case summary
        /// Completeness and flags from its answers, then its summary.
        case answers
    }
    /// For `foldInMergeOrder`: the last case event's and the last organisation event's merge keys.
    var lastReplayedCaseKey: MergeKey?
    var lastReplayedOrganisationKey: MergeKey?

    public init(schema: IntakeSchema = .standard, keepsHistory: Bool = true) {
        self.init(schema: schema, history: keepsHistory ? .entries : .none)
    }

    public init(schema: IntakeSchema = .standard, history: HistoryKeeping) {
        self.schema = schema
        self.historyKeeping = history
    }

    /// Folds a whole log. Events are put in merge order first (a no-op for one device's log,
    /// which is already in order), so the result does not depend on the order they are given in.
    public static func replay<S: Sequence>(
        _ records: S, schema: IntakeSchema = .standard, keepsHistory: Bool = true
    ) -> CaseStore where S.Element == DecodedEvent {
        replay(records.lazy.map { ($0, UInt64?.none) }, schema: schema, history: keepsHistory ? .entries : .none)
    }

    /// Like `replay(_:schema:keepsHistory:)`, each record with the caller's reference to it (its log
    /// sequence number), which a store keeping `.eventReferences` remembers per case.
    public static func replay<S: Sequence>(
        _ records: S, schema: IntakeSchema = .standard, history: HistoryKeeping
    ) -> CaseStore where S.Element == (DecodedEvent, UInt64?) {
        let records = Array(records)
        let committed = Set(records.compactMap { record, _ -> ImportBatchID? in
            guard case .event(let event) = record, case .importCommitted(let batch, _) = event.body else { return nil }
            return batch
        })
        var stream = ReplayStream(schema: schema, history: history, committedImports: committed)
        if caseEventsAreInMergeOrder(records.lazy.compactMap { $0.0.event }) {
            for (record, reference) in records { stream.fold(record, reference: reference) }
        } else {
            // The records this version could not read first, then the events in merge order.
            var sorted: [(event: Event, reference: UInt64?)] = []
            for (record, reference) in records {
                if let event = record.event { sorted.append((event, reference)) } else { stream.fold(record, reference: reference) }
            }
            sorted.sort { $0.event.mergeKey < $1.event.mergeKey }
            for (event, reference) in sorted { stream.fold(.event(event), reference: reference) }
        }
        guard let store = stream.finish() else { preconditionFailure("case events were fed in merge order") }
        return store
    }

    /// Replays already-decoded events (tests, the synthetic generator).
    public static func replay(_ events: [Event], schema: IntakeSchema = .standard, keepsHistory: Bool = true) -> CaseStore {
        replay(events.lazy.map(DecodedEvent.event), schema: schema, keepsHistory: keepsHistory)
    }

    /// Whether the case events among `events` are in merge order (organisation events may be
    /// anywhere: see `foldInMergeOrder`).
    private static func caseEventsAreInMergeOrder<S: Sequence>(_ events: S) -> Bool where S.Element == Event {
        var last: MergeKey?
        for event in events where event.body.caseID != nil {
            let key = event.mergeKey
            if let last, key < last { return false }
            last = key
        }
        return true
    }

    /// Folds the next event of a replay (settled at its end). False, and nothing is folded, when
    /// the event sorts before one already folded of its class: the caller must then sort the whole
    /// log.
    ///
    /// A replay needs merge order only within each class of events. Case events change only cases
    /// (and case numbers, orphans, the search index); organisation events change only users, the
    /// organisation's name and the activity list; neither reads what the other writes. So case
    /// events folded in merge order and organisation events folded in merge order, whichever class
    /// comes first, give exactly the sorted result. `ReplayStream` uses this to fold a log as it is
    /// read while holding back only the organisation events (a handful; sorted at the end): that
    /// covers every log `refuge demo` or the benchmark writes, where the case file is created
    /// today and years of history are then appended after it.
    /// Duplicates (the same merge key again) are dropped as `apply` drops them after a sort.
    mutating func foldInMergeOrder(_ event: Event, reference: UInt64?) -> Bool {
        let key = event.mergeKey
        let isCaseEvent = event.body.caseID != nil
        if let last = isCaseEvent ? lastReplayedCaseKey : lastReplayedOrganisationKey {
            if key < last { return false }
            if key == last { return true }
        }
        if isCaseEvent { lastReplayedCaseKey = key } else { lastReplayedOrganisationKey = key }
        fold(.event(event), reference: reference)
        return true
    }

    /// The current state of a case.
    public subscript(caseID: CaseID) -> CaseRecord? { positions[caseID].map { records[$0] } }

    public var caseCount: Int { records.count }

    /// Where a case is in `records`. Cases are only ever appended, so a position stays valid in
    /// every later state of the store.
    public func position(of caseID: CaseID) -> Int? { positions[caseID] }

    /// Who changed what, when, from what to what: the case's entries in merge order. Empty unless
    /// the store keeps `.entries`; with `.eventReferences` use `history(of:replaying:)`.
    public func history(of caseID: CaseID) -> [HistoryEntry] {
        guard historyKeeping == .entries, let position = positions[caseID] else { return [] }
        return histories[position]
    }

    /// With `.eventReferences`: the references of the events that made the case's history, in
    /// merge order (empty otherwise, or for an unknown case).
    public func eventReferences(of caseID: CaseID) -> [UInt64] {
        guard historyKeeping == .eventReferences, let position = positions[caseID] else { return [] }
        return references[position]
    }

    /// The case's history rebuilt from its own events (those `eventReferences(of:)` names, read back,
    /// in that order): the same entries a replay keeping `.entries` holds, because a case's history
    /// depends only on its own events. Events of other cases and repeated openings are skipped.
    public func history(of caseID: CaseID, replaying events: [Event]) -> [HistoryEntry] {
        guard let current = self[caseID] else { return [] }
        var scratch: CaseRecord?
        var entries: [HistoryEntry] = []
        for event in events where event.body.caseID == caseID {
            func add(_ change: HistoryEntry.Change) { entries.append(HistoryEntry(change, by: event)) }
            if case .caseOpened = event.body {
                guard scratch == nil else { continue }  // opened twice: the first opening stands
                scratch = CaseRecord(id: caseID, number: current.number, openedOn: current.openedOn,
                                     openedBy: current.openedBy, device: current.openedByDevice, time: event.time)
                add(.opened(current.number))
            } else if scratch != nil {
                for change in scratch!.fold(event, schema: schema).entries { add(change) }
            }
        }
        return entries
    }

    /// The case whose number reads `text` ("2026-0001").
    public func caseID(numbered text: String) -> CaseID? {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        return summaries.first { $0.number.description == wanted }?.id
    }

    /// The partner directory sorted by name (retired partners too; see `Partner.isRetired`).
    public var partnerList: [Partner] {
        partners.values.sorted { $0.details.name.localizedStandardCompare($1.details.name) == .orderedAscending }
    }

    /// The partner named `name` (case ignored), retired or not.
    public func partner(named name: String) -> Partner? {
        let folded = name.trimmingCharacters(in: .whitespaces).lowercased()
        return partners.values.first { $0.details.name.lowercased() == folded }
    }

    /// Cases whose number, names or alias match the query (see `SearchIndex`).
    public func search(_ query: String) -> [CaseID] { searchIndex.search(query).map { summaries[$0].id } }

    // MARK: - Applying events

    /// Applies one record and settles what it changed: the state is then as a replay of every
    /// record so far gives. A store keeping `.eventReferences` remembers `reference` (the caller's
    /// handle on the event, its log sequence number) in the case's history.
    @discardableResult
    public mutating func apply(_ record: DecodedEvent, reference: UInt64? = nil) -> ApplyOutcome {
        let outcome = fold(record, reference: reference)
        settle()
        return outcome
    }

    @discardableResult
    public mutating func apply(_ event: Event, reference: UInt64? = nil) -> ApplyOutcome {
        apply(.event(event), reference: reference)
    }

    /// Takes in one record: the case's answers, notes, status and history, case numbers, users and
    /// activity. What follows from answers waits for `settle`.
    @discardableResult
    mutating func fold(_ record: DecodedEvent, reference: UInt64?) -> ApplyOutcome {
        guard case .event(let event) = record else {
            if case .unrecognised(let kept) = record { unrecognised.append(kept) }
            return .kept
        }
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
                openCase(caseID, on: openedOn, claimed: claimed, by: event, reference: reference)
            } else if let position = positions[caseID] {
                foldCaseEvent(event, at: position, reference: reference)
            } else {
                orphans.append(event)
                return .orphan
            }
        } else {
            foldOrganisationEvent(event)
        }
        return outcome
    }

    /// The one place completeness, flags and the summary follow a case: for every case that
    /// changed since the last settle.
    mutating func settle() {
        for position in unsettled {
            // A case still held as bytes is as the snapshot's settled state left it: only the
            // organisation's follow-up rules moved, so only its summary is derived again, and
            // it stays bytes.
            if isUnsettled[position] == .answers, records.isDecoded(position) {
                records[position].refreshDerived(schema: schema)
            }
            summaries[position] = CaseSummary(records[position], settings: caseworkSettings)
            isUnsettled[position] = .settled
        }
        unsettled.removeAll(keepingCapacity: true)
    }

    /// Notes that case `position` needs `settle`, and whether its answers changed.
    private mutating func unsettle(_ position: Int, answersChanged: Bool) {
        let owed: Unsettled = answersChanged ? .answers : .summary
        if isUnsettled[position] == .settled { unsettled.append(position) }
        isUnsettled[position] = max(isUnsettled[position], owed)
    }

    /// The number a new case opened in `year` should claim: one past the highest in use.
    public func nextCaseNumber(year: Int) -> CaseNumber {
        CaseNumber(year: year, sequence: (lastSequenceByYear[year] ?? 0) + 1)
    }

    /// A case keeps the number its `caseOpened` claimed, unless another case already holds it (two
    /// laptops claimed the same one: the later in merge order moves on). Unclaimed openings
    /// (imports, older events) take the next free number of their year.
    private mutating func openCase(_ caseID: CaseID, on openedOn: CalendarDate, claimed: CaseNumber?, by event: Event,
                                   reference: UInt64?) {
        guard positions[caseID] == nil else { return }  // opened twice: the first opening stands
        var number = claimed ?? nextCaseNumber(year: openedOn.year)
        if takenNumbers == nil { takenNumbers = Set(summaries.lazy.map(\.number)) }
        while takenNumbers!.contains(number) { number = CaseNumber(year: number.year, sequence: number.sequence + 1) }
        takenNumbers!.insert(number)
        lastSequenceByYear[number.year] = max(lastSequenceByYear[number.year] ?? 0, number.sequence)
        var record = CaseRecord(id: caseID, number: number, openedOn: openedOn, openedBy: event.author,
                                device: event.device, time: event.time)
        record.values.reserveCapacity(schema.fields.count)
        positions[caseID] = records.count
        records.append(record)
        summaries.append(CaseSummary(record, settings: caseworkSettings))
        isUnsettled.append(.settled)
        unsettle(records.count - 1, answersChanged: true)
        switch historyKeeping {
        case .none: break
        case .entries: histories.append([])
        case .eventReferences: references.appendCase()
        }
        searchIndex.update(at: records.count - 1, number: number, names: [])
        appendHistory(.opened(number), at: records.count - 1, by: event)
        appendReference(reference, at: records.count - 1)
    }

    private mutating func foldCaseEvent(_ event: Event, at position: Int, reference: UInt64?) {
        // A note, a service or a view on a case held as bytes waits beside them: its summary moves
        // only its time, and a restored store keeps no history entries to add.
        if !records.isDecoded(position), CaseRecord.leavesSummaryButLastChanged(event.body) {
            records.keepAside(event, at: position)
            summaries[position].lastChanged = max(summaries[position].lastChanged, event.time)
            appendReference(reference, at: position)
            return
        }
        let outcome = records[position].fold(event, schema: schema, collectingEntries: historyKeeping == .entries)  // in place
        unsettle(position, answersChanged: outcome.valuesChanged)
        if outcome.namesChanged {
            let record = records[position]
            searchIndex.update(at: position, number: record.number, names: record.names)
        }
        for change in outcome.entries { appendHistory(change, at: position, by: event) }
        appendReference(reference, at: position)
        // A family link shows on the relative's file too, from the relative's side.
        if case .familyLinked(let caseID, let link) = event.body, let other = positions[link.relative] {
            records[other].addRelative(FamilyLink(relative: caseID, relation: link.relation.inverse))
        }
    }

    /// Every event of a case is in its history (a view at least), so each one is remembered.
    private mutating func appendReference(_ reference: UInt64?, at position: Int) {
        guard historyKeeping == .eventReferences else { return }
        precondition(reference != nil, "a store keeping event references needs one for every event")
        references.append(reference!, at: position)
    }

    private mutating func appendHistory(_ change: HistoryEntry.Change, at position: Int, by event: Event) {
        guard historyKeeping == .entries else { return }
        histories[position].append(HistoryEntry(change, by: event))
    }

    private mutating func foldOrganisationEvent(_ event: Event) {
        switch event.body {
        case .userAdded(let name, let role):
            if var existing = users[name] {
                existing.role = role
                existing.isActive = true
                existing.mustChangePassphrase = event.author != name
                users[name] = existing
            } else {
                users[name] = UserAccount(name: name, role: role, isActive: true, addedBy: event.author, addedAt: event.time,
                                          mustChangePassphrase: event.author != name)
            }
        case .passphraseReset(let name):
            users[name]?.mustChangePassphrase = true
        case .passphraseChanged:
            users[event.author]?.mustChangePassphrase = false
        case .userDisabled(let name):
            users[name]?.isActive = false
        case .organisationConfigured(let name):
            organisationName = name
        case .partnerAdded(let id, let details):
            guard partners[id] == nil else { break }  // added twice: the first addition stands
            partners[id] = Partner(id: id, details: details, addedBy: event.author, addedAt: event.time,
                                   changedBy: event.author, changedAt: event.time)
        case .partnerChanged(let id, let details):
            partners[id]?.details = details
            partners[id]?.changedBy = event.author
            partners[id]?.changedAt = event.time
        case .partnerRetired(let id, let reason):
            partners[id]?.isRetired = true
            partners[id]?.retiredReason = reason
            partners[id]?.changedBy = event.author
            partners[id]?.changedAt = event.time
        case .caseworkSettingsChanged(let settings):
            caseworkSettings = settings
            for position in records.indices { unsettle(position, answersChanged: false) }  // the follow-ups' due days move
        case .deviceNamed(let device, let log, let name):
            devices[device, default: DeviceEntry(device: device)].named(name, log: log, by: event)
        case .deviceRevoked(let device, let log, let lastSequence, let reason):
            devices[device, default: DeviceEntry(device: device)].revoked(log: log, lastSequence: lastSequence,
                                                                          reason: reason, by: event)
        default:
            break
        }
        activity.append(ActivityEntry(eventID: event.id, time: event.time, author: event.author, body: event.body))
    }
}
