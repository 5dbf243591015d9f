/// Why a person is referred to a partner (the `cas_ReasonForOutgoingReferral` of HTCDS, as codes).
public enum ReferralReason: String, Codable, Sendable, Hashable, CaseIterable {
    case medical, psychological, legal, documents, repatriation, shelter, familyReunification, protection,
        investigation, livelihood, other

    var code: Code {
        switch self {
        case .medical: Code(rawValue, label: "codeList.referralReason.medical")
        case .psychological: Code(rawValue, label: "codeList.referralReason.psychological")
        case .legal: Code(rawValue, label: "codeList.referralReason.legal")
        case .documents: Code(rawValue, label: "codeList.referralReason.documents")
        case .repatriation: Code(rawValue, label: "codeList.referralReason.repatriation")
        case .shelter: Code(rawValue, label: "codeList.referralReason.shelter")
        case .familyReunification: Code(rawValue, label: "codeList.referralReason.familyReunification")
        case .protection: Code(rawValue, label: "codeList.referralReason.protection")
        case .investigation: Code(rawValue, label: "codeList.referralReason.investigation")
        case .livelihood: Code(rawValue, label: "codeList.referralReason.livelihood")
        case .other: Code(rawValue, label: "codeList.referralReason.other")
        }
    }

    public var label: LocalizedText { code.label }
    public static let codeList = CodeList(id: "referralReason", codes: allCases.map(\.code))
}

/// A part of the case a referral shares: a section of the intake, the services, or the notes
/// (free text, so never shared unless chosen).
public enum SharedPart: String, Codable, Sendable, Hashable, CaseIterable {
    case identity, background, situation, referral, services, notes

    var code: Code {
        switch self {
        case .identity: Code(rawValue, label: "codeList.sharedPart.identity")
        case .background: Code(rawValue, label: "codeList.sharedPart.background")
        case .situation: Code(rawValue, label: "codeList.sharedPart.situation")
        case .referral: Code(rawValue, label: "codeList.sharedPart.referral")
        case .services: Code(rawValue, label: "codeList.sharedPart.services")
        case .notes: Code(rawValue, label: "codeList.sharedPart.notes")
        }
    }

    public var label: LocalizedText { code.label }
    public static let codeList = CodeList(id: "sharedPart", codes: allCases.map(\.code))
    /// What a referral shares when nothing else is chosen.
    public static let standard: [SharedPart] = [.identity]

    /// The intake section this part is, if it is one.
    public var sectionID: String? {
        switch self {
        case .identity, .background, .situation, .referral: rawValue
        case .services, .notes: nil
        }
    }
}

/// How a referral packet was protected.
public enum PacketProtection: UInt8, Codable, Sendable, Hashable {
    /// No packet was written (a referral recorded without one).
    case none = 0
    /// Encrypted to the partner's age key.
    case partnerKey = 1
    /// Encrypted with a generated passphrase, given to the partner another way.
    case passphrase = 2
}

/// Where a referral stands: sent, then accepted or declined, then (accepted) completed.
public enum ReferralStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case sent, accepted, declined, completed

    var code: Code {
        switch self {
        case .sent: Code(rawValue, label: "codeList.referralStatus.sent")
        case .accepted: Code(rawValue, label: "codeList.referralStatus.accepted")
        case .declined: Code(rawValue, label: "codeList.referralStatus.declined")
        case .completed: Code(rawValue, label: "codeList.referralStatus.completed")
        }
    }

    public var label: LocalizedText { code.label }

    /// The statuses a referral in this status may move to.
    public var next: [ReferralStatus] {
        switch self {
        case .sent: [.accepted, .declined]
        case .accepted: [.completed]
        case .declined, .completed: []
        }
    }
}

/// A referral to a partner as sent: who, why, what was shared, and whether consent was overridden.
public struct PartnerReferral: Codable, Sendable, Hashable {
    public let partner: PartnerID
    /// The partner's name when the referral was sent (the history reads it even after a rename).
    public let partnerName: String
    public let reasons: [ReferralReason]
    public let sharedParts: [SharedPart]
    public let date: CalendarDate
    /// Empty when the person consented to sharing with partners; otherwise the coordinator's reason
    /// for sending without that consent.
    public let consentOverride: String
    public let packet: PacketProtection

    public init(partner: PartnerID, partnerName: String, reasons: [ReferralReason], sharedParts: [SharedPart],
                date: CalendarDate, consentOverride: String = "", packet: PacketProtection) {
        self.partner = partner
        self.partnerName = partnerName
        self.reasons = reasons
        self.sharedParts = sharedParts
        self.date = date
        self.consentOverride = consentOverride
        self.packet = packet
    }
}

/// A partner referral in a case: as sent, and where it stands now.
public struct PartnerReferralRecord: Codable, Sendable, Hashable {
    /// The `referralSent` event's id; status changes name it.
    public let id: EventID
    public let author: String
    public let time: HLCTimestamp
    public let referral: PartnerReferral
    public internal(set) var status: ReferralStatus = .sent
    /// The day of the last status change (the sending day while sent).
    public internal(set) var statusDate: CalendarDate
    public internal(set) var outcome = ""
}
