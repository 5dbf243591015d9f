/// The shelter's intake form, section by section, in the order the caseworker meets it.
/// Identity starts with family name, given name and gender: a quick registration is three fields.
enum StandardSchema {
    static let sections: [Section] = [identity, consent, background, situation, referral]

    private static func label(_ en: String, _ ru: String, _ kk: String? = nil) -> LocalizedText {
        LocalizedText(en: en, ru: ru, kk: kk)
    }

    static let identity = Section(id: "identity", title: label("Identity", "Личные данные", "Жеке деректер"), fields: [
        Field(.familyName, .text, label: label("Family name", "Фамилия", "Тегі"),
              help: label("As the person gives it, in any script.", "Как называет сам человек, любым алфавитом."),
              maxLength: 100),
        Field(.givenName, .text, label: label("Given name", "Имя", "Аты"),
              help: label("As the person gives it, in any script.", "Как называет сам человек, любым алфавитом."),
              maxLength: 100),
        Field(.gender, .singleChoice, label: label("Gender", "Пол", "Жынысы"), codeList: CodeLists.gender,
              requiredForSave: true, requiredForReporting: true, ctdcName: "gender"),
        Field(.birthDate, .date, label: label("Date of birth", "Дата рождения", "Туған күні"),
              help: label("dd.mm.yyyy. If unknown, give an estimated age instead.",
                          "дд.мм.гггг. Если неизвестна, укажите примерный возраст."),
              rules: [.notInFuture, .maximumAge(110)]),
        Field(.ageAtIntake, .number, label: label("Estimated age", "Примерный возраст", "Шамамен жасы"),
              help: label("Age in years at intake, when the date of birth is unknown.",
                          "Возраст в годах на момент приёма, если дата рождения неизвестна."),
              requiredForReporting: true, relevance: .unanswered(.birthDate), rules: [.range(0...110)],
              ctdcName: "ageBroad"),
        Field(.patronymic, .text, label: label("Patronymic", "Отчество", "Әкесінің аты"), maxLength: 100),
        Field(.alias, .text, label: label("Alias or other name", "Другое имя или прозвище"),
              help: label("Another name the person is known by; enough for a first registration.",
                          "Другое имя, под которым человека знают; достаточно для первой регистрации."),
              maxLength: 100),
        Field(.citizenship, .countries, label: label("Citizenship", "Гражданство", "Азаматтығы"),
              help: label("One or more countries.", "Одна или несколько стран."),
              requiredForReporting: true, ctdcName: "citizenship"),
        Field(.languages, .multipleChoice, label: label("Languages", "Языки", "Тілдері"),
              codeList: CodeLists.language),
    ])

    static let consent = Section(id: "consent", title: label("Consent", "Согласие", "Келісім"), fields: [
        Field(.consentToInterview, .yesNoUnknown, label: label("Consents to the interview", "Согласие на беседу"),
              requiredForReporting: true),
        Field(.informedOfPurpose, .yesNoUnknown,
              label: label("Informed of the purpose", "Проинформирован(а) о цели")),
        Field(.informedOfUse, .yesNoUnknown,
              label: label("Informed how the data is used", "Проинформирован(а) об использовании данных")),
        Field(.informedOfResearchUse, .yesNoUnknown,
              label: label("Informed of research use", "Проинформирован(а) об использовании в исследованиях")),
        Field(.informedOfRightToAccess, .yesNoUnknown,
              label: label("Informed of the right to see own data", "Проинформирован(а) о праве видеть свои данные")),
        Field(.informedOfStoragePeriod, .yesNoUnknown,
              label: label("Informed of the storage period", "Проинформирован(а) о сроке хранения")),
        Field(.informedOfWithdrawal, .yesNoUnknown,
              label: label("Informed how to withdraw consent", "Проинформирован(а), как отозвать согласие")),
        Field(.consentToStatistics, .yesNoUnknown,
              label: label("Consents to anonymous statistics", "Согласие на анонимную статистику"),
              help: label("A case answered No is left out of every statistic.",
                          "Случай с ответом «Нет» не входит в статистику."),
              requiredForReporting: true),
        Field(.consentToShareWithPartners, .yesNoUnknown,
              label: label("Consents to sharing with referral partners", "Согласие на передачу данных партнёрам")),
    ])

    static let background = Section(id: "background", title: label("Background", "Сведения о жизни"), fields: [
        Field(.maritalStatus, .singleChoice, label: label("Marital status", "Семейное положение"),
              codeList: CodeLists.maritalStatus),
        Field(.numberOfChildren, .number, label: label("Number of children", "Количество детей"),
              rules: [.range(0...30)]),
        Field(.education, .singleChoice, label: label("Education (ISCED 2011)", "Образование (МСКО 2011)"),
              codeList: CodeLists.education),
    ])

