import AgeEncryption
import CaseModel
import Foundation

/// The partner directory and referrals to partners: what both the command line and the screens do.
extension CaseBook {
    /// Why a partner or referral action was refused; nothing was recorded.
    public enum PartnerRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case details(PartnerProblem)
        case unknownPartner(String)
        case partnerRetired(String)
        case unknownCase(String)
        case noReasons
        /// The person has not consented to sharing with partners and no override reason was given.
        case noConsent
        /// A child consented, but no guardian who gave the consent is recorded; no override reason was given.
        case noGuardianConsent
        /// Only a coordinator may send without consent.
        case overrideNeedsCoordinator
        case noSuchReferral
        case statusNotAllowed(from: ReferralStatus, to: ReferralStatus)
        case dateInFuture

        public var description: String {
            switch self {
            case .details(.emptyName): "a partner needs a name"
            case .details(.nameTaken(let name)): "a partner named \"\(name)\" is already in the directory"
            case .details(.unknownCountry(let code)): "\"\(code)\" is not an ISO 3166 country code (for example KZ, UZ, RU)"
            case .details(.unknownLanguage(let code)): "\"\(code)\" is not a language code of the intake's list"
            case .details(.invalidRecipient(let problem)): Self.recipientProblem(problem)
            case .unknownPartner(let name): "no partner named \"\(name)\" in the directory (see `refuge partner list`)"
            case .partnerRetired(let name): "the partner \"\(name)\" is retired and takes no new referrals"
            case .unknownCase(let number): "no case numbered \(number)"
            case .noReasons: "a referral needs at least one reason"
            case .noConsent:
                "the person has not consented to sharing with partners; a coordinator may send it anyway with --override-consent REASON (recorded in the case's history)"
            case .noGuardianConsent:
                "the child's consent names no guardian who gave it (Consent page); a coordinator may send it anyway with --override-consent REASON"
            case .overrideNeedsCoordinator: "only a coordinator may refer without the person's consent"
            case .noSuchReferral: "this case has no referral to that partner"
            case .statusNotAllowed(let from, let to): "a referral that is \(from.rawValue) cannot become \(to.rawValue)"
            case .dateInFuture: "the date is in the future"
            }
        }

