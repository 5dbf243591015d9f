/// The partner and referral forms, declared as data like the intake (`StandardSchema`): the
/// application builds their screens with the same form builder, and reads answers back by key.
public enum PartnerForms {
    /// A label or help text by its catalog key.
    private static func label(_ key: String) -> LocalizedText { LocalizedText(key) }

    // MARK: A partner

    public static let partner = IntakeSchema(sections: [
        Section(id: "partner", title: label("section.partner"), fields: [
            Field(.partnerName, .text, label: label("field.partnerName"), requiredForSave: true, maxLength: 200),
            Field(.partnerKind, .singleChoice, label: label("field.partnerKind"), codeList: PartnerKind.codeList,
                  requiredForSave: true),
            Field(.partnerCountry, .country, label: label("field.partnerCountry")),
            Field(.partnerCity, .text, label: label("field.partnerCity"), maxLength: 100),
            Field(.partnerContact, .text, label: label("field.partnerContact"),
                  help: label("field.partnerContact.help"), maxLength: 300),
            Field(.partnerLanguages, .multipleChoice, label: label("field.partnerLanguages"), codeList: CodeLists.language),
            Field(.partnerRecipient, .text, label: label("field.partnerRecipient"),
                  help: label("field.partnerRecipient.help"),
                  maxLength: 200),
        ]),
    ])

    /// The form's answers for `details` (to edit them).
    public static func values(of details: PartnerDetails) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [.partnerName: .text(details.name), .partnerKind: .code(details.kind.rawValue)]
        if !details.country.isEmpty { values[.partnerCountry] = .code(details.country) }
        if !details.city.isEmpty { values[.partnerCity] = .text(details.city) }
        if !details.contact.isEmpty { values[.partnerContact] = .text(details.contact) }
        if !details.languages.isEmpty { values[.partnerLanguages] = .codes(details.languages) }
        if !details.recipient.isEmpty { values[.partnerRecipient] = .text(details.recipient) }
        return values
    }

    /// The details the answers give (checked later by `PartnerDetails.cleaned`).
    public static func details(from values: [FieldKey: FieldValue]) -> PartnerDetails {
        PartnerDetails(name: values[.partnerName]?.text ?? "",
                       kind: values[.partnerKind]?.code.flatMap(PartnerKind.init(rawValue:)) ?? .other,
                       country: values[.partnerCountry]?.code ?? "", city: values[.partnerCity]?.text ?? "",
                       contact: values[.partnerContact]?.text ?? "", languages: values[.partnerLanguages].map(Self.codes) ?? [],
                       recipient: values[.partnerRecipient]?.text ?? "")
    }

    /// The codes of a choice answer (one or several).
    public static func codes(_ value: FieldValue) -> [String] {
        switch value {
        case .codes(let codes): codes
        case .code(let code): [code]
        default: []
        }
    }

    // MARK: A referral

    /// The referral form for `partners` (the active ones, by id); the override reason is asked
    /// only when the person has not consented to sharing.
    public static func referral(partners: [Partner], consented: Bool) -> IntakeSchema {
        let choices = CodeList(id: "partner", codes: partners.map {
            Code($0.id.description, verbatim: $0.details.name)
        })
        var fields = [
            Field(.referralPartner, .singleChoice, label: label("field.referralPartner"), codeList: choices,
                  requiredForSave: true),
            Field(.referralReasons, .multipleChoice, label: label("field.referralReasons"),
                  codeList: ReferralReason.codeList, requiredForSave: true),
            Field(.referralShared, .multipleChoice, label: label("field.referralShared"),
                  help: label("field.referralShared.help"),
                  codeList: SharedPart.codeList, requiredForSave: true),
            Field(.referralFile, .text, label: label("field.referralFile"),
                  help: label("field.referralFile.help"),
                  requiredForSave: true, maxLength: 1000),
        ]
        if !consented {
            fields.append(Field(.referralOverride, .text,
                                label: label("field.referralOverride"),
                                help: label("field.referralOverride.help"),
                                requiredForSave: true, maxLength: 500))
        }
        return IntakeSchema(sections: [Section(id: "partnerReferral", title: label("section.partnerReferral"),
                                               fields: fields)])
    }
}

extension PartnerForms {
    /// The form that moves a referral on: the statuses it may move to (`ReferralStatus.next`), the
    /// day, and what came of it.
    public static func referralStatus(from current: ReferralStatus) -> IntakeSchema {
        let next = CodeList(id: "referralStatus", codes: current.next.map(\.code))
        return IntakeSchema(sections: [Section(id: "referralStatus", title: label("section.referralStatus"), fields: [
            Field(.referralNewStatus, .singleChoice, label: label("field.referralNewStatus"), codeList: next,
                  requiredForSave: true),
            Field(.referralStatusDate, .date, label: label("field.referralStatusDate"), requiredForSave: true,
                  rules: [.notInFuture]),
            Field(.referralOutcome, .longText, label: label("field.referralOutcome"),
                  help: label("field.referralOutcome.help"), maxLength: 1000),
        ])])
    }
}

extension FieldKey {
    // The referral status form.
    public static let referralNewStatus: FieldKey = "referralNewStatus"
    public static let referralStatusDate: FieldKey = "referralStatusDate"
    public static let referralOutcome: FieldKey = "referralOutcome"
    // The partner form (not intake fields: never stored in a case).
    public static let partnerName: FieldKey = "partnerName"
    public static let partnerKind: FieldKey = "partnerKind"
    public static let partnerCountry: FieldKey = "partnerCountry"
    public static let partnerCity: FieldKey = "partnerCity"
    public static let partnerContact: FieldKey = "partnerContact"
    public static let partnerLanguages: FieldKey = "partnerLanguages"
    public static let partnerRecipient: FieldKey = "partnerRecipient"
    // The referral form.
    public static let referralPartner: FieldKey = "referralPartner"
    public static let referralReasons: FieldKey = "referralReasons"
    public static let referralShared: FieldKey = "referralShared"
    public static let referralFile: FieldKey = "referralFile"
    public static let referralOverride: FieldKey = "referralOverride"
}
