import CalendarDay

/// The snapshot's form of a case's summary (see `CaseStore+Snapshot.swift`): written as it is, so
/// that a restored store has every summary without decoding a case. Codes, statuses and names of
/// caseworkers are named from the snapshot's string table, as in `CaseRecordCoder`.
enum CaseSummaryCoder {
    /// The stored properties of `CaseSummary` this coder writes (the test compares it with the type).
    static let propertiesWritten = 17

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
        out.varint(UInt64(summary.followUpDueDays.count))
        for (day, owner) in zip(summary.followUpDueDays, summary.followUpOwners) {
            out.date(day)
            out.varint(strings.index(owner))
        }
    }

    static func read(_ reader: inout ByteReader, strings: StringList) throws -> CaseSummary {
        let id: CaseID = try reader.identifier()
        let number = CaseNumber(year: try reader.int(), sequence: try reader.int())
        guard let status = CaseStatus(rawValue: try strings[reader.varint()]),
              let flags = UInt16(exactly: try reader.varint()) else { throw SnapshotDecodingError.badValue }
        let isFlagged = try reader.byte() != 0
        let displayName = try reader.string()
        let genderIndex = try reader.varint()
        let gender = genderIndex == 0 ? nil : try strings[genderIndex - 1]
        var codeLists: [[String]] = []
        for _ in 0..<2 {
            let count = try reader.count()
            var codes: [String] = []
            codes.reserveCapacity(count)
            for _ in 0..<count { codes.append(try strings[reader.varint()]) }
            codeLists.append(codes)
        }
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
        let dueCount = try reader.count()
        var due: [CalendarDate] = []
        var owners: [String] = []
        due.reserveCapacity(dueCount)
        owners.reserveCapacity(dueCount)
        for _ in 0..<dueCount {
            due.append(try reader.date())
            owners.append(try strings[reader.varint()])
        }
        return CaseSummary(id: id, number: number, status: status, flags: CaseFlags(rawValue: flags), isFlaggedByCaseworker: isFlagged,
                           displayName: displayName, genderCode: gender, citizenshipCodes: codeLists[0],
                           exploitationCodes: codeLists[1], caseworker: caseworker, completenessPercent: completeness,
                           intakeDate: intakeDate, lastChanged: lastChanged, duplicateOf: duplicateOf, personAge: age,
                           followUpDueDays: due, followUpOwners: owners)
    }
}

extension CaseSummary {
    /// A summary as the snapshot held it.
    fileprivate init(id: CaseID, number: CaseNumber, status: CaseStatus, flags: CaseFlags, isFlaggedByCaseworker: Bool,
                     displayName: String, genderCode: String?, citizenshipCodes: [String], exploitationCodes: [String],
                     caseworker: String, completenessPercent: Int, intakeDate: CalendarDate, lastChanged: HLCTimestamp,
                     duplicateOf: CaseID?, personAge: PersonAge, followUpDueDays: [CalendarDate],
                     followUpOwners: [String]) {
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
        self.followUpDueDays = followUpDueDays
        self.followUpOwners = followUpOwners
    }
}
