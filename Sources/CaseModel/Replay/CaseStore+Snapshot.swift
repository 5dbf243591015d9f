import Foundation

/// The replayed state written down, so that an open can start from it and fold only the events
/// after it (the caller's part of the log's snapshot, docs/log-format.md, "The snapshot").
///
/// Cases are written whole through their synthesized `Codable` conformances (`SnapshotCoder`);
/// what follows from them — positions, case numbers in use, the search index — is derived again
/// on restore, so it cannot disagree with them. Organisation events (few) are kept as events.
/// A snapshot written by another version of the fold or of the schema is refused, and the log
/// is read instead.
extension CaseStore {
    /// Raise when folding or deriving changes what a replay gives (a snapshot of the old rules
    /// would then disagree with the log).
    static let snapshotVersion: UInt32 = 1

    /// The state as bytes; nil for a store that keeps `.entries` (only the references a log can
    /// read back are written) or that has events waiting for `settle`.
    public func snapshot() -> Data? {
        guard historyKeeping != .entries, unsettled.isEmpty else { return nil }
        let state = Snapshot(
            version: Self.snapshotVersion, schema: Self.fingerprint(of: schema),
            history: historyKeeping == .eventReferences ? 1 : 0,
            records: records, references: references,
            users: users.values.sorted { $0.name < $1.name }, organisationName: organisationName,
            partners: partners.values.sorted { $0.id < $1.id }, devices: devices.values.sorted { $0.device < $1.device },
            caseworkSettings: caseworkSettings,
            activity: activity.map { KeptEvent(Event(id: $0.eventID, author: $0.author, time: $0.time,
                                                      device: DeviceID(high: 0, low: 0), body: $0.body)) },
            unrecognised: unrecognised.map { KeptRecord(type: $0.recordType, payload: Array($0.payload)) },
            orphans: orphans.map(KeptEvent.init),
            uncommittedImportEvents: uncommittedImportEvents, eventCount: eventCount, lastMergeKey: lastMergeKey,
            lastReplayedCaseKey: lastReplayedCaseKey, lastReplayedOrganisationKey: lastReplayedOrganisationKey)
        return (try? SnapshotCoder.encode(state)).map { Data($0) }
    }

    /// The state `snapshot()` wrote, or nil when `data` is not a snapshot of this version, schema
    /// and way of keeping history.
    public init?(snapshot data: Data, schema: IntakeSchema = .standard, history: HistoryKeeping) {
        guard history != .entries,
              let state = try? SnapshotCoder.decode(Snapshot.self, from: Array(data)),
              state.version == Self.snapshotVersion, state.schema == Self.fingerprint(of: schema),
              state.history == (history == .eventReferences ? 1 : 0),
              history == .none ? state.references.isEmpty : state.references.count == state.records.count
        else { return nil }
        self.init(schema: schema, history: history)
        records = state.records
        references = state.references
        for (position, record) in records.enumerated() {
            positions[record.id] = position
            takenNumbers.insert(record.number)
            lastSequenceByYear[record.number.year] = max(lastSequenceByYear[record.number.year] ?? 0, record.number.sequence)
            searchIndex.update(record.id, number: record.number, names: record.names)
        }
        guard positions.count == records.count else { return nil }
        isUnsettled = Array(repeating: false, count: records.count)
        for user in state.users { users[user.name] = user }
        organisationName = state.organisationName
        for partner in state.partners { partners[partner.id] = partner }
        for entry in state.devices { devices[entry.device] = entry }
        caseworkSettings = state.caseworkSettings
        var activity: [ActivityEntry] = []
        for kept in state.activity {
            guard let event = kept.event else { return nil }
            activity.append(ActivityEntry(eventID: event.id, time: event.time, author: event.author, body: event.body))
        }
        self.activity = activity
        var unrecognised: [UnrecognisedEvent] = []
        for kept in state.unrecognised {
            guard case .unrecognised(let record) = EventCodec.decode(recordType: kept.type, payload: Data(kept.payload))
            else { return nil }
            unrecognised.append(record)
        }
        self.unrecognised = unrecognised
        var orphans: [Event] = []
        for kept in state.orphans {
            guard let event = kept.event else { return nil }
            orphans.append(event)
        }
        self.orphans = orphans
        uncommittedImportEvents = state.uncommittedImportEvents
        eventCount = state.eventCount
        lastMergeKey = state.lastMergeKey
        lastReplayedCaseKey = state.lastReplayedCaseKey
        lastReplayedOrganisationKey = state.lastReplayedOrganisationKey
    }

    /// The schema's fields, in order: a snapshot derived completeness and flags from them.
    private static func fingerprint(of schema: IntakeSchema) -> [String] { schema.fields.map(\.key.rawValue) }

    private struct Snapshot: Codable {
        var version: UInt32
        var schema: [String]
        var history: UInt8
        var records: [CaseRecord]
        var references: [[UInt64]]
        var users: [UserAccount]
        var organisationName: String?
        var partners: [Partner]
        var devices: [DeviceEntry]
        var caseworkSettings: CaseworkSettings
        var activity: [KeptEvent]
        var unrecognised: [KeptRecord]
        var orphans: [KeptEvent]
        var uncommittedImportEvents: Int
        var eventCount: Int
        var lastMergeKey: MergeKey?
        var lastReplayedCaseKey: MergeKey?
        var lastReplayedOrganisationKey: MergeKey?
    }

    /// An event in its log encoding.
    private struct KeptEvent: Codable {
        var type: UInt8
        var payload: [UInt8]

        init(_ event: Event) {
            let encoded = EventCodec.encode(event)
            type = encoded.recordType
            payload = Array(encoded.payload)
        }

        var event: Event? { EventCodec.decode(recordType: type, payload: Data(payload)).event }
    }

    private struct KeptRecord: Codable {
        var type: UInt8
        var payload: [UInt8]
    }
}
