/// The forms of case work, declared as data like the intake (`IntakeSchema`): the app builds
/// their screens with the same builder, and the answers become events through the converters
/// below, so labels, code lists and rules live here and nowhere else.
public enum CaseworkSchemas {
    /// A label or help text by its catalog key.
    private static func label(_ key: String) -> LocalizedText { LocalizedText(key) }

    public static let objective = IntakeSchema(sections: [Section(
        id: "objective", title: label("section.objective"), fields: [
            Field(.planArea, .singleChoice, label: label("field.planArea"), codeList: CaseworkCodeLists.planArea,
                  requiredForSave: true),
            Field(.objectiveText, .longText, label: label("field.objectiveText"),
                  help: label("field.objectiveText.help"),
                  requiredForSave: true, maxLength: 1000),
            Field(.agreedWithPerson, .yesNoUnknown, label: label("field.agreedWithPerson")),
            Field(.objectiveStatus, .singleChoice, label: label("field.objectiveStatus"),
                  codeList: CaseworkCodeLists.objectiveStatus, requiredForSave: true),
            Field(.plannedEnd, .date, label: label("field.plannedEnd")),
            Field(.actualEnd, .date, label: label("field.actualEnd"),
                  rules: [.notInFuture]),
        ])])

    public static let action = IntakeSchema(sections: [Section(
        id: "action", title: label("section.action"), fields: [
            Field(.actionWhat, .text, label: label("field.actionWhat"), requiredForSave: true, maxLength: 300),
            Field(.responsible, .text, label: label("field.responsible"),
                  help: label("field.responsible.help"), maxLength: 100),
            Field(.plannedDate, .date, label: label("field.plannedDate")),
            Field(.doneDate, .date, label: label("field.doneDate"), rules: [.notInFuture]),
            Field(.actionOutcome, .longText, label: label("field.actionOutcome"), maxLength: 1000),
        ])])

    public static let risk = IntakeSchema(sections: [Section(
        id: "risk", title: label("section.risk"), fields: [
            Field(.assessmentDate, .date, label: label("field.assessmentDate"), requiredForSave: true, rules: [.notInFuture]),
            Field(.individualRisk, .singleChoice, label: label("field.individualRisk"),
                  codeList: CaseworkCodeLists.riskLevel, requiredForSave: true),
            Field(.individualReasons, .multipleChoice, label: label("field.individualReasons"),
                  codeList: CaseworkCodeLists.riskReason),
            Field(.householdRisk, .singleChoice, label: label("field.householdRisk"),
                  codeList: CaseworkCodeLists.riskLevel, requiredForSave: true),
            Field(.householdReasons, .multipleChoice, label: label("field.householdReasons"),
                  codeList: CaseworkCodeLists.riskReason),
            Field(.communityRisk, .singleChoice, label: label("field.communityRisk"),
                  codeList: CaseworkCodeLists.riskLevel, requiredForSave: true),
            Field(.communityReasons, .multipleChoice, label: label("field.communityReasons"),
                  codeList: CaseworkCodeLists.riskReason),
            Field(.immediateDanger, .yesNoUnknown, label: label("field.immediateDanger"),
                  requiredForSave: true),
            Field(.assessmentNote, .longText, label: label("field.assessmentNote"), maxLength: 2000),
        ])])

    public static let needs = IntakeSchema(sections: [Section(
        id: "needs", title: label("section.needs"), fields: [
            Field(.assessmentDate, .date, label: label("field.assessmentDate"), requiredForSave: true, rules: [.notInFuture]),
        ] + CaseworkCodeLists.planArea.codes.map { area in
            Field(FieldKey.need(area.code), .singleChoice, label: area.label, codeList: CaseworkCodeLists.needStatus)
        })])

    public static let followUp = IntakeSchema(sections: [Section(
        id: "followUp", title: label("section.followUp"), fields: [
            Field(.followUpTitle, .text, label: label("field.followUpTitle"), requiredForSave: true, maxLength: 200),
            Field(.dueDate, .date, label: label("field.dueDate"), requiredForSave: true),
            Field(.owner, .text, label: label("field.owner"), requiredForSave: true, maxLength: 100),
        ])])

    /// Every case-work form, for the data dictionary.
    public static let all = [objective, action, risk, needs, followUp]

    // MARK: - Answers to events' values

    public static func objective(id: ObjectiveID, from values: [FieldKey: FieldValue]) -> PlanObjective? {
        guard let area = values[.planArea]?.code, let text = values[.objectiveText]?.text,
              let status = values[.objectiveStatus]?.code.flatMap(ObjectiveStatus.init(rawValue:)) else { return nil }
        return PlanObjective(id: id, area: area, text: text, agreedWithPerson: values[.agreedWithPerson]?.code == "yes",
                             status: status, plannedEnd: values[.plannedEnd]?.date, actualEnd: values[.actualEnd]?.date)
    }

