import Foundation

/// The snapshot's form of one case (see `CaseStore+Snapshot.swift`): written by hand, because the
/// generic `Codable` form (`SnapshotCoder`) asks for every property by an existential container,
/// and for every enumeration case by its name.
///
/// Repeated strings — authors, field keys, codes, service kinds, statuses — are written once, in a
/// table, and each case names them by index: a case's answers are mostly codes. A restored store
/// keeps each case as these bytes (`CaseRecords`) and decodes it when it is read. The case
/// work after intake (plans, assessments, follow-ups, partners' referrals, episodes, relatives,
/// legal proceedings: empty in most cases) is written through `SnapshotCoder`, whose synthesized
/// conformances keep a property added there from being left out; `CaseRecordCoderTests` fails
/// when a property is added to `CaseRecord` itself and not here.
enum CaseRecordCoder {
    /// The stored properties of `CaseRecord` this coder writes (the test compares it with the type).
    static let propertiesWritten = 26

    /// One case, whole: `read` takes exactly these bytes. Its id comes first (`CaseRecords.restoredID`).
    static func write(_ record: CaseRecord, to out: inout ByteWriter, strings: inout StringTable) throws {
        out.identifier(record.id)
        out.signed(record.number.year)
        out.signed(record.number.sequence)
        out.date(record.openedOn)
        out.varint(strings.index(record.openedBy))
        out.identifier(record.openedByDevice)
        out.varint(UInt64(record.values.count))
        for key in record.values.keys.sorted() {
            out.varint(strings.index(key.rawValue))
            write(record.values[key]!, to: &out, strings: &strings)
        }
        out.varint(strings.index(record.status.rawValue))
        out.string(record.statusReason)
        if let original = record.duplicateOf {
            out.bytes.append(1)
            out.identifier(original)
        } else {
            out.bytes.append(0)
        }
        out.varint(UInt64(record.notes.count))
        for note in record.notes {
            out.stamp(note.id, note.author, note.time, strings: &strings)
            out.string(note.text)
        }
        out.varint(UInt64(record.services.count))
        for service in record.services {
            out.stamp(service.id, service.author, service.time, strings: &strings)
            out.varint(strings.index(service.entry.kind.rawValue))
            out.date(service.entry.date)
            out.optionalDate(service.entry.endDate)
            out.string(service.entry.note)
        }
        out.varint(UInt64(record.referrals.count))
        for referral in record.referrals {
            out.stamp(referral.id, referral.author, referral.time, strings: &strings)
            out.varint(strings.index(referral.entry.organisationType))
            out.date(referral.entry.date)
            out.string(referral.entry.reason)
        }
        out.varint(UInt64(record.flags.rawValue))
        out.varint(UInt64(record.userFlags.count))
        for flag in record.userFlags { out.varint(strings.index(flag)) }
        out.signed(record.completeness.filled)
        out.signed(record.completeness.total)
        out.varint(UInt64(record.conflictingFields.count))
        for key in record.conflictingFields.sorted() { out.varint(strings.index(key.rawValue)) }
        out.time(record.lastChanged)
        let casework = Casework(record)
        if casework.isEmpty {
            out.varint(0)
        } else {
            let bytes = try SnapshotCoder.encode(casework)
            out.varint(UInt64(bytes.count))
            out.bytes.append(contentsOf: bytes)
        }
    }

