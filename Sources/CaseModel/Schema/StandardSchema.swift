/// The shelter's intake form, section by section, in the order the caseworker meets it.
/// Identity starts with family name, given name and gender: a quick registration is three fields.
enum StandardSchema {
    static let sections: [Section] = [identity, consent, background, situation, referral]

    /// A label or help text by its catalog key (`section.*`, `field.*`, `field.*.help`).
    private static func label(_ key: String) -> LocalizedText { LocalizedText(key) }

    static let identity = Section(id: "identity", title: label("section.identity"), fields: [
        Field(.familyName, .text, label: label("field.familyName"),
              help: label("field.familyName.help"),
              maxLength: 100),
        Field(.givenName, .text, label: label("field.givenName"),
              help: label("field.givenName.help"),
              maxLength: 100),
        Field(.gender, .singleChoice, label: label("field.gender"), codeList: CodeLists.gender,
              requiredForSave: true, requiredForReporting: true, ctdcName: "gender"),
        Field(.birthDate, .date, label: label("field.birthDate"),
              help: label("field.birthDate.help"),
              rules: [.notInFuture, .maximumAge(110)]),
        Field(.ageAtIntake, .number, label: label("field.ageAtIntake"),
              help: label("field.ageAtIntake.help"),
              requiredForReporting: true, relevance: .unanswered(.birthDate), rules: [.range(0...110)],
              ctdcName: "ageBroad"),
        Field(.patronymic, .text, label: label("field.patronymic"), maxLength: 100),
        Field(.alias, .text, label: label("field.alias"),
              help: label("field.alias.help"),
              maxLength: 100),
        Field(.citizenship, .countries, label: label("field.citizenship"),
              help: label("field.citizenship.help"),
              requiredForReporting: true, ctdcName: "citizenship"),
        Field(.languages, .multipleChoice, label: label("field.languages"),
              codeList: CodeLists.language),
    ])

    /// A child's consent is given by a guardian, whom the page asks for first, and only for a child.
    static let consent = Section(id: "consent", title: label("section.consent"), fields: [
        Field(.guardianName, .text, label: label("field.guardianName"),
              help: label("field.guardianName.help"),
              relevance: .minorAtIntake, maxLength: 100),
        Field(.guardianRelation, .singleChoice, label: label("field.guardianRelation"),
              codeList: CodeLists.guardianRelation, relevance: .minorAtIntake),
        Field(.consentToInterview, .yesNoUnknown, label: label("field.consentToInterview"),
              requiredForReporting: true),
        Field(.informedOfPurpose, .yesNoUnknown,
              label: label("field.informedOfPurpose")),
        Field(.informedOfUse, .yesNoUnknown,
              label: label("field.informedOfUse")),
        Field(.informedOfResearchUse, .yesNoUnknown,
              label: label("field.informedOfResearchUse")),
        Field(.informedOfRightToAccess, .yesNoUnknown,
              label: label("field.informedOfRightToAccess")),
        Field(.informedOfStoragePeriod, .yesNoUnknown,
              label: label("field.informedOfStoragePeriod")),
        Field(.informedOfWithdrawal, .yesNoUnknown,
              label: label("field.informedOfWithdrawal")),
        Field(.consentToStatistics, .yesNoUnknown,
              label: label("field.consentToStatistics"),
              help: label("field.consentToStatistics.help"),
              requiredForReporting: true),
        Field(.consentToShareWithPartners, .yesNoUnknown,
              label: label("field.consentToShareWithPartners")),
    ])

    static let background = Section(id: "background", title: label("section.background"), fields: [
        Field(.maritalStatus, .singleChoice, label: label("field.maritalStatus"),
              codeList: CodeLists.maritalStatus),
        Field(.numberOfChildren, .number, label: label("field.numberOfChildren"),
              rules: [.range(0...30)]),
        Field(.education, .singleChoice, label: label("field.education"),
              codeList: CodeLists.education),
    ])

    static let situation = Section(
        id: "situation", title: label("section.situation"), fields: [
        Field(.traffickingStatus, .singleChoice, label: label("field.traffickingStatus"),
              codeList: CodeLists.traffickingStatus, requiredForReporting: true),
        Field(.statusDecidedBy, .singleChoice, label: label("field.statusDecidedBy"),
              codeList: CodeLists.statusDecidedBy, relevance: .answered(.traffickingStatus)),
        Field(.exploitationTypes, .multipleChoice, label: label("field.exploitationTypes"),
              codeList: CodeLists.exploitationType, requiredForReporting: true,
              ctdcName: "typeOfExploitConcatenated"),
        Field(.labourSector, .singleChoice, label: label("field.labourSector"),
              help: label("field.labourSector.help"),
              codeList: CodeLists.labourSector, requiredForReporting: true,
              relevance: .contains(.exploitationTypes, "forcedLabour"), ctdcName: "typeOfLabourConcatenated"),
        Field(.sexualExploitationType, .singleChoice,
              label: label("field.sexualExploitationType"),
              codeList: CodeLists.sexualExploitationType,
              relevance: .contains(.exploitationTypes, "sexualExploitation"), ctdcName: "typeOfSexConcatenated"),
        Field(.recruitmentMethods, .multipleChoice, label: label("field.recruitmentMethods"),
              codeList: CodeLists.recruitmentMethod),
        Field(.recruiterRelation, .multipleChoice, label: label("field.recruiterRelation"),
              codeList: CodeLists.recruiterRelation, ctdcName: "recruiterRelation*"),
        Field(.abduction, .yesNoUnknown, label: label("field.abduction"), ctdcName: "isAbduction"),
        Field(.meansOfControl, .multipleChoice, label: label("field.meansOfControl"),
              codeList: CodeLists.meansOfControl, ctdcName: "meansOfControlConcatenated"),
        Field(.countriesOfRecruitment, .countries, label: label("field.countriesOfRecruitment")),
        Field(.countriesOfTransit, .countries, label: label("field.countriesOfTransit")),
        Field(.countriesOfExploitation, .countries, label: label("field.countriesOfExploitation"),
              requiredForReporting: true, ctdcName: "CountryOfExploitation"),
        Field(.ageAtExploitation, .number,
              label: label("field.ageAtExploitation"),
              help: label("field.ageAtExploitation.help"),
              requiredForReporting: true, rules: [.range(0...110), .notAboveCurrentAge],
              ctdcName: "majorityStatusAtExploit"),
        Field(.exploitationMonths, .number, label: label("field.exploitationMonths"),
              rules: [.range(0...1200)]),
    ])

    static let referral = Section(
        id: "referral", title: label("section.referral"), fields: [
        Field(.referralSource, .singleChoice, label: label("field.referralSource"),
              codeList: CodeLists.referralSource, requiredForReporting: true),
        Field(.referralDate, .date, label: label("field.referralDate"), rules: [.notInFuture]),
        Field(.intakeDate, .date, label: label("field.intakeDate"),
              help: label("field.intakeDate.help"),
              requiredForReporting: true, rules: [.notInFuture], ctdcName: "yearOfRegistration"),
        Field(.admissionDate, .date, label: label("field.admissionDate"),
              rules: [.notInFuture, .notBefore(.intakeDate)]),
        Field(.assignedCaseworker, .text, label: label("field.assignedCaseworker"),
              maxLength: 100),
        Field(.riskNotes, .longText, label: label("field.riskNotes"),
              help: label("field.riskNotes.help"),
              maxLength: 4000),
    ])
}
