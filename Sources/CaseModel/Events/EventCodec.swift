import Foundation

/// The versioned binary encoding of events (docs/data-dictionary.md, "Event encoding").
///
/// Payload, format version 1:
/// `version:u8 | eventID:16 | deviceID:16 | wallMillis:varint | counter:varint | author:string | body`
/// where the body's fields follow in a fixed order per kind. Bytes after the body are ignored, so a
/// later version may append fields without breaking this reader; a change that older readers must
/// not misread raises the version byte instead.
public enum EventCodec {
    /// The format version this code writes and the newest it reads.
    public static let formatVersion: UInt8 = 1

    public static func encode(_ event: Event) -> (recordType: UInt8, payload: Data) {
        var writer = ByteWriter(capacity: 96)
        writer.byte(formatVersion)
        writer.identifier(event.id)
        writer.identifier(event.device)
        writer.varint(event.time.wallMillis)
        writer.varint(UInt64(event.time.counter))
        writer.string(event.author)
        encodeBody(event.body, into: &writer)
        return (event.body.kind.rawValue, Data(writer.bytes))
    }

    /// Decodes one record. Never throws and never loses the bytes: what cannot be read comes back
    /// as `.unrecognised` with the reason.
    public static func decode(recordType: UInt8, payload: Data) -> DecodedEvent {
        guard let kind = EventKind(rawValue: recordType) else {
            return .unrecognised(UnrecognisedEvent(recordType: recordType, payload: payload, reason: .unknownKind))
        }
        let outcome: Result<Event, DecodeFailure> = payload.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            do throws(DecodeFailure) {
                return .success(try decode(kind: kind, from: &reader))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let event):
            return .event(event)
        case .failure(let failure):
            return .unrecognised(UnrecognisedEvent(recordType: recordType, payload: payload, reason: failure.reason))
        }
    }

    // MARK: - Body layout, kind by kind

    private static func encodeBody(_ body: EventBody, into writer: inout ByteWriter) {
        switch body {
        case .caseOpened(let caseID, let openedOn, let number):
            writer.identifier(caseID)
            writer.date(openedOn)
            if let number {  // appended in a compatible way: a reader without it ignores the rest
                writer.byte(1)
                writer.varint(UInt64(number.year))
                writer.varint(UInt64(number.sequence))
            }
        case .fieldsSet(let caseID, let changes):
            writer.identifier(caseID)
            encodeChanges(changes, into: &writer)
        case .noteAdded(let caseID, let text):
            writer.identifier(caseID)
            writer.string(text)
        case .serviceRecorded(let caseID, let service):
            writer.identifier(caseID)
            writer.string(service.kind.rawValue)
            writer.date(service.date)
            writer.optionalDate(service.endDate)
            writer.string(service.note)
        case .referralMade(let caseID, let referral):
            writer.identifier(caseID)
            writer.string(referral.organisationType)
            writer.date(referral.date)
            writer.string(referral.reason)
        case .statusChanged(let caseID, let status, let reason):
            writer.identifier(caseID)
            writer.string(status.rawValue)
            writer.string(reason)
        case .caseReopened(let caseID, let reason):
            writer.identifier(caseID)
            writer.string(reason)
        case .duplicateMarked(let caseID, let original):
            writer.identifier(caseID)
            writer.identifier(original)
        case .consentWithdrawn(let caseID, let items, let note):
            writer.identifier(caseID)
            writer.varint(UInt64(items.count))
            for item in items { writer.string(item.rawValue) }
            writer.string(note)
        case .recordViewed(let caseID):
            writer.identifier(caseID)
        case .exportMade(let format, let identifiable, let caseCount):
            writer.string(format)
            writer.byte(identifiable ? 1 : 0)
            writer.varint(UInt64(max(0, caseCount)))
        case .userSignedIn:
            break
        case .userAdded(let name, let role):
            writer.string(name)
            writer.string(role.rawValue)
        case .userDisabled(let name):
            writer.string(name)
        case .organisationConfigured(let name):
            writer.string(name)
        case .passphraseChanged:
            break
        case .passphraseReset(let name):
            writer.string(name)
        case .importBegan(let batch), .importAbandoned(let batch):
            writer.identifier(batch)
        case .importCommitted(let batch, let caseCount):
            writer.identifier(batch)
            writer.varint(UInt64(max(0, caseCount)))
        case .partnerAdded(let partner, let details), .partnerChanged(let partner, let details):
            writer.identifier(partner)
            encodeDetails(details, into: &writer)
        case .partnerRetired(let partner, let reason):
            writer.identifier(partner)
            writer.string(reason)
        case .referralSent(let caseID, let referral):
            writer.identifier(caseID)
            writer.identifier(referral.partner)
            writer.string(referral.partnerName)
            writer.varint(UInt64(referral.reasons.count))
            for reason in referral.reasons { writer.string(reason.rawValue) }
            writer.varint(UInt64(referral.sharedParts.count))
            for part in referral.sharedParts { writer.string(part.rawValue) }
            writer.date(referral.date)
            writer.string(referral.consentOverride)
            writer.byte(referral.packet.rawValue)
        case .referralStatusChanged(let caseID, let referral, let status, let date, let outcome):
            writer.identifier(caseID)
            writer.identifier(referral)
            writer.string(status.rawValue)
            writer.date(date)
            writer.string(outcome)
        case .flagSet(let caseID, let flag), .flagCleared(let caseID, let flag):
            writer.identifier(caseID)
            writer.string(flag)
        case .objectiveSet, .actionSet, .riskAssessed, .needsAssessed, .followUpAdded, .followUpResolved,
             .caseworkSettingsChanged:
            encodeCasework(body, into: &writer)
        case .episodeSet, .familyLinked, .proceedingSet, .hearingSet:
            encodeEpisodes(body, into: &writer)
        case .deviceNamed(let device, let log, let name):
            writer.identifier(device)
            writer.string(log)
            writer.string(name)
        case .deviceRevoked(let device, let log, let lastSequence, let reason):
            writer.identifier(device)
            writer.string(log)
            writer.varint(lastSequence)
            writer.string(reason)
        case .conflictResolved(let caseID, let change):
            writer.identifier(caseID)
            writer.string(change.key.rawValue)
            encodeValue(change.old, into: &writer)
            encodeValue(change.new, into: &writer)
        }
    }

    private static func encodeDetails(_ details: PartnerDetails, into writer: inout ByteWriter) {
        writer.string(details.name)
        writer.string(details.kind.rawValue)
        writer.string(details.country)
        writer.string(details.city)
        writer.string(details.contact)
        writer.varint(UInt64(details.languages.count))
        for language in details.languages { writer.string(language) }
        writer.string(details.recipient)
    }

    private static func decodeDetails(from reader: inout ByteReader) throws -> PartnerDetails {
        let name = try reader.string()
        let code = try reader.knownString()
        guard let kind = PartnerKind(rawValue: code) else { throw DecodeFailure.malformed("unknown partner kind \(code)") }
        let country = try reader.knownString()
        let city = try reader.string()
        let contact = try reader.string()
        let count = try reader.count()
        var languages: [String] = []
        for _ in 0..<count { languages.append(try reader.knownString()) }
        return PartnerDetails(name: name, kind: kind, country: country, city: city, contact: contact,
                              languages: languages, recipient: try reader.string())
    }

    /// Codes of an enumeration, refusing one this version does not know.
    private static func decodeCodes<Value: RawRepresentable<String>>(
        _: Value.Type, _ what: String, from reader: inout ByteReader
    ) throws -> [Value] {
        let count = try reader.count()
        var values: [Value] = []
        for _ in 0..<count {
            let code = try reader.knownString()
            guard let value = Value(rawValue: code) else { throw DecodeFailure.malformed("unknown \(what) \(code)") }
            values.append(value)
        }
        return values
    }

    /// Why a payload of a known kind could not be read.
    private struct DecodeFailure: Error {
        let reason: UnrecognisedEvent.Reason

        static func malformed(_ what: String) -> Self { Self(reason: .malformed(what)) }
    }

    private static func decode(kind: EventKind, from reader: inout ByteReader) throws(DecodeFailure) -> Event {
        do {
            let version = try reader.byte()
            guard version <= formatVersion else { throw DecodeFailure(reason: .newerVersion(version)) }
            guard version >= 1 else { throw DecodeFailure.malformed("format version 0") }
            let id: EventID = try reader.identifier()
            let device: DeviceID = try reader.identifier()
            let wall = try reader.varint()
            let counter = try reader.varint()
            guard counter <= UInt64(UInt32.max) else { throw DecodeFailure.malformed("counter too large") }
            let author = try reader.string()
            let body = try decodeBody(kind: kind, from: &reader)
            return Event(id: id, author: author, time: HLCTimestamp(wallMillis: wall, counter: UInt32(counter)),
                         device: device, body: body)
        } catch let failure as DecodeFailure {
            throw failure
        } catch {
            throw DecodeFailure.malformed("payload ends early or holds an impossible value")
        }
    }

    private static func decodeBody(kind: EventKind, from reader: inout ByteReader) throws -> EventBody {
        switch kind {
        case .caseOpened:
            let caseID: CaseID = try reader.identifier()
            let openedOn = try reader.date()
            var number: CaseNumber?
            if reader.remaining > 0, try reader.byte() == 1 {
                let year = try reader.varint(), sequence = try reader.varint()
                guard year <= 9999, sequence >= 1, sequence <= 1_000_000 else { throw DecodeFailure.malformed("case number") }
                number = CaseNumber(year: Int(year), sequence: Int(sequence))
            }
            return .caseOpened(caseID: caseID, openedOn: openedOn, number: number)
        case .fieldsSet:
            let caseID: CaseID = try reader.identifier()
            return .fieldsSet(caseID: caseID, changes: try decodeChanges(from: &reader))
        case .noteAdded:
            return .noteAdded(caseID: try reader.identifier(), text: try reader.string())
        case .serviceRecorded:
            let caseID: CaseID = try reader.identifier()
            let code = try reader.knownString()
            guard let serviceKind = ServiceKind(rawValue: code) else {
                throw DecodeFailure.malformed("unknown service kind \(code)")
            }
            let date = try reader.date()
            let end = try reader.optionalDate()
            let note = try reader.string()
            return .serviceRecorded(caseID: caseID, service: ServiceEntry(kind: serviceKind, date: date, endDate: end, note: note))
        case .referralMade:
            let caseID: CaseID = try reader.identifier()
            let organisation = try reader.knownString()
            let date = try reader.date()
            let reason = try reader.string()
            return .referralMade(caseID: caseID, referral: ReferralEntry(organisationType: organisation, date: date, reason: reason))
        case .statusChanged:
            let caseID: CaseID = try reader.identifier()
            let code = try reader.knownString()
            guard let status = CaseStatus(rawValue: code) else { throw DecodeFailure.malformed("unknown status \(code)") }
            return .statusChanged(caseID: caseID, status: status, reason: try reader.string())
        case .caseReopened:
            return .caseReopened(caseID: try reader.identifier(), reason: try reader.string())
        case .duplicateMarked:
            return .duplicateMarked(caseID: try reader.identifier(), original: try reader.identifier())
        case .consentWithdrawn:
            let caseID: CaseID = try reader.identifier()
            let count = try reader.count()
            var items: [FieldKey] = []
            for _ in 0..<count { items.append(FieldKey(rawValue: try reader.knownString())) }
            return .consentWithdrawn(caseID: caseID, items: items, note: try reader.string())
        case .recordViewed:
            return .recordViewed(caseID: try reader.identifier())
        case .exportMade:
            let format = try reader.string()
            let identifiable = try reader.byte() != 0
            let count = try reader.varint()
            guard count <= UInt64(Int.max) else { throw DecodeFailure.malformed("case count too large") }
            return .exportMade(format: format, identifiable: identifiable, caseCount: Int(count))
        case .userSignedIn:
            return .userSignedIn
        case .userAdded:
            let name = try reader.string()
            let code = try reader.string()
            guard let role = UserRole(rawValue: code) else { throw DecodeFailure.malformed("unknown role \(code)") }
            return .userAdded(name: name, role: role)
        case .userDisabled:
            return .userDisabled(name: try reader.string())
        case .organisationConfigured:
            return .organisationConfigured(name: try reader.string())
        case .passphraseChanged:
            return .passphraseChanged
        case .passphraseReset:
            return .passphraseReset(name: try reader.string())
        case .importBegan:
            return .importBegan(batch: try reader.identifier())
        case .importAbandoned:
            return .importAbandoned(batch: try reader.identifier())
        case .importCommitted:
            let batch: ImportBatchID = try reader.identifier()
            let count = try reader.varint()
            guard count <= UInt64(Int.max) else { throw DecodeFailure.malformed("case count too large") }
            return .importCommitted(batch: batch, caseCount: Int(count))
        case .partnerAdded:
            return .partnerAdded(partner: try reader.identifier(), details: try decodeDetails(from: &reader))
        case .partnerChanged:
            return .partnerChanged(partner: try reader.identifier(), details: try decodeDetails(from: &reader))
        case .partnerRetired:
            return .partnerRetired(partner: try reader.identifier(), reason: try reader.string())
        case .referralSent:
            let caseID: CaseID = try reader.identifier()
            let partner: PartnerID = try reader.identifier()
            let name = try reader.string()
            let reasons = try decodeCodes(ReferralReason.self, "referral reason", from: &reader)
            let parts = try decodeCodes(SharedPart.self, "shared part", from: &reader)
            let date = try reader.date()
            let override = try reader.string()
            let raw = try reader.byte()
            guard let packet = PacketProtection(rawValue: raw) else { throw DecodeFailure.malformed("unknown packet protection \(raw)") }
            return .referralSent(caseID: caseID, referral: PartnerReferral(
                partner: partner, partnerName: name, reasons: reasons, sharedParts: parts, date: date,
                consentOverride: override, packet: packet))
        case .referralStatusChanged:
            let caseID: CaseID = try reader.identifier()
            let referral: EventID = try reader.identifier()
            let code = try reader.knownString()
            guard let status = ReferralStatus(rawValue: code) else { throw DecodeFailure.malformed("unknown referral status \(code)") }
            return .referralStatusChanged(caseID: caseID, referral: referral, status: status, date: try reader.date(),
                                          outcome: try reader.string())
        case .flagSet:
            return .flagSet(caseID: try reader.identifier(), flag: try reader.knownString())
        case .flagCleared:
            return .flagCleared(caseID: try reader.identifier(), flag: try reader.knownString())
        case .objectiveSet, .actionSet, .riskAssessed, .needsAssessed, .followUpAdded, .followUpResolved,
             .caseworkSettingsChanged:
            return try decodeCasework(kind: kind, from: &reader)
        case .episodeSet, .familyLinked, .proceedingSet, .hearingSet:
            return try decodeEpisodes(kind: kind, from: &reader)
        case .deviceNamed:
            return .deviceNamed(device: try reader.identifier(), log: try reader.string(), name: try reader.string())
        case .deviceRevoked:
            return .deviceRevoked(device: try reader.identifier(), log: try reader.string(), lastSequence: try reader.varint(),
                                  reason: try reader.string())
        case .conflictResolved:
            let caseID: CaseID = try reader.identifier()
            let key = FieldKey(rawValue: try reader.knownString())
            let old = try decodeValue(from: &reader)
            return .conflictResolved(caseID: caseID, change: FieldChange(key: key, old: old, new: try decodeValue(from: &reader)))
        }
    }

    // MARK: - Field changes: a count, then key, old value and new value of each

    static func encodeChanges(_ changes: [FieldChange], into writer: inout ByteWriter) {
        writer.varint(UInt64(changes.count))
        for change in changes {
            writer.string(change.key.rawValue)
            encodeValue(change.old, into: &writer)
            encodeValue(change.new, into: &writer)
        }
    }

    static func decodeChanges(from reader: inout ByteReader) throws -> [FieldChange] {
        let count = try reader.count()
        var changes: [FieldChange] = []
        changes.reserveCapacity(count)
        for _ in 0..<count {
            let key = FieldKey(rawValue: try reader.knownString())
            let old = try decodeValue(from: &reader)
            let new = try decodeValue(from: &reader)
            changes.append(FieldChange(key: key, old: old, new: new))
        }
        return changes
    }

    // MARK: - Field values: a tag byte, then the value

    private enum ValueTag: UInt8 {
        case none = 0, text = 1, date = 2, number = 3, code = 4, codes = 5
    }

    private static func encodeValue(_ value: FieldValue?, into writer: inout ByteWriter) {
        switch value {
        case nil:
            writer.byte(ValueTag.none.rawValue)
        case .text(let text)?:
            writer.byte(ValueTag.text.rawValue)
            writer.string(text)
        case .date(let date)?:
            writer.byte(ValueTag.date.rawValue)
            writer.date(date)
        case .number(let number)?:
            writer.byte(ValueTag.number.rawValue)
            writer.signed(number)
        case .code(let code)?:
            writer.byte(ValueTag.code.rawValue)
            writer.string(code)
        case .codes(let codes)?:
            writer.byte(ValueTag.codes.rawValue)
            writer.varint(UInt64(codes.count))
            for code in codes { writer.string(code) }
        }
    }

    private static func decodeValue(from reader: inout ByteReader) throws -> FieldValue? {
        let raw = try reader.byte()
        guard let tag = ValueTag(rawValue: raw) else { throw DecodeFailure.malformed("unknown value tag \(raw)") }
        switch tag {
        case .none: return nil
        case .text: return .text(try reader.string())
        case .date: return .date(try reader.date())
        case .number: return .number(try reader.signed())
        case .code: return .code(try reader.knownString())
        case .codes:
            let count = try reader.count()
            var codes: [String] = []
            codes.reserveCapacity(count)
            for _ in 0..<count { codes.append(try reader.knownString()) }
            return .codes(codes)
        }
    }
}
