import Foundation

/// The replayed state written down, so that an open can start from it and fold only the events
/// after it (the caller's part of the log's snapshot, docs/log-format.md, "The snapshot").
///
/// Each case is written by `CaseRecordCoder` (by hand, strings named from one table) and restored
/// as those bytes, undecoded (`CaseRecords`); what an open needs of every case is written beside
/// it and restored as it is: its summary (`CaseSummaryCoder`), its event references (small deltas,
/// kept as bytes too), its search key. Positions and case numbers in use come from the summaries.
/// A snapshot written from a restored store carries the restored string table forward, so the
/// bytes of the cases no event changed are copied, not decoded and encoded again. The
/// organisation's state (users, partners, devices, settings, activity: small) is written through
/// its synthesized `Codable` conformances (`SnapshotCoder`), organisation events in their log
/// encoding. A snapshot written by another version of the fold or of the schema is refused, and
/// the log is read instead.
extension CaseStore {
    /// Raise when folding or deriving changes what a replay gives (a snapshot of the old rules
    /// would then disagree with the log), or when the snapshot's form changes.
    static let snapshotVersion: UInt64 = 4

    /// The state as bytes; nil for a store that keeps `.entries` (only the references a log can
    /// read back are written), that has events waiting for `settle`, or whose encoded cases,
    /// summaries or event references do not read back equal to what was encoded (a coder bug:
    /// no snapshot rather than one that would not open or would differ from the log).
    ///
    /// The layout: version (varint) | history kept (1 byte) | the schema's field keys (count,
    /// strings) | the organisation's state (length, `SnapshotCoder` bytes) | the string table |
    /// the cases (`ByteRuns` of `CaseRecordCoder` bytes) | their summaries | their event
    /// references (`ByteRuns`, only when kept) | the search index's keys in case order.
    public func snapshot() -> Data? {
        guard historyKeeping != .entries, unsettled.isEmpty, searchIndex.count == summaries.count else { return nil }
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
        var strings = StringTable(carrying: records.restoredStrings)
        guard let organisationBytes = try? SnapshotCoder.encode(organisation),
              let cases = try? records.encoded(strings: &strings) else { return nil }
        var perCase = ByteWriter(capacity: summaries.count * 96)
        cases.write(to: &perCase)
        perCase.varint(UInt64(summaries.count))
        let summariesStart = perCase.bytes.count
        for summary in summaries { CaseSummaryCoder.write(summary, to: &perCase, strings: &strings) }
        // What was encoded must read back as it was, or no snapshot is written (an open starts
        // from the last one written, or reads the log): a coder bug must never stop an open, nor
        // make a snapshot's state differ from the log's. The table is complete here: nothing
        // after names a string.
        let table = StringList(strings: strings.list)
        guard records.encodedCasesReadBack(from: cases, strings: table),
              Self.summaries(summaries, readBackFrom: perCase.bytes[summariesStart...], strings: table) else { return nil }
        if historyKeeping == .eventReferences {
            let runs = references.encoded()
            guard references.encodedListsReadBack(from: runs) else { return nil }
            runs.write(to: &perCase)
        }
        searchIndex.write(to: &perCase)
        var out = ByteWriter(capacity: perCase.bytes.count + organisationBytes.count + 4096)
        out.varint(Self.snapshotVersion)
        out.bytes.append(historyKeeping == .eventReferences ? 1 : 0)
        let fields = Self.fingerprint(of: schema)
        out.varint(UInt64(fields.count))
        for field in fields { out.string(field) }
        out.varint(UInt64(organisationBytes.count))
        out.bytes.append(contentsOf: organisationBytes)
        out.varint(UInt64(strings.list.count))
        for string in strings.list { out.string(string) }
        out.bytes.append(contentsOf: perCase.bytes)
        return Data(out.bytes)
    }

    /// Whether `bytes` read back, with `strings`, as exactly `summaries`, read as a restore reads
    /// them (`CaseSummaryReader`; the writer's check, as `CaseRecords.encodedCasesReadBack`).
    static func summaries(_ summaries: [CaseSummary], readBackFrom bytes: ArraySlice<UInt8>, strings: StringList) -> Bool {
        bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var summaryReader = CaseSummaryReader(strings: strings)
            for summary in summaries {
                guard (try? summaryReader.read(&reader)) == summary else { return false }
            }
            return reader.isAtEnd
        }
    }

    /// The state `snapshot()` wrote, or nil when `data` is not a snapshot of this version, schema
    /// and way of keeping history.
    public init?(snapshot data: Data, schema: IntakeSchema = .standard, history: HistoryKeeping) {
        guard history != .entries,
              let restored = try? data.withUnsafeBytes({ try Self.restored(from: $0, sharing: data, schema: schema, history: history) })
        else { return nil }
        self = restored
    }

    /// `bytes` are `data`'s: the cases' bytes are kept as a slice of `data`, not copied.
    private static func restored(from bytes: UnsafeRawBufferPointer, sharing data: Data, schema: IntakeSchema,
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
        let stringCount = try reader.count()
        var list: [String] = []
        list.reserveCapacity(stringCount)
        for _ in 0..<stringCount { list.append(try reader.string()) }
        let strings = StringList(strings: list)
        let cases = try ByteRuns(reading: &reader, sharing: data)
        guard try reader.count() == cases.count else { throw SnapshotDecodingError.badValue }
        var summaries: [CaseSummary] = []
        summaries.reserveCapacity(cases.count)
        var summaryReader = CaseSummaryReader(strings: strings)
        for _ in 0..<cases.count { summaries.append(try summaryReader.read(&reader)) }
        var store = CaseStore(schema: schema, history: history)
        if history == .eventReferences { store.references = try EventReferenceLists(reading: &reader, caseCount: cases.count) }
        store.searchIndex = try SearchIndex(caseCount: cases.count, reading: &reader, sharing: data)
        guard reader.isAtEnd else { throw SnapshotDecodingError.trailingBytes }
        store.records = CaseRecords(restoring: cases, strings: strings)
        store.summaries = summaries
        store.positions.reserveCapacity(summaries.count)
        store.takenNumbers = nil
        for position in summaries.indices {
            // Each case's bytes begin with its id: the cases and summaries are in the same order.
            let id = summaries[position].id, number = summaries[position].number
            guard store.records.restoredID(at: position) == id else { throw SnapshotDecodingError.badValue }
            store.positions[id] = position
            store.lastSequenceByYear[number.year] = max(store.lastSequenceByYear[number.year] ?? 0, number.sequence)
        }
        guard store.positions.count == summaries.count else { throw SnapshotDecodingError.badValue }
        store.isUnsettled = Array(repeating: .settled, count: summaries.count)
        try store.restoreOrganisation(state)
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