    public static func values(of objective: PlanObjective) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [.planArea: .code(objective.area), .objectiveText: .text(objective.text),
                                              .agreedWithPerson: .code(objective.agreedWithPerson ? "yes" : "no"),
                                              .objectiveStatus: .code(objective.status.rawValue)]
        values[.plannedEnd] = objective.plannedEnd.map(FieldValue.date)
        values[.actualEnd] = objective.actualEnd.map(FieldValue.date)
        return values
    }

    public static func action(id: ActionID, objective: ObjectiveID, from values: [FieldKey: FieldValue]) -> PlanAction? {
        guard let what = values[.actionWhat]?.text else { return nil }
        return PlanAction(id: id, objective: objective, what: what, responsible: values[.responsible]?.text ?? "",
                          plannedDate: values[.plannedDate]?.date, doneDate: values[.doneDate]?.date,
                          outcome: values[.actionOutcome]?.text ?? "")
    }

    public static func values(of action: PlanAction) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [.actionWhat: .text(action.what)]
        if !action.responsible.isEmpty { values[.responsible] = .text(action.responsible) }
        values[.plannedDate] = action.plannedDate.map(FieldValue.date)
        values[.doneDate] = action.doneDate.map(FieldValue.date)
        if !action.outcome.isEmpty { values[.actionOutcome] = .text(action.outcome) }
        return values
    }

    public static func riskAssessment(from values: [FieldKey: FieldValue]) -> RiskAssessment? {
        func rating(_ level: FieldKey, _ reasons: FieldKey) -> RiskRating? {
            values[level]?.code.flatMap(RiskLevel.init(rawValue:)).map { RiskRating($0, reasons: values[reasons]?.codeList ?? []) }
        }
        guard let date = values[.assessmentDate]?.date, let individual = rating(.individualRisk, .individualReasons),
              let household = rating(.householdRisk, .householdReasons), let community = rating(.communityRisk, .communityReasons)
        else { return nil }
        return RiskAssessment(date: date, individual: individual, household: household, community: community,
                              immediateDanger: values[.immediateDanger]?.code == "yes", note: values[.assessmentNote]?.text ?? "")
    }

    public static func needsAssessment(from values: [FieldKey: FieldValue]) -> NeedsAssessment? {
        guard let date = values[.assessmentDate]?.date else { return nil }
        return NeedsAssessment(date: date, needs: CaseworkCodeLists.planArea.codes.compactMap { area in
            values[.need(area.code)]?.code.flatMap(NeedStatus.init(rawValue:)).map { NeedsAssessment.Need(area: area.code, status: $0) }
        })
    }

    public static func followUp(id: FollowUpID, from values: [FieldKey: FieldValue]) -> FollowUpEntry? {
        guard let title = values[.followUpTitle]?.text, let due = values[.dueDate]?.date, let owner = values[.owner]?.text else {
            return nil
        }
        return FollowUpEntry(id: id, title: title, due: due, owner: owner)
    }
}

/// The keys of the case-work forms' answers (they name form fields, not intake fields: they are
/// never stored as a case's answers).
extension FieldKey {
    public static let planArea: FieldKey = "planArea"
    public static let objectiveText: FieldKey = "objectiveText"
    public static let agreedWithPerson: FieldKey = "agreedWithPerson"
    public static let objectiveStatus: FieldKey = "objectiveStatus"
    public static let plannedEnd: FieldKey = "plannedEnd"
    public static let actualEnd: FieldKey = "actualEnd"
    public static let actionWhat: FieldKey = "actionWhat"
    public static let responsible: FieldKey = "responsible"
    public static let plannedDate: FieldKey = "plannedDate"
    public static let doneDate: FieldKey = "doneDate"
    public static let actionOutcome: FieldKey = "actionOutcome"
    public static let assessmentDate: FieldKey = "assessmentDate"
    public static let individualRisk: FieldKey = "individualRisk"
    public static let individualReasons: FieldKey = "individualReasons"
    public static let householdRisk: FieldKey = "householdRisk"
    public static let householdReasons: FieldKey = "householdReasons"
    public static let communityRisk: FieldKey = "communityRisk"
    public static let communityReasons: FieldKey = "communityReasons"
    public static let immediateDanger: FieldKey = "immediateDanger"
    public static let assessmentNote: FieldKey = "assessmentNote"
    public static let followUpTitle: FieldKey = "followUpTitle"
    public static let dueDate: FieldKey = "dueDate"
    public static let owner: FieldKey = "owner"

    /// A needs assessment's answer for one plan area.
    public static func need(_ area: String) -> FieldKey { FieldKey("need." + area) }
}
