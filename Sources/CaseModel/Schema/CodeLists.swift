/// The code lists of the intake form and of events, after IOM's HTCDS and the CTDC data set.
/// Codes are stable identifiers (stored, exported, imported); labels may be reworded freely.
public enum CodeLists {
    public static let gender = CodeList(id: "gender", codes: [
        Code("female", label: "codeList.gender.female"),
        Code("male", label: "codeList.gender.male"),
        Code("transgender", label: "codeList.gender.transgender"),
        Code("unknown", label: "codeList.gender.unknown"),
    ])

    public static let yesNoUnknown = CodeList(id: "yesNoUnknown", codes: [
        Code("yes", label: "codeList.yesNoUnknown.yes"),
        Code("no", label: "codeList.yesNoUnknown.no"),
        Code("unknown", label: "codeList.yesNoUnknown.unknown"),
    ])

    /// ISO 639-2/3 codes of the languages a person speaks.
    public static let language = CodeList(id: "language", codes: [
        Code("uzb", label: "codeList.language.uzb"),
        Code("kaz", label: "codeList.language.kaz"),
        Code("kir", label: "codeList.language.kir"),
        Code("tgk", label: "codeList.language.tgk"),
        Code("rus", label: "codeList.language.rus"),
        Code("tuk", label: "codeList.language.tuk"),
        Code("ukr", label: "codeList.language.ukr"),
        Code("bel", label: "codeList.language.bel"),
        Code("ron", label: "codeList.language.ron"),
        Code("tur", label: "codeList.language.tur"),
        Code("eng", label: "codeList.language.eng"),
        Code("other", label: "codeList.language.other"),
    ])

    public static let maritalStatus = CodeList(id: "maritalStatus", codes: [
        Code("single", label: "codeList.maritalStatus.single"),
        Code("married", label: "codeList.maritalStatus.married"),
        Code("widowed", label: "codeList.maritalStatus.widowed"),
        Code("divorced", label: "codeList.maritalStatus.divorced"),
        Code("separated", label: "codeList.maritalStatus.separated"),
        Code("unknown", label: "codeList.maritalStatus.unknown"),
    ])

    /// ISCED 2011 levels.
    public static let education = CodeList(id: "education", codes: [
        Code("none", label: "codeList.education.none"),
        Code("isced0", label: "codeList.education.isced0"),
        Code("isced1", label: "codeList.education.isced1"),
        Code("isced2", label: "codeList.education.isced2"),
        Code("isced3", label: "codeList.education.isced3"),
        Code("isced4", label: "codeList.education.isced4"),
        Code("isced5", label: "codeList.education.isced5"),
        Code("isced6", label: "codeList.education.isced6"),
        Code("isced7", label: "codeList.education.isced7"),
        Code("isced8", label: "codeList.education.isced8"),
        Code("unknown", label: "codeList.education.unknown"),
    ])

    public static let traffickingStatus = CodeList(id: "traffickingStatus", codes: [
        Code("actual", label: "codeList.traffickingStatus.actual"),
        Code("possible", label: "codeList.traffickingStatus.possible"),
        Code("notVictim", label: "codeList.traffickingStatus.notVictim"),
    ])

    public static let statusDecidedBy = CodeList(id: "statusDecidedBy", codes: [
        Code("police", label: "codeList.statusDecidedBy.police"),
        Code("ngo", label: "codeList.statusDecidedBy.ngo"),
        Code("courtOrProsecution", label: "codeList.statusDecidedBy.courtOrProsecution"),
        Code("otherGovernment", label: "codeList.statusDecidedBy.otherGovernment"),
        Code("other", label: "codeList.statusDecidedBy.other"),
    ])

    public static let exploitationType = CodeList(id: "exploitationType", codes: [
        Code("forcedLabour", label: "codeList.exploitationType.forcedLabour"),
        Code("sexualExploitation", label: "codeList.exploitationType.sexualExploitation"),
        Code("childLabour", label: "codeList.exploitationType.childLabour"),
        Code("forcedMarriage", label: "codeList.exploitationType.forcedMarriage"),
        Code("servitude", label: "codeList.exploitationType.servitude"),
        Code("forcedBegging", label: "codeList.exploitationType.forcedBegging"),
        Code("forcedCriminality", label: "codeList.exploitationType.forcedCriminality"),
        Code("organRemoval", label: "codeList.exploitationType.organRemoval"),
        Code("other", label: "codeList.exploitationType.other"),
    ])

    public static let labourSector = CodeList(id: "labourSector", codes: [
        Code("agriculture", label: "codeList.labourSector.agriculture"),
        Code("construction", label: "codeList.labourSector.construction"),
        Code("domesticWork", label: "codeList.labourSector.domesticWork"),
        Code("hospitality", label: "codeList.labourSector.hospitality"),
        Code("manufacturing", label: "codeList.labourSector.manufacturing"),
        Code("miningOrDrilling", label: "codeList.labourSector.miningOrDrilling"),
        Code("fishing", label: "codeList.labourSector.fishing"),
        Code("peddling", label: "codeList.labourSector.peddling"),
        Code("transportation", label: "codeList.labourSector.transportation"),
        Code("begging", label: "codeList.labourSector.begging"),
        Code("illicitActivities", label: "codeList.labourSector.illicitActivities"),
        Code("other", label: "codeList.labourSector.other"),
    ])

    public static let sexualExploitationType = CodeList(id: "sexualExploitationType", codes: [
        Code("prostitution", label: "codeList.sexualExploitationType.prostitution"),
        Code("pornography", label: "codeList.sexualExploitationType.pornography"),
        Code("remoteInteractive", label: "codeList.sexualExploitationType.remoteInteractive"),
        Code("privateSexualServices", label: "codeList.sexualExploitationType.privateSexualServices"),
    ])