    /// The case `write` wrote as exactly `bytes`.
    static func read(_ bytes: UnsafeRawBufferPointer, strings: StringList) throws -> CaseRecord {
        var reader = ByteReader(bytes)
        let id: CaseID = try reader.identifier()
        let number = CaseNumber(year: try reader.int(), sequence: try reader.int())
        let openedOn = try reader.date()
        let openedBy = try strings[reader.varint()]
        let device: DeviceID = try reader.identifier()
        var record = CaseRecord(id: id, number: number, openedOn: openedOn, openedBy: openedBy, device: device, time: .zero)
        let answerCount = try reader.count()
        record.values.reserveCapacity(answerCount)
        for _ in 0..<answerCount {
            let key = FieldKey(rawValue: try strings[reader.varint()])
            record.values[key] = try readValue(&reader, strings: strings)
        }
        guard let status = CaseStatus(rawValue: try strings[reader.varint()]) else { throw SnapshotDecodingError.badValue }
        record.status = status
        record.statusReason = try reader.string()
        switch try reader.byte() {
        case 0: break
        case 1: record.duplicateOf = try reader.identifier() as CaseID
        default: throw SnapshotDecodingError.badValue
        }
        let noteCount = try reader.count()
        record.notes.reserveCapacity(noteCount)
        for _ in 0..<noteCount {
            let (id, author, time) = try reader.stamp(strings)
            record.notes.append(Note(id: id, author: author, time: time, text: try reader.string()))
        }
        let serviceCount = try reader.count()
        record.services.reserveCapacity(serviceCount)
        for _ in 0..<serviceCount {
            let (id, author, time) = try reader.stamp(strings)
            guard let kind = ServiceKind(rawValue: try strings[reader.varint()]) else { throw SnapshotDecodingError.badValue }
            let date = try reader.date()
            let entry = ServiceEntry(kind: kind, date: date, endDate: try reader.optionalDate(), note: try reader.string())
            record.services.append(ServiceRecord(id: id, author: author, time: time, entry: entry))
        }
        let referralCount = try reader.count()
        record.referrals.reserveCapacity(referralCount)
        for _ in 0..<referralCount {
            let (id, author, time) = try reader.stamp(strings)
            let entry = ReferralEntry(organisationType: try strings[reader.varint()], date: try reader.date(),
                                      reason: try reader.string())
            record.referrals.append(ReferralRecord(id: id, author: author, time: time, entry: entry))
        }
        guard let flags = UInt16(exactly: try reader.varint()) else { throw SnapshotDecodingError.badValue }
        record.flags = CaseFlags(rawValue: flags)
        let flagCount = try reader.count()
        for _ in 0..<flagCount { record.userFlags.append(try strings[reader.varint()]) }
        record.completeness = Completeness(filled: try reader.int(), total: try reader.int())
        let conflictCount = try reader.count()
        for _ in 0..<conflictCount { record.conflictingFields.insert(FieldKey(rawValue: try strings[reader.varint()])) }
        record.lastChanged = try reader.time()
        let casework = try reader.skip(try reader.count())
        if !casework.isEmpty { try SnapshotCoder.decode(Casework.self, from: Array(casework)).apply(to: &record) }
        guard reader.isAtEnd else { throw SnapshotDecodingError.trailingBytes }
        return record
    }

    private enum ValueTag: UInt8 { case text, date, number, code, codes }

    private static func write(_ value: FieldValue, to out: inout ByteWriter, strings: inout StringTable) {
        switch value {
        case .text(let text):
            out.bytes.append(ValueTag.text.rawValue)
            out.string(text)
        case .date(let date):
            out.bytes.append(ValueTag.date.rawValue)
            out.date(date)
        case .number(let number):
            out.bytes.append(ValueTag.number.rawValue)
            out.signed(number)
        case .code(let code):
            out.bytes.append(ValueTag.code.rawValue)
            out.varint(strings.index(code))
        case .codes(let codes):
            out.bytes.append(ValueTag.codes.rawValue)
            out.varint(UInt64(codes.count))
            for code in codes { out.varint(strings.index(code)) }
        }
    }

    private static func readValue(_ reader: inout ByteReader, strings: StringList) throws -> FieldValue {
        switch ValueTag(rawValue: try reader.byte()) {
        case .text: return .text(try reader.string())
        case .date: return .date(try reader.date())
        case .number: return .number(try reader.int())
        case .code: return .code(try strings[reader.varint()])
        case .codes:
            let count = try reader.count()
            var codes: [String] = []
            codes.reserveCapacity(count)
            for _ in 0..<count { codes.append(try strings[reader.varint()]) }
            return .codes(codes)
        case nil: throw SnapshotDecodingError.badValue
        }
    }

