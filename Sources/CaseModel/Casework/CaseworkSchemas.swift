/// The forms of case work, declared as data like the intake (`IntakeSchema`): the app builds
/// their screens with the same builder, and the answers become events through the converters
/// below, so labels, code lists and rules live here and nowhere else.
public enum CaseworkSchemas {
    private static func label(_ en: String, _ ru: String, _ kk: String) -> LocalizedText {
        LocalizedText(en: en, ru: ru, kk: kk)
    }

    public static let objective = IntakeSchema(sections: [Section(
        id: "objective", title: label("Support plan objective", "Цель плана помощи", "Көмек жоспарының мақсаты"), fields: [
            Field(.planArea, .singleChoice, label: label("Area", "Сфера", "Сала"), codeList: CaseworkCodeLists.planArea,
                  requiredForSave: true),
            Field(.objectiveText, .longText, label: label("Objective", "Цель", "Мақсат"),
                  help: label("What the person wants to reach, in their words.", "Чего человек хочет достичь, его словами.",
                              "Адам неге жеткісі келеді, өз сөзімен."),
                  requiredForSave: true, maxLength: 1000),
            Field(.agreedWithPerson, .yesNoUnknown, label: label("Agreed with the person", "Согласовано с человеком",
                                                                 "Адаммен келісілген")),
            Field(.objectiveStatus, .singleChoice, label: label("Status", "Статус", "Мәртебесі"),
                  codeList: CaseworkCodeLists.objectiveStatus, requiredForSave: true),
            Field(.plannedEnd, .date, label: label("Planned end", "Плановый срок", "Жоспарлы мерзім")),
            Field(.actualEnd, .date, label: label("Actual end", "Фактическое завершение", "Нақты аяқталуы"),
                  rules: [.notInFuture]),
        ])])

    public static let action = IntakeSchema(sections: [Section(
        id: "action", title: label("Plan action", "Действие плана", "Жоспар әрекеті"), fields: [
            Field(.actionWhat, .text, label: label("What", "Что сделать", "Не істеу керек"), requiredForSave: true, maxLength: 300),
            Field(.responsible, .text, label: label("Responsible", "Ответственный", "Жауапты"),
                  help: label("A user or a partner organisation.", "Пользователь или организация-партнёр.",
                              "Пайдаланушы немесе серіктес ұйым."), maxLength: 100),
            Field(.plannedDate, .date, label: label("Planned date", "Плановая дата", "Жоспарлы күні")),
            Field(.doneDate, .date, label: label("Done on", "Выполнено", "Орындалған күні"), rules: [.notInFuture]),
            Field(.actionOutcome, .longText, label: label("Outcome", "Результат", "Нәтиже"), maxLength: 1000),
        ])])

    public static let risk = IntakeSchema(sections: [Section(
        id: "risk", title: label("Risk assessment", "Оценка рисков", "Тәуекелді бағалау"), fields: [
            Field(.assessmentDate, .date, label: label("Date", "Дата", "Күні"), requiredForSave: true, rules: [.notInFuture]),
            Field(.individualRisk, .singleChoice, label: label("Individual risk", "Личный риск", "Жеке тәуекел"),
                  codeList: CaseworkCodeLists.riskLevel, requiredForSave: true),
            Field(.individualReasons, .multipleChoice, label: label("Why", "Причины", "Себептері"),
                  codeList: CaseworkCodeLists.riskReason),
            Field(.householdRisk, .singleChoice, label: label("Household risk", "Риск в семье", "Отбасындағы тәуекел"),
                  codeList: CaseworkCodeLists.riskLevel, requiredForSave: true),
            Field(.householdReasons, .multipleChoice, label: label("Why", "Причины", "Себептері"),
                  codeList: CaseworkCodeLists.riskReason),
            Field(.communityRisk, .singleChoice, label: label("Community risk", "Риск в общине", "Қауымдағы тәуекел"),
                  codeList: CaseworkCodeLists.riskLevel, requiredForSave: true),
            Field(.communityReasons, .multipleChoice, label: label("Why", "Причины", "Себептері"),
                  codeList: CaseworkCodeLists.riskReason),
            Field(.immediateDanger, .yesNoUnknown, label: label("Immediate danger", "Непосредственная опасность", "Тікелей қауіп"),
                  requiredForSave: true),
            Field(.assessmentNote, .longText, label: label("Note", "Примечание", "Ескертпе"), maxLength: 2000),
        ])])

    public static let needs = IntakeSchema(sections: [Section(
        id: "needs", title: label("Needs assessment", "Оценка потребностей", "Қажеттіліктерді бағалау"), fields: [
            Field(.assessmentDate, .date, label: label("Date", "Дата", "Күні"), requiredForSave: true, rules: [.notInFuture]),
        ] + CaseworkCodeLists.planArea.codes.map { area in
            Field(FieldKey.need(area.code), .singleChoice, label: area.label, codeList: CaseworkCodeLists.needStatus)
        })])

    public static let followUp = IntakeSchema(sections: [Section(
        id: "followUp", title: label("Follow-up", "Задача", "Тапсырма"), fields: [
            Field(.followUpTitle, .text, label: label("What", "Что сделать", "Не істеу керек"), requiredForSave: true, maxLength: 200),
            Field(.dueDate, .date, label: label("Due", "Срок", "Мерзімі"), requiredForSave: true),
            Field(.owner, .text, label: label("Who", "Кто", "Кім"), requiredForSave: true, maxLength: 100),
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
