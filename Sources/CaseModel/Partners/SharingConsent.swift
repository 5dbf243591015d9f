/// Whether a person's consent to sharing with referral partners holds. A child (the MINOR flag)
/// consents through a guardian: the consent counts only with the guardian who gave it recorded on
/// the Consent page (`guardianName`, `guardianRelation`); without, a referral is refused as
/// without consent, unless a coordinator overrides it.
public enum SharingConsent: Sendable, Hashable {
    /// An adult who consented.
    case given
    /// A child's consent, given by `name`, the child's `relation` (a `guardianRelation` code).
    case givenByGuardian(name: String, relation: String)
    /// No consent recorded, or refused.
    case notGiven
    /// A child's consent without the guardian who gave it.
    case noGuardian

    /// Whether a referral may be sent without a coordinator's override.
    public var holds: Bool {
        switch self {
        case .given, .givenByGuardian: true
        case .notGiven, .noGuardian: false
        }
    }
}

extension CaseRecord {
    public var sharingConsent: SharingConsent {
        guard self[.consentToShareWithPartners]?.code == "yes" else { return .notGiven }
        guard flags.contains(.minorAtIntake) else { return .given }
        guard let name = self[.guardianName]?.text, let relation = self[.guardianRelation]?.code else { return .noGuardian }
        return .givenByGuardian(name: name, relation: relation)
    }
}