    /// The case work after intake, written through the synthesized conformances.
    private struct Casework: Codable {
        var partnerReferrals: [PartnerReferralRecord]
        var plan: SupportPlan
        var riskAssessments: [RiskAssessment]
        var needsAssessments: [NeedsAssessment]
        var manualFollowUps: [FollowUpEntry]
        var followUpResolutions: [FollowUpRef: FollowUpResolution]
        var laterEpisodes: [Episode]
        var relatives: [FamilyLink]
        var legal: LegalRecord

        init(_ record: CaseRecord) {
            partnerReferrals = record.partnerReferrals
            plan = record.plan
            riskAssessments = record.riskAssessments
            needsAssessments = record.needsAssessments
            manualFollowUps = record.manualFollowUps
            followUpResolutions = record.followUpResolutions
            laterEpisodes = record.laterEpisodes
            relatives = record.relatives
            legal = record.legal
        }

        var isEmpty: Bool {
            partnerReferrals.isEmpty && plan == SupportPlan() && riskAssessments.isEmpty && needsAssessments.isEmpty
                && manualFollowUps.isEmpty && followUpResolutions.isEmpty && laterEpisodes.isEmpty && relatives.isEmpty
                && legal == LegalRecord()
        }

        func apply(to record: inout CaseRecord) {
            record.partnerReferrals = partnerReferrals
            record.plan = plan
            record.riskAssessments = riskAssessments
            record.needsAssessments = needsAssessments
            record.manualFollowUps = manualFollowUps
            record.followUpResolutions = followUpResolutions
            record.laterEpisodes = laterEpisodes
            record.relatives = relatives
            record.legal = legal
        }
    }
}

// MARK: - Strings

/// The strings written once and named by index, in the order first met. A snapshot written from a
/// restored store starts from the restored table (`init(carrying:)`), so indices in the restored
/// cases' bytes keep naming the same strings.
struct StringTable {
    private(set) var list: [String] = []
    private var indices: [String: UInt64] = [:]

    init(carrying list: [String] = []) {
        self.list = list
        indices.reserveCapacity(list.count)
        for (index, string) in list.enumerated() where indices[string] == nil { indices[string] = UInt64(index) }
    }

    mutating func index(_ string: String) -> UInt64 {
        if let index = indices[string] { return index }
        let index = UInt64(list.count)
        indices[string] = index
        list.append(string)
        return index
    }
}

/// The table as read back, for decoding.
struct StringList: Sendable, Equatable {
    let strings: [String]

    subscript(index: UInt64) -> String {
        get throws {
            guard index < UInt64(strings.count) else { throw SnapshotDecodingError.badValue }
            return strings[Int(index)]
        }
    }
}

// MARK: - Bytes

extension ByteWriter {
    mutating func time(_ time: HLCTimestamp) {
        varint(time.wallMillis)
        varint(UInt64(time.counter))
    }

    fileprivate mutating func stamp(_ id: EventID, _ author: String, _ time: HLCTimestamp, strings: inout StringTable) {
        identifier(id)
        varint(strings.index(author))
        self.time(time)
    }
}

extension ByteReader {
    var isAtEnd: Bool { remaining == 0 }

    mutating func int() throws(Overrun) -> Int { try signed() }

    mutating func time() throws(Overrun) -> HLCTimestamp {
        let wall = try varint()
        guard let counter = UInt32(exactly: try varint()) else { throw Overrun() }
        return HLCTimestamp(wallMillis: wall, counter: counter)
    }

    fileprivate mutating func stamp(_ strings: StringList) throws -> (EventID, String, HLCTimestamp) {
        let id: EventID = try identifier()
        let author = try strings[varint()]
        return (id, author, try time())
    }
}
