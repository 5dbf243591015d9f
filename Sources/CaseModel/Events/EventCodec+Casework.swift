/// The body layouts of the case-work events (kinds 30–49: support plan, assessments, follow-ups,
/// the organisation's follow-up settings), in the encoding `EventCodec` describes.
extension EventCodec {
    struct UnknownCode: Error {}

    static func encodeCasework(_ body: EventBody, into writer: inout ByteWriter) {
        switch body {
        case .objectiveSet(let caseID, let objective):
            writer.identifier(caseID)
            writer.identifier(objective.id)
            writer.string(objective.area)
            writer.string(objective.text)
            writer.byte(objective.agreedWithPerson ? 1 : 0)
            writer.string(objective.status.rawValue)
            writer.optionalDate(objective.plannedEnd)
            writer.optionalDate(objective.actualEnd)
        case .actionSet(let caseID, let action):
            writer.identifier(caseID)
            writer.identifier(action.id)
            writer.identifier(action.objective)
            writer.string(action.what)
            writer.string(action.responsible)
            writer.optionalDate(action.plannedDate)
            writer.optionalDate(action.doneDate)
            writer.string(action.outcome)
        case .riskAssessed(let caseID, let assessment):
            writer.identifier(caseID)
            writer.date(assessment.date)
            for rating in [assessment.individual, assessment.household, assessment.community] {
                writer.string(rating.level.rawValue)
                writer.varint(UInt64(rating.reasons.count))
                for reason in rating.reasons { writer.string(reason) }
            }
            writer.byte(assessment.immediateDanger ? 1 : 0)
            writer.string(assessment.note)
        case .needsAssessed(let caseID, let assessment):
            writer.identifier(caseID)
            writer.date(assessment.date)
            writer.varint(UInt64(assessment.needs.count))
            for need in assessment.needs {
                writer.string(need.area)
                writer.string(need.status.rawValue)
            }
        case .followUpAdded(let caseID, let followUp):
            writer.identifier(caseID)
            writer.identifier(followUp.id)
            writer.string(followUp.title)
            writer.date(followUp.due)
            writer.string(followUp.owner)
        case .followUpResolved(let caseID, let ref, let resolution):
            writer.identifier(caseID)
            writer.string(ref.rawValue)
            switch resolution {
            case .done(let note):
                writer.byte(1)
                writer.string(note)
            case .moved(let day, let reason):
                writer.byte(2)
                writer.date(day)
                writer.string(reason)
            case .dropped(let reason):
                writer.byte(3)
                writer.string(reason)
            }
        case .caseworkSettingsChanged(let settings):
            writer.varint(UInt64(max(0, settings.reassessmentDays)))
            writer.varint(UInt64(max(0, settings.reflectionDays)))
            writer.varint(UInt64(max(0, settings.referralOutcomeDays)))
        default:
            preconditionFailure("not a case-work event: \(body.kind)")
        }
    }

    static func decodeCasework(kind: EventKind, from reader: inout ByteReader) throws -> EventBody {
        switch kind {
        case .objectiveSet:
            let caseID: CaseID = try reader.identifier()
            let id: ObjectiveID = try reader.identifier()
            let area = try reader.knownString(), text = try reader.string()
            let agreed = try reader.byte() != 0
            let status = try known(ObjectiveStatus(rawValue: try reader.knownString()))
            let planned = try reader.optionalDate(), actual = try reader.optionalDate()
            return .objectiveSet(caseID: caseID, objective: PlanObjective(
                id: id, area: area, text: text, agreedWithPerson: agreed, status: status, plannedEnd: planned, actualEnd: actual))
        case .actionSet:
            let caseID: CaseID = try reader.identifier()
            let id: ActionID = try reader.identifier()
            let objective: ObjectiveID = try reader.identifier()
            let what = try reader.string(), responsible = try reader.string()
            let planned = try reader.optionalDate(), done = try reader.optionalDate()
            let outcome = try reader.string()
            return .actionSet(caseID: caseID, action: PlanAction(
                id: id, objective: objective, what: what, responsible: responsible, plannedDate: planned, doneDate: done,
                outcome: outcome))
        case .riskAssessed:
            let caseID: CaseID = try reader.identifier()
            let date = try reader.date()
            var ratings: [RiskRating] = []
            for _ in 0..<3 {
                let level = try known(RiskLevel(rawValue: try reader.knownString()))
                let count = try reader.count()
                var reasons: [String] = []
                for _ in 0..<count { reasons.append(try reader.knownString()) }
                ratings.append(RiskRating(level, reasons: reasons))
            }
            let danger = try reader.byte() != 0
            let note = try reader.string()
            return .riskAssessed(caseID: caseID, assessment: RiskAssessment(
                date: date, individual: ratings[0], household: ratings[1], community: ratings[2], immediateDanger: danger,
                note: note))
        case .needsAssessed:
            let caseID: CaseID = try reader.identifier()
            let date = try reader.date()
            let count = try reader.count()
            var needs: [NeedsAssessment.Need] = []
            for _ in 0..<count {
                let area = try reader.knownString()
                needs.append(NeedsAssessment.Need(area: area, status: try known(NeedStatus(rawValue: try reader.knownString()))))
            }
            return .needsAssessed(caseID: caseID, assessment: NeedsAssessment(date: date, needs: needs))
        case .followUpAdded:
            let caseID: CaseID = try reader.identifier()
            let id: FollowUpID = try reader.identifier()
            let title = try reader.string(), due = try reader.date(), owner = try reader.string()
            return .followUpAdded(caseID: caseID, followUp: FollowUpEntry(id: id, title: title, due: due, owner: owner))
        case .followUpResolved:
            let caseID: CaseID = try reader.identifier()
            let ref = try known(FollowUpRef(rawValue: try reader.string()))
            let resolution: FollowUpResolution
            switch try reader.byte() {
            case 1: resolution = .done(note: try reader.string())
            case 2: resolution = .moved(to: try reader.date(), reason: try reader.string())
            case 3: resolution = .dropped(reason: try reader.string())
            default: throw UnknownCode()
            }
            return .followUpResolved(caseID: caseID, ref: ref, resolution: resolution)
        case .caseworkSettingsChanged:
            func days() throws -> Int {
                let value = try reader.varint()
                guard value <= 100_000 else { throw UnknownCode() }
                return Int(value)
            }
            return .caseworkSettingsChanged(CaseworkSettings(
                reassessmentDays: try days(), reflectionDays: try days(), referralOutcomeDays: try days()))
        default:
            preconditionFailure("not a case-work kind: \(kind)")
        }
    }

    private static func known<T>(_ value: T?) throws -> T {
        guard let value else { throw UnknownCode() }
        return value
    }
}
