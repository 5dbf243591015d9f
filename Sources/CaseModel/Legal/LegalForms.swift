/// The proceeding and hearing forms, declared as data like the intake (`StandardSchema`); the
/// converters turn cleaned answers into the recorded values and back.
public enum LegalForms {
    private static func label(_ key: String) -> LocalizedText { LocalizedText(key) }

    public static let proceeding = IntakeSchema(sections: [Section(
        id: "proceeding", title: label("section.proceeding"), fields: [
            Field(.proceedingKind, .singleChoice, label: label("field.proceedingKind"), codeList: ProceedingKind.codeList,
                  requiredForSave: true),
            Field(.proceedingCountry, .country, label: label("field.proceedingCountry")),
            Field(.proceedingAuthority, .text, label: label("field.proceedingAuthority"),
                  help: label("field.proceedingAuthority.help"), maxLength: 300),
            Field(.proceedingRole, .singleChoice, label: label("field.proceedingRole"), codeList: ProceedingRole.codeList,
                  requiredForSave: true),
            Field(.proceedingOutcome, .longText, label: label("field.proceedingOutcome"), maxLength: 1000),
            Field(.compensationClaimed, .number, label: label("field.compensationClaimed"),
                  help: label("field.compensationClaimed.help"), rules: [.range(0...1_000_000_000)]),
            Field(.compensationAwarded, .number, label: label("field.compensationAwarded"),
                  rules: [.range(0...1_000_000_000)]),
        ])])

    public static let hearing = IntakeSchema(sections: [Section(
        id: "hearing", title: label("section.hearing"), fields: [
            Field(.hearingDate, .date, label: label("field.hearingDate"), requiredForSave: true),
            Field(.hearingOutcome, .longText, label: label("field.hearingOutcome"),
                  help: label("field.hearingOutcome.help"), maxLength: 1000),
        ])])

    public static func values(of proceeding: LegalProceeding) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [.proceedingKind: .code(proceeding.kind.rawValue),
                                              .proceedingRole: .code(proceeding.role.rawValue)]
        if !proceeding.country.isEmpty { values[.proceedingCountry] = .code(proceeding.country) }
        if !proceeding.authority.isEmpty { values[.proceedingAuthority] = .text(proceeding.authority) }
        if !proceeding.outcome.isEmpty { values[.proceedingOutcome] = .text(proceeding.outcome) }
        values[.compensationClaimed] = proceeding.compensationClaimed.map(FieldValue.number)
        values[.compensationAwarded] = proceeding.compensationAwarded.map(FieldValue.number)
        return values
    }

    /// The proceeding the answers give; nil when a required answer is missing.
    public static func proceeding(id: ProceedingID, from values: [FieldKey: FieldValue]) -> LegalProceeding? {
        guard let kind = values[.proceedingKind]?.code.flatMap(ProceedingKind.init(rawValue:)),
              let role = values[.proceedingRole]?.code.flatMap(ProceedingRole.init(rawValue:)) else { return nil }
        return LegalProceeding(id: id, kind: kind, country: values[.proceedingCountry]?.code ?? "",
                               authority: values[.proceedingAuthority]?.text ?? "", role: role,
                               outcome: values[.proceedingOutcome]?.text ?? "",
                               compensationClaimed: values[.compensationClaimed]?.number,
                               compensationAwarded: values[.compensationAwarded]?.number)
    }

    public static func values(of hearing: Hearing) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [.hearingDate: .date(hearing.date)]
        if !hearing.outcome.isEmpty { values[.hearingOutcome] = .text(hearing.outcome) }
        return values
    }

    public static func hearing(id: HearingID, of proceeding: ProceedingID, from values: [FieldKey: FieldValue]) -> Hearing? {
        guard let date = values[.hearingDate]?.date else { return nil }
        return Hearing(id: id, proceeding: proceeding, date: date, outcome: values[.hearingOutcome]?.text ?? "")
    }
}

extension FieldKey {
    // The proceeding and hearing forms (not intake fields: never stored among a case's answers).
    public static let proceedingKind: FieldKey = "proceedingKind"
    public static let proceedingCountry: FieldKey = "proceedingCountry"
    public static let proceedingAuthority: FieldKey = "proceedingAuthority"
    public static let proceedingRole: FieldKey = "proceedingRole"
    public static let proceedingOutcome: FieldKey = "proceedingOutcome"
    public static let compensationClaimed: FieldKey = "compensationClaimed"
    public static let compensationAwarded: FieldKey = "compensationAwarded"
    public static let hearingDate: FieldKey = "hearingDate"
    public static let hearingOutcome: FieldKey = "hearingOutcome"
}