    public static let recruitmentMethod = CodeList(id: "recruitmentMethod", codes: [
        Code("jobOffer", label: "codeList.recruitmentMethod.jobOffer"),
        Code("onlineAdvertisement", label: "codeList.recruitmentMethod.onlineAdvertisement"),
        Code("socialNetwork", label: "codeList.recruitmentMethod.socialNetwork"),
        Code("friendsOrFamily", label: "codeList.recruitmentMethod.friendsOrFamily"),
        Code("marriageOrPartner", label: "codeList.recruitmentMethod.marriageOrPartner"),
        Code("abduction", label: "codeList.recruitmentMethod.abduction"),
        Code("other", label: "codeList.recruitmentMethod.other"),
    ])

    public static let recruiterRelation = CodeList(id: "recruiterRelation", codes: [
        Code("intimatePartner", label: "codeList.recruiterRelation.intimatePartner"),
        Code("friend", label: "codeList.recruiterRelation.friend"),
        Code("family", label: "codeList.recruiterRelation.family"),
        Code("other", label: "codeList.recruiterRelation.other"),
        Code("unknown", label: "codeList.recruiterRelation.unknown"),
    ])

    public static let meansOfControl = CodeList(id: "meansOfControl", codes: [
        Code("debtBondage", label: "codeList.meansOfControl.debtBondage"),
        Code("takesEarnings", label: "codeList.meansOfControl.takesEarnings"),
        Code("restrictsFinancialAccess", label: "codeList.meansOfControl.restrictsFinancialAccess"),
        Code("threats", label: "codeList.meansOfControl.threats"),
        Code("psychologicalAbuse", label: "codeList.meansOfControl.psychologicalAbuse"),
        Code("physicalAbuse", label: "codeList.meansOfControl.physicalAbuse"),
        Code("sexualAbuse", label: "codeList.meansOfControl.sexualAbuse"),
        Code("falsePromises", label: "codeList.meansOfControl.falsePromises"),
        Code("psychoactiveSubstances", label: "codeList.meansOfControl.psychoactiveSubstances"),
        Code("restrictsMovement", label: "codeList.meansOfControl.restrictsMovement"),
        Code("restrictsMedicalCare", label: "codeList.meansOfControl.restrictsMedicalCare"),
        Code("excessiveWorkingHours", label: "codeList.meansOfControl.excessiveWorkingHours"),
        Code("usesChildren", label: "codeList.meansOfControl.usesChildren"),
        Code("threatOfLawEnforcement", label: "codeList.meansOfControl.threatOfLawEnforcement"),
        Code("withholdsNecessities", label: "codeList.meansOfControl.withholdsNecessities"),
        Code("withholdsDocuments", label: "codeList.meansOfControl.withholdsDocuments"),
        Code("other", label: "codeList.meansOfControl.other"),
    ])

    public static let referralSource = CodeList(id: "referralSource", codes: [
        Code("police", label: "codeList.referralSource.police"),
        Code("ngo", label: "codeList.referralSource.ngo"),
        Code("hotline", label: "codeList.referralSource.hotline"),
        Code("embassy", label: "codeList.referralSource.embassy"),
        Code("iom", label: "codeList.referralSource.iom"),
        Code("medical", label: "codeList.referralSource.medical"),
        Code("self", label: "codeList.referralSource.self"),
        Code("family", label: "codeList.referralSource.family"),
        Code("other", label: "codeList.referralSource.other"),
    ])

    /// Who gave a child's consent: the guardian's relation to the child.
    public static let guardianRelation = CodeList(id: "guardianRelation", codes: [
        Code("mother", label: "codeList.guardianRelation.mother"),
        Code("father", label: "codeList.guardianRelation.father"),
        Code("otherRelative", label: "codeList.guardianRelation.otherRelative"),
        Code("legalGuardian", label: "codeList.guardianRelation.legalGuardian"),
        Code("stateBody", label: "codeList.guardianRelation.stateBody"),
    ])

    /// Kinds of organisation a client is referred on to.
    public static let organisationType = CodeList(id: "organisationType", codes: [
        Code("ngo", label: "codeList.organisationType.ngo"),
        Code("police", label: "codeList.organisationType.police"),
        Code("medical", label: "codeList.organisationType.medical"),
        Code("psychological", label: "codeList.organisationType.psychological"),
        Code("legalAid", label: "codeList.organisationType.legalAid"),
        Code("socialServices", label: "codeList.organisationType.socialServices"),
        Code("iom", label: "codeList.organisationType.iom"),
        Code("embassy", label: "codeList.organisationType.embassy"),
        Code("shelter", label: "codeList.organisationType.shelter"),
        Code("employment", label: "codeList.organisationType.employment"),
        Code("other", label: "codeList.organisationType.other"),
    ])

    public static let serviceKind = CodeList(id: "serviceKind", codes: ServiceKind.allCases.map(\.code))
    public static let caseStatus = CodeList(id: "caseStatus", codes: CaseStatus.allCases.map(\.code))
    public static let userRole = CodeList(id: "userRole", codes: UserRole.allCases.map(\.code))

    /// Every list, for the data dictionary and the well-formedness tests.
    public static let all: [CodeList] = [
        gender, yesNoUnknown, guardianRelation, language, maritalStatus, education, traffickingStatus, statusDecidedBy,
        exploitationType, labourSector, sexualExploitationType, recruitmentMethod, recruiterRelation,
        meansOfControl, referralSource, organisationType, serviceKind, caseStatus, userRole,
    ]
}
