/// The partner and referral forms, declared as data like the intake (`StandardSchema`): the
/// application builds their screens with the same form builder, and reads answers back by key.
public enum PartnerForms {
    private static func label(_ en: String, _ ru: String, _ kk: String? = nil) -> LocalizedText {
        LocalizedText(en: en, ru: ru, kk: kk)
    }

    // MARK: A partner

    public static let partner = IntakeSchema(sections: [
        Section(id: "partner", title: label("Partner", "Партнёр", "Серіктес"), fields: [
            Field(.partnerName, .text, label: label("Name", "Название", "Атауы"), requiredForSave: true, maxLength: 200),
            Field(.partnerKind, .singleChoice, label: label("Kind", "Вид", "Түрі"), codeList: PartnerKind.codeList,
                  requiredForSave: true),
            Field(.partnerCountry, .country, label: label("Country", "Страна", "Елі")),
            Field(.partnerCity, .text, label: label("City", "Город", "Қаласы"), maxLength: 100),
            Field(.partnerContact, .text, label: label("Contact", "Контакт", "Байланыс"),
                  help: label("Phone, e-mail or a person to ask for.", "Телефон, почта или к кому обращаться."), maxLength: 300),
            Field(.partnerLanguages, .multipleChoice, label: label("Languages", "Языки", "Тілдері"), codeList: CodeLists.language),
            Field(.partnerRecipient, .text, label: label("age key", "Ключ age", "age кілті"),
                  help: label("The partner's public key, age1… (from age-keygen). Empty: packets use a passphrase.",
                              "Открытый ключ партнёра, age1… (из age-keygen). Пусто — пакеты с паролем."),
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
            Code($0.id.description, en: $0.details.name, ru: $0.details.name, kk: $0.details.name)
        })
        var fields = [
            Field(.referralPartner, .singleChoice, label: label("Partner", "Партнёр", "Серіктес"), codeList: choices,
                  requiredForSave: true),
            Field(.referralReasons, .multipleChoice, label: label("Reasons", "Причины", "Себептері"),
                  codeList: ReferralReason.codeList, requiredForSave: true),
            Field(.referralShared, .multipleChoice, label: label("What to share", "Что передать", "Не беріледі"),
                  help: label("Notes are free text: share them only when needed.",
                              "Заметки — свободный текст: передавайте только при необходимости."),
                  codeList: SharedPart.codeList, requiredForSave: true),
            Field(.referralFile, .text, label: label("Packet file", "Файл пакета", "Пакет файлы"),
                  help: label("Where to write the encrypted packet.", "Куда записать зашифрованный пакет."),
                  requiredForSave: true, maxLength: 1000),
        ]
        if !consented {
            fields.append(Field(.referralOverride, .text,
                                label: label("Reason to send without consent", "Причина отправки без согласия",
                                             "Келісімсіз жіберу себебі"),
                                help: label("No consent to share with partners. Coordinators only; shown in the history.",
                                            "Нет согласия на передачу партнёрам. Только координатор; видно в истории."),
                                requiredForSave: true, maxLength: 500))
        }
        return IntakeSchema(sections: [Section(id: "partnerReferral", title: label("Referral", "Направление", "Жолдама"),
                                               fields: fields)])
    }
}

extension FieldKey {
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
