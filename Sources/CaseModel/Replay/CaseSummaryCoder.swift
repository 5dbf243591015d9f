import CalendarDay

/// The snapshot's form of a case's summary (see `CaseStore+Snapshot.swift`): written as it is, so
/// that a restored store has every summary without decoding a case. Codes, statuses and names of
/// caseworkers are named from the snapshot's string table, as in `CaseRecordCoder`.
enum CaseSummaryCoder {
    /// The stored properties of `CaseSummary` this coder writes (the test compares it with the type).
    static let propertiesWritten = 16

    static func write(_ summary: CaseSummary, to out: inout ByteWriter, strings: inout StringTable) {
        out.identifier(summary.id)
        out.signed(summary.number.year)
        out.signed(summary.number.sequence)
        out.varint(strings.index(summary.status.rawValue))
        out.varint(UInt64(summary.flags.rawValue))
        out.byte(summary.isFlaggedByCaseworker ? 1 : 0)
        out.string(summary.displayName)
        if let gender = summary.genderCode {
            out.varint(strings.index(gender) + 1)
        } else {
            out.varint(0)
        }
        for codes in [summary.citizenshipCodes, summary.exploitationCodes] {
            out.varint(UInt64(codes.count))
            for code in codes { out.varint(strings.index(code)) }
        }
        out.varint(strings.index(summary.caseworker))
        out.signed(summary.completenessPercent)
        out.date(summary.intakeDate)
        out.time(summary.lastChanged)
        if let original = summary.duplicateOf {
            out.byte(1)
            out.identifier(original)
        } else {
            out.byte(0)
        }
        out.optionalDate(summary.personAge.birthDate)
        if let age = summary.personAge.estimatedAtIntake {
            out.byte(1)
            out.signed(age)
        } else {
            out.byte(0)
        }
        out.date(summary.personAge.intakeDate)
        out.varint(UInt64(summary.openFollowUps.count))
        for followUp in summary.openFollowUps {
            out.date(followUp.due)
            out.varint(strings.index(followUp.owner))
        }
    }
}

/// Reads the summaries `CaseSummaryCoder` wrote. A code list that recurs (most cases share a
/// citizenship and a kind of exploitation) is read into one array that every summary naming it
/// shares, so a restored caseload does not hold an array per case for a few dozen distinct lists.
struct CaseSummaryReader {
    let strings: StringList
    /// The lists read so far, by `listKey` of their string indices.
    private var sharedLists: [UInt64: [String]] = [:]

    init(strings: StringList) { self.strings = strings }

    mutating func read(_ reader: inout ByteReader) throws -> CaseSummary {
        let id: CaseID = try reader.identifier()
        let number = CaseNumber(year: try reader.int(), sequence: try reader.int())
        guard let status = CaseStatus(rawValue: try strings[reader.varint()]),
              let flags = UInt16(exactly: try reader.varint()) else { throw SnapshotDecodingError.badValue }
        let isFlagged = try reader.byte() != 0
        let displayName = try reader.string()
        let genderIndex = try reader.varint()
        let gender = genderIndex == 0 ? nil : try strings[genderIndex - 1]
        let citizenshipCodes = try codeList(&reader)
        let exploitationCodes = try codeList(&reader)
        let caseworker = try strings[reader.varint()]
        let completeness = try reader.int()
        let intakeDate = try reader.date()
        let lastChanged = try reader.time()
        let duplicateOf: CaseID? = switch try reader.byte() {
        case 0: nil
        case 1: try reader.identifier()
        default: throw SnapshotDecodingError.badValue
        }
        let birthDate = try reader.optionalDate()
        let estimated: Int? = switch try reader.byte() {
        case 0: nil
        case 1: try reader.int()
        default: throw SnapshotDecodingError.badValue
        }
        let age = PersonAge(birthDate: birthDate, estimatedAtIntake: estimated, intakeDate: try reader.date())
        let followUpCount = try reader.count()
        var followUps: [CaseSummary.FollowUpDue] = []
        followUps.reserveCapacity(followUpCount)
        for _ in 0..<followUpCount {
            followUps.append(CaseSummary.FollowUpDue(due: try reader.date(), owner: try strings[reader.varint()]))
        }
        return CaseSummary(id: id, number: number, status: status, flags: CaseFlags(rawValue: flags), isFlaggedByCaseworker: isFlagged,
                           displayName: displayName, genderCode: gender, citizenshipCodes: citizenshipCodes,
                           exploitationCodes: exploitationCodes, caseworker: caseworker, completenessPercent: completeness,
                           intakeDate: intakeDate, lastChanged: lastChanged, duplicateOf: duplicateOf, personAge: age,
                           openFollowUps: followUps)
    }

    /// count varint | count × string index. A list of up to three indices below 2^20 is looked
    /// up by those indices packed with its count into one number; others are read on their own.
    private mutating func codeList(_ reader: inout ByteReader) throws -> [String] {
        let start = reader
        let count = try reader.count()
        var key: UInt64? = count <= 3 ? UInt64(count) : nil
        for slot in 0..<count {
            let index = try reader.varint()
            if let packed = key, index < 1 << 20 { key = packed | index << (4 + 20 * UInt64(slot)) } else { key = nil }
        }
        if let key, let shared = sharedLists[key] { return shared }
        let end = reader
        reader = start
        _ = try reader.count()
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try strings[reader.varint()]) }
        reader = end
        if let key { sharedLists[key] = list }
        return list
    }
}

extension CaseSummary {
    /// A summary as the snapshot held it.
    fileprivate init(id: CaseID, number: CaseNumber, status: CaseStatus, flags: CaseFlags, isFlaggedByCaseworker: Bool,
                     displayName: String, genderCode: String?, citizenshipCodes: [String], exploitationCodes: [String],
                     caseworker: String, completenessPercent: Int, intakeDate: CalendarDate, lastChanged: HLCTimestamp,
                     duplicateOf: CaseID?, personAge: PersonAge, openFollowUps: [FollowUpDue]) {
        self.id = id
        self.number = number
        self.status = status
        self.flags = flags
        self.isFlaggedByCaseworker = isFlaggedByCaseworker
        self.displayName = displayName
        self.genderCode = genderCode
        self.citizenshipCodes = citizenshipCodes
        self.exploitationCodes = exploitationCodes
        self.caseworker = caseworker
        self.completenessPercent = completenessPercent
        self.intakeDate = intakeDate
        self.lastChanged = lastChanged
        self.duplicateOf = duplicateOf
        self.personAge = personAge
        self.openFollowUps = openFollowUps
    }
}