    static let situation = Section(
        id: "situation", title: label("Trafficking situation", "Ситуация торговли людьми"), fields: [
        Field(.traffickingStatus, .singleChoice, label: label("Trafficking status", "Статус жертвы"),
              codeList: CodeLists.traffickingStatus, requiredForReporting: true),
        Field(.statusDecidedBy, .singleChoice, label: label("Status decided by", "Кем определён статус"),
              codeList: CodeLists.statusDecidedBy, relevance: .answered(.traffickingStatus)),
        Field(.exploitationTypes, .multipleChoice, label: label("Types of exploitation", "Виды эксплуатации"),
              codeList: CodeLists.exploitationType, requiredForReporting: true,
              ctdcName: "typeOfExploitConcatenated"),
        Field(.labourSector, .singleChoice, label: label("Labour sector", "Сфера труда"),
              help: label("Asked when forced labour is chosen.", "Спрашивается при принудительном труде."),
              codeList: CodeLists.labourSector, requiredForReporting: true,
              relevance: .contains(.exploitationTypes, "forcedLabour"), ctdcName: "typeOfLabourConcatenated"),
        Field(.sexualExploitationType, .singleChoice,
              label: label("Type of sexual exploitation", "Вид сексуальной эксплуатации"),
              codeList: CodeLists.sexualExploitationType,
              relevance: .contains(.exploitationTypes, "sexualExploitation"), ctdcName: "typeOfSexConcatenated"),
        Field(.recruitmentMethods, .multipleChoice, label: label("How the person was recruited", "Способ вербовки"),
              codeList: CodeLists.recruitmentMethod),
        Field(.recruiterRelation, .multipleChoice, label: label("Relation to the recruiter", "Кем приходится вербовщик"),
              codeList: CodeLists.recruiterRelation, ctdcName: "recruiterRelation*"),
        Field(.abduction, .yesNoUnknown, label: label("Abducted", "Похищение"), ctdcName: "isAbduction"),
        Field(.meansOfControl, .multipleChoice, label: label("Means of control", "Способы контроля"),
              codeList: CodeLists.meansOfControl, ctdcName: "meansOfControlConcatenated"),
        Field(.countriesOfRecruitment, .countries, label: label("Countries of recruitment", "Страны вербовки")),
        Field(.countriesOfTransit, .countries, label: label("Countries of transit", "Страны транзита")),
        Field(.countriesOfExploitation, .countries, label: label("Countries of exploitation", "Страны эксплуатации"),
              requiredForReporting: true, ctdcName: "CountryOfExploitation"),
        Field(.ageAtExploitation, .number,
              label: label("Age when exploitation began", "Возраст в начале эксплуатации"),
              help: label("In years; under 18 counts as a minor at exploitation.",
                          "В годах; до 18 лет считается несовершеннолетним."),
              requiredForReporting: true, rules: [.range(0...110), .notAboveCurrentAge],
              ctdcName: "majorityStatusAtExploit"),
        Field(.exploitationMonths, .number, label: label("How long it lasted (months)", "Длительность (месяцев)"),
              rules: [.range(0...1200)]),
    ])

    static let referral = Section(
        id: "referral", title: label("Referral and admission", "Направление и приём"), fields: [
        Field(.referralSource, .singleChoice, label: label("Referred by", "Кем направлен(а)"),
              codeList: CodeLists.referralSource, requiredForReporting: true),
        Field(.referralDate, .date, label: label("Referral date", "Дата направления"), rules: [.notInFuture]),
        Field(.intakeDate, .date, label: label("Intake date", "Дата приёма"),
              help: label("Statistics count a case in the period of its intake date.",
                          "Статистика относит случай к периоду по дате приёма."),
              requiredForReporting: true, rules: [.notInFuture], ctdcName: "yearOfRegistration"),
        Field(.admissionDate, .date, label: label("Admission to the shelter", "Поступление в приют"),
              rules: [.notInFuture, .notBefore(.intakeDate)]),
        Field(.assignedCaseworker, .text, label: label("Assigned caseworker", "Ответственный соцработник"),
              maxLength: 100),
        Field(.riskNotes, .longText, label: label("Risk notes", "Риски и безопасность"),
              help: label("Threats, people to avoid, safety arrangements.",
                          "Угрозы, с кем нельзя контактировать, меры безопасности."),
              maxLength: 4000),
    ])
}
