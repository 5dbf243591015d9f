/// The stable name of an intake field. Keys are stored in events, written as CSV headers and
/// read back on import, so an existing key is never renamed.
public struct FieldKey: Codable, RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: FieldKey, rhs: FieldKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension FieldKey {
    // identity
    public static let familyName: FieldKey = "familyName"
    public static let givenName: FieldKey = "givenName"
    public static let gender: FieldKey = "gender"
    public static let birthDate: FieldKey = "birthDate"
    public static let ageAtIntake: FieldKey = "ageAtIntake"
    public static let patronymic: FieldKey = "patronymic"
    public static let alias: FieldKey = "alias"
    public static let citizenship: FieldKey = "citizenship"
    public static let languages: FieldKey = "languages"
    // consent
    public static let guardianName: FieldKey = "guardianName"
    public static let guardianRelation: FieldKey = "guardianRelation"
    public static let consentToInterview: FieldKey = "consentToInterview"
    public static let informedOfPurpose: FieldKey = "informedOfPurpose"
    public static let informedOfUse: FieldKey = "informedOfUse"
    public static let informedOfResearchUse: FieldKey = "informedOfResearchUse"
    public static let informedOfRightToAccess: FieldKey = "informedOfRightToAccess"
    public static let informedOfStoragePeriod: FieldKey = "informedOfStoragePeriod"
    public static let informedOfWithdrawal: FieldKey = "informedOfWithdrawal"
    public static let consentToStatistics: FieldKey = "consentToStatistics"
    public static let consentToShareWithPartners: FieldKey = "consentToShareWithPartners"
    // background
    public static let maritalStatus: FieldKey = "maritalStatus"
    public static let numberOfChildren: FieldKey = "numberOfChildren"
    public static let education: FieldKey = "education"
    // trafficking situation
    public static let traffickingStatus: FieldKey = "traffickingStatus"
    public static let statusDecidedBy: FieldKey = "statusDecidedBy"
    public static let exploitationTypes: FieldKey = "exploitationTypes"
    public static let labourSector: FieldKey = "labourSector"
    public static let sexualExploitationType: FieldKey = "sexualExploitationType"
    public static let recruitmentMethods: FieldKey = "recruitmentMethods"
    public static let recruiterRelation: FieldKey = "recruiterRelation"
    public static let abduction: FieldKey = "abduction"
    public static let meansOfControl: FieldKey = "meansOfControl"
    public static let countriesOfRecruitment: FieldKey = "countriesOfRecruitment"
    public static let countriesOfTransit: FieldKey = "countriesOfTransit"
    public static let countriesOfExploitation: FieldKey = "countriesOfExploitation"
    public static let ageAtExploitation: FieldKey = "ageAtExploitation"
    public static let exploitationMonths: FieldKey = "exploitationMonths"
    // referral and admission
    public static let referralSource: FieldKey = "referralSource"
    public static let referralDate: FieldKey = "referralDate"
    public static let intakeDate: FieldKey = "intakeDate"
    public static let admissionDate: FieldKey = "admissionDate"
    public static let assignedCaseworker: FieldKey = "assignedCaseworker"
    public static let riskNotes: FieldKey = "riskNotes"
}
