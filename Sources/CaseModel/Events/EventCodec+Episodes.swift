/// The body layouts of the episode, family and legal events (kinds 57–60), in the encoding
/// `EventCodec` describes.
extension EventCodec {
    static func encodeEpisodes(_ body: EventBody, into writer: inout ByteWriter) {
        switch body {
        case .episodeSet(let caseID, let episode, let changes):
            writer.identifier(caseID)
            writer.identifier(episode)
            encodeChanges(changes, into: &writer)
        case .familyLinked(let caseID, let link):
            writer.identifier(caseID)
            writer.identifier(link.relative)
            writer.string(link.relation.rawValue)
        case .proceedingSet(let caseID, let proceeding):
            writer.identifier(caseID)
            writer.identifier(proceeding.id)
            writer.string(proceeding.kind.rawValue)
            writer.string(proceeding.country)
            writer.string(proceeding.authority)
            writer.string(proceeding.role.rawValue)
            writer.string(proceeding.outcome)
            optionalAmount(proceeding.compensationClaimed, into: &writer)
            optionalAmount(proceeding.compensationAwarded, into: &writer)
        case .hearingSet(let caseID, let hearing):
            writer.identifier(caseID)
            writer.identifier(hearing.id)
            writer.identifier(hearing.proceeding)
            writer.date(hearing.date)
            writer.string(hearing.outcome)
        default:
            preconditionFailure("not an episode, family or legal event: \(body.kind)")
        }
    }

    static func decodeEpisodes(kind: EventKind, from reader: inout ByteReader) throws -> EventBody {
        switch kind {
        case .episodeSet:
            let caseID: CaseID = try reader.identifier()
            let episode: EpisodeID = try reader.identifier()
            return .episodeSet(caseID: caseID, episode: episode, changes: try decodeChanges(from: &reader))
        case .familyLinked:
            let caseID: CaseID = try reader.identifier()
            let relative: CaseID = try reader.identifier()
            let code = try reader.knownString()
            guard let relation = FamilyRelation(rawValue: code) else { throw UnknownCode() }
            return .familyLinked(caseID: caseID, link: FamilyLink(relative: relative, relation: relation))
        case .proceedingSet:
            let caseID: CaseID = try reader.identifier()
            let id: ProceedingID = try reader.identifier()
            let kindCode = try reader.knownString()
            guard let proceedingKind = ProceedingKind(rawValue: kindCode) else {
                throw UnknownCode()
            }
            let country = try reader.knownString(), authority = try reader.string()
            let roleCode = try reader.knownString()
            guard let role = ProceedingRole(rawValue: roleCode) else { throw UnknownCode() }
            let outcome = try reader.string()
            let claimed = try optionalAmount(from: &reader), awarded = try optionalAmount(from: &reader)
            return .proceedingSet(caseID: caseID, proceeding: LegalProceeding(
                id: id, kind: proceedingKind, country: country, authority: authority, role: role, outcome: outcome,
                compensationClaimed: claimed, compensationAwarded: awarded))
        case .hearingSet:
            let caseID: CaseID = try reader.identifier()
            let id: HearingID = try reader.identifier()
            let proceeding: ProceedingID = try reader.identifier()
            let date = try reader.date()
            return .hearingSet(caseID: caseID, hearing: Hearing(id: id, proceeding: proceeding, date: date,
                                                                 outcome: try reader.string()))
        default:
            preconditionFailure("not an episode, family or legal event: \(kind)")
        }
    }

    /// An amount: 0 for none, else 1 and the amount.
    private static func optionalAmount(_ amount: Int?, into writer: inout ByteWriter) {
        guard let amount else { return writer.byte(0) }
        writer.byte(1)
        writer.varint(UInt64(max(0, amount)))
    }

    private static func optionalAmount(from reader: inout ByteReader) throws -> Int? {
        guard try reader.byte() == 1 else { return nil }
        let amount = try reader.varint()
        guard amount <= UInt64(Int.max) else { throw UnknownCode() }
        return Int(amount)
    }
}
