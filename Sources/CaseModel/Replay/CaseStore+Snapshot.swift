import Foundation

/// The replayed state written down, so that an open can start from it and fold only the events
/// after it (the caller's part of the log's snapshot, docs/log-format.md, "The snapshot").
///
/// Cases are written by `CaseRecordCoder` (by hand, strings named from one table, read back on
/// both cores) with the search index's keys as they are; positions and case numbers in use are
/// derived again on restore, so they cannot disagree with the cases. The organisation's state
/// (users, partners, devices, settings, activity: small) is written through its synthesized
/// `Codable` conformances (`SnapshotCoder`), organisation events in their log encoding. A
/// snapshot written by another version of the fold or of the schema is refused, and the log is
/// read instead.
extension CaseStore {
    /// Raise when folding or deriving changes what a replay gives (a snapshot of the old rules
    /// would then disagree with the log), or when the snapshot's form changes.
    static let snapshotVersion: UInt64 = 2

    /// The state as bytes; nil for a store that keeps `.entries` (only the references a log can
    /// read back are written) or that has events waiting for `settle`.
    ///
    /// The layout: version (varint) | history kept (1 byte) | the schema's field keys (count,
    /// strings) | the organisation's state (length, `SnapshotCoder` bytes) | the cases
    /// (`CaseRecordCoder`) | the search index's keys in case order.
    public func snapshot() -> Data? {
        guard historyKeeping != .entries, unsettled.isEmpty, searchIndex.caseIDs == records.map(\.id) else { return nil }
        let organisation = Organisation(
            users: users.values.sorted { $0.name < $1.name }, organisationName: organisationName,
            partners: partners.values.sorted { $0.id < $1.id }, devices: devices.values.sorted { $0.device < $1.device },
            caseworkSettings: caseworkSettings,
            activity: activity.map { KeptEvent(Event(id: $0.eventID, author: $0.author, time: $0.time,
                                                      device: DeviceID(high: 0, low: 0), body: $0.body)) },
            unrecognised: unrecognised.map { KeptRecord(type: $0.recordType, payload: Array($0.payload)) },
            orphans: orphans.map(KeptEvent.init),
            uncommittedImportEvents: uncommittedImportEvents, eventCount: eventCount, lastMergeKey: lastMergeKey,
            lastReplayedCaseKey: lastReplayedCaseKey, lastReplayedOrganisationKey: lastReplayedOrganisationKey)
        guard let organisationBytes = try? SnapshotCoder.encode(organisation),
              let cases = try? CaseRecordCoder.encode(records, references: references) else { return nil }
        var out = ByteWriter(capacity: cases.count + organisationBytes.count + 4096)
        out.varint(Self.snapshotVersion)
        out.bytes.append(historyKeeping == .eventReferences ? 1 : 0)
        let fields = Self.fingerprint(of: schema)
        out.varint(UInt64(fields.count))
        for field in fields { out.string(field) }
        out.varint(UInt64(organisationBytes.count))
        out.bytes.append(contentsOf: organisationBytes)
        out.bytes.append(contentsOf: cases)
        searchIndex.write(to: &out)
        return Data(out.bytes)
    }

    /// The state `snapshot()` wrote, or nil when `data` is not a snapshot of this version, schema
    /// and way of keeping history.
    public init?(snapshot data: Data, schema: IntakeSchema = .standard, history: HistoryKeeping) {
        guard history != .entries,
              let restored = try? data.withUnsafeBytes({ try Self.restored(from: $0, schema: schema, history: history) })
        else { return nil }
        self = restored
    }

    private static func restored(from bytes: UnsafeRawBufferPointer, schema: IntakeSchema,
                                 history: HistoryKeeping) throws -> CaseStore {
        var reader = ByteReader(bytes)
        guard try reader.varint() == snapshotVersion, try reader.byte() == (history == .eventReferences ? 1 : 0)
        else { throw SnapshotDecodingError.badValue }
        let fieldCount = try reader.count()
        var fields: [String] = []
        for _ in 0..<fieldCount { fields.append(try reader.string()) }
        guard fields == fingerprint(of: schema) else { throw SnapshotDecodingError.badValue }
        let organisation = try reader.skip(try reader.count())
        let state = try SnapshotCoder.decode(Organisation.self, from: Array(organisation))
        let (records, references) = try CaseRecordCoder.decode(&reader, withReferences: history == .eventReferences)
        var store = CaseStore(schema: schema, history: history)
        store.searchIndex = try SearchIndex(ids: records.map(\.id), reading: &reader)
        guard reader.isAtEnd else { throw SnapshotDecodingError.trailingBytes }
        store.records = records
        store.references = references
        store.positions.reserveCapacity(records.count)
        for (position, record) in records.enumerated() {
            store.positions[record.id] = position
            store.takenNumbers.insert(record.number)
            store.lastSequenceByYear[record.number.year] = max(store.lastSequenceByYear[record.number.year] ?? 0,
                                                               record.number.sequence)
        }
        guard store.positions.count == records.count else { throw SnapshotDecodingError.badValue }
        store.isUnsettled = Array(repeating: false, count: records.count)
        try store.restoreOrganisation(state)
        store.summaries = records.map { CaseSummary($0, settings: store.caseworkSettings) }
        return store
    }

    private mutating func restoreOrganisation(_ state: Organisation) throws {
        for user in state.users { users[user.name] = user }
        organisationName = state.organisationName
        for partner in state.partners { partners[partner.id] = partner }
        for entry in state.devices { devices[entry.device] = entry }
        caseworkSettings = state.caseworkSettings
        activity = try state.activity.map { kept in
            guard let event = kept.event else { throw SnapshotDecodingError.badValue }
            return ActivityEntry(eventID: event.id, time: event.time, author: event.author, body: event.body)
        }
        unrecognised = try state.unrecognised.map { kept in
            guard case .unrecognised(let record) = EventCodec.decode(recordType: kept.type, payload: Data(kept.payload))
            else { throw SnapshotDecodingError.badValue }
            return record
        }
        orphans = try state.orphans.map { kept in
            guard let event = kept.event else { throw SnapshotDecodingError.badValue }
            return event
        }
        uncommittedImportEvents = state.uncommittedImportEvents
        eventCount = state.eventCount
        lastMergeKey = state.lastMergeKey
        lastReplayedCaseKey = state.lastReplayedCaseKey
        lastReplayedOrganisationKey = state.lastReplayedOrganisationKey
    }

    /// The schema's fields, in order: a snapshot derived completeness and flags from them.
    private static func fingerprint(of schema: IntakeSchema) -> [String] { schema.fields.map(\.key.rawValue) }

    /// Everything but the cases.
    private struct Organisation: Codable {
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