        static func recipientProblem(_ problem: AgeError.RecipientProblem) -> String {
            switch problem {
            case .notAnAgeKey: "the recipient is not an age public key (it starts with age1…; never give the AGE-SECRET-KEY)"
            case .badChecksum: "the age recipient's checksum does not match: a character is mistyped or missing"
            case .malformed: "the age recipient holds characters an age key cannot have, or mixes upper and lower case"
            case .wrongLength: "the age recipient is not 32 bytes of key"
            }
        }
    }

    /// A referral packet made: the encrypted bytes, and the passphrase when the partner has no key
    /// (to be given to the partner another way, never with the file).
    public struct ReferralPacketFile: Sendable {
        public let encrypted: [UInt8]
        public let passphrase: String?
        public let referral: PartnerReferral
    }

    // MARK: Directory

    /// Adds a partner after cleaning and checking its details; returns its id.
    @discardableResult
    public func addPartner(_ details: PartnerDetails) throws -> PartnerID {
        let clean = try cleaned(details, others: store.partnerList)
        let id: PartnerID = withFactory { $0.nextID() }
        try record([.partnerAdded(partner: id, details: clean)])
        return id
    }

    /// Records a partner's new details (a rename keeps its referrals).
    public func changePartner(_ id: PartnerID, to details: PartnerDetails) throws {
        guard let current = store.partners[id] else { throw PartnerRefusal.unknownPartner(details.name) }
        let clean = try cleaned(details, others: store.partnerList.filter { $0.id != id })
        guard clean != current.details else { return }
        try record([.partnerChanged(partner: id, details: clean)])
    }

    public func retirePartner(_ id: PartnerID, reason: String) throws {
        guard let current = store.partners[id] else { throw PartnerRefusal.unknownPartner("?") }
        guard !current.isRetired else { return }
        try record([.partnerRetired(partner: id, reason: TextSanitizer.clean(reason, multiline: false).text)])
    }

    /// The active partner named `name`, or the refusal to show.
    public func activePartner(named name: String) throws -> Partner {
        guard let partner = store.partner(named: name) else { throw PartnerRefusal.unknownPartner(name) }
        guard !partner.isRetired else { throw PartnerRefusal.partnerRetired(partner.details.name) }
        return partner
    }

    private func cleaned(_ details: PartnerDetails, others: [Partner]) throws -> PartnerDetails {
        do {
            return try details.cleaned(others: others)
        } catch {
            throw PartnerRefusal.details(error)
        }
    }

    // MARK: Referrals

    /// Refers case `caseID` to `partner`: checks consent (or a coordinator's override reason),
    /// encrypts a packet holding only `parts` to the partner's age key (or a generated passphrase),
    /// writes it to `path` (mode 0600) and records the referral. A refusal writes and records
    /// nothing; a failure to record removes the file, so no packet leaves without a trace.
    @discardableResult
    public func refer(_ caseID: CaseID, to partner: Partner, reasons: [ReferralReason], parts: [SharedPart],
                      overrideReason: String?, language: Language, writingTo path: String) throws -> ReferralPacketFile {
        let packet = try referralPacket(caseID, to: partner, reasons: reasons, parts: parts, overrideReason: overrideReason,
                                        language: language)
        try OutputFile.write(Data(packet.encrypted), to: path)
        do {
            try record([.referralSent(caseID: caseID, referral: packet.referral)])
        } catch {
            unlink((path as NSString).expandingTildeInPath)
            throw error
        }
        return packet
    }

    private func referralPacket(_ caseID: CaseID, to partner: Partner, reasons: [ReferralReason], parts: [SharedPart],
                                overrideReason: String?, language: Language) throws -> ReferralPacketFile {
        guard let record = store[caseID] else { throw PartnerRefusal.unknownCase("?") }
        guard !reasons.isEmpty else { throw PartnerRefusal.noReasons }
        guard !partner.isRetired else { throw PartnerRefusal.partnerRetired(partner.details.name) }
        let override = TextSanitizer.clean(overrideReason ?? "", multiline: false).text
        let consent = record.sharingConsent
        let consented = consent.holds
        if !consented {
            guard !override.isEmpty else { throw consent == .noGuardian ? PartnerRefusal.noGuardianConsent : .noConsent }
            guard isCoordinator else { throw PartnerRefusal.overrideNeedsCoordinator }
        }
        let recipient = partner.details.ageRecipient
        let passphrase = recipient == nil ? AgePassphrase.generate() : nil
        let referral = PartnerReferral(
            partner: partner.id, partnerName: partner.details.name, reasons: reasons,
            sharedParts: parts.isEmpty ? SharedPart.standard : parts, date: calendar.today,
            consentOverride: consented ? "" : override, packet: recipient == nil ? .passphrase : .partnerKey)
        let packet = ReferralPacket(organisation: store.organisationName ?? "", partner: partner.details, record: record,
                                    referral: referral, schema: store.schema, language: language)
        let encrypted = try AgeWriter.encrypt(
            Array(packet.text.utf8),
            to: [recipient.map(AgeRecipient.x25519) ?? .passphrase(passphrase!)])
        return ReferralPacketFile(encrypted: encrypted, passphrase: passphrase, referral: referral)
    }

    /// Moves the latest referral of `caseID` to `partner` to `status` on `date`, with an outcome.
    public func changeReferral(_ caseID: CaseID, partner: PartnerID, to status: ReferralStatus, on date: CalendarDate,
                               outcome: String) throws {
        guard let record = store[caseID] else { throw PartnerRefusal.unknownCase("?") }
        guard let referral = record.partnerReferrals.last(where: { $0.referral.partner == partner }) else {
            throw PartnerRefusal.noSuchReferral
        }
        try changeReferral(caseID, referral: referral.id, to: status, on: date, outcome: outcome)
    }

    /// Moves the referral `referralID` (its `referralSent` event) of `caseID` to `status` on `date`:
    /// only to a status its current one leads to, and not on a day to come.
    public func changeReferral(_ caseID: CaseID, referral referralID: EventID, to status: ReferralStatus, on date: CalendarDate,
                               outcome: String) throws {
        guard let record = store[caseID] else { throw PartnerRefusal.unknownCase("?") }
        guard let referral = record.partnerReferrals.first(where: { $0.id == referralID }) else {
            throw PartnerRefusal.noSuchReferral
        }
        guard referral.status.next.contains(status) else {
            throw PartnerRefusal.statusNotAllowed(from: referral.status, to: status)
        }
        guard date <= calendar.today else { throw PartnerRefusal.dateInFuture }
        try self.record([.referralStatusChanged(caseID: caseID, referral: referral.id, status: status, date: date,
                                                outcome: TextSanitizer.clean(outcome, multiline: false).text)])
    }
}
