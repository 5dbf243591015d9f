import AgeEncryption
import Foundation

public enum PartnerTag {}
/// Identifies one partner organisation across renames.
public typealias PartnerID = Identifier<PartnerTag>

/// What kind of organisation a partner is.
public enum PartnerKind: String, Codable, Sendable, Hashable, CaseIterable {
    case medical, legal, police, ngo, consulate, shelterAbroad, socialServices, other

    var code: Code {
        switch self {
        case .medical: Code(rawValue, label: "codeList.partnerKind.medical")
        case .legal: Code(rawValue, label: "codeList.partnerKind.legal")
        case .police: Code(rawValue, label: "codeList.partnerKind.police")
        case .ngo: Code(rawValue, label: "codeList.partnerKind.ngo")
        case .consulate: Code(rawValue, label: "codeList.partnerKind.consulate")
        case .shelterAbroad: Code(rawValue, label: "codeList.partnerKind.shelterAbroad")
        case .socialServices: Code(rawValue, label: "codeList.partnerKind.socialServices")
        case .other: Code(rawValue, label: "codeList.partnerKind.other")
        }
    }

    public var label: LocalizedText { code.label }
    public static let codeList = CodeList(id: "partnerKind", codes: allCases.map(\.code))
}

/// What the directory says about a partner; an add or a change carries all of it.
public struct PartnerDetails: Codable, Sendable, Hashable {
    public var name: String
    public var kind: PartnerKind
    /// ISO 3166-1 alpha-2, or empty.
    public var country: String
    public var city: String
    /// Phone, e-mail, a person to ask for: as the caseworker writes it.
    public var contact: String
    /// `CodeLists.language` codes.
    public var languages: [String]
    /// The partner's `age1…` public key for referral packets, or empty (packets then use a passphrase).
    public var recipient: String

    public init(name: String, kind: PartnerKind, country: String = "", city: String = "", contact: String = "",
                languages: [String] = [], recipient: String = "") {
        self.name = name
        self.kind = kind
        self.country = country
        self.city = city
        self.contact = contact
        self.languages = languages
        self.recipient = recipient
    }

    /// The age recipient, when one is given and valid.
    public var ageRecipient: X25519Recipient? { recipient.isEmpty ? nil : try? X25519Recipient(parsing: recipient) }
}

/// Why partner details cannot be saved.
public enum PartnerProblem: Error, Sendable, Hashable {
    case emptyName
    /// Another partner (active or retired) has this name already: names are how commands find partners.
    case nameTaken(String)
    case unknownCountry(String)
    case unknownLanguage(String)
    case invalidRecipient(AgeError.RecipientProblem)
}

extension PartnerDetails {
    /// The details as stored: names and fields trimmed, the country upper-cased, the recipient in
    /// its canonical form. Throws the first problem; `others` are the directory's other partners.
    public func cleaned(others: [Partner]) throws(PartnerProblem) -> PartnerDetails {
        var clean = self
        clean.name = TextSanitizer.clean(name, multiline: false).text
        clean.city = TextSanitizer.clean(city, multiline: false).text
        clean.contact = TextSanitizer.clean(contact, multiline: false).text
        clean.country = country.trimmingCharacters(in: .whitespaces).uppercased()
        guard !clean.name.isEmpty else { throw .emptyName }
        let folded = clean.name.lowercased()
        if others.contains(where: { $0.details.name.lowercased() == folded }) { throw .nameTaken(clean.name) }
        if !clean.country.isEmpty && !Countries.isKnown(clean.country) { throw .unknownCountry(clean.country) }
        if let unknown = clean.languages.first(where: { !CodeLists.language.contains($0) }) { throw .unknownLanguage(unknown) }
        if !recipient.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                clean.recipient = try X25519Recipient(parsing: recipient).description
            } catch {
                guard case .invalidRecipient(let problem) = error else { throw .invalidRecipient(.malformed) }
                throw .invalidRecipient(problem)
            }
        } else {
            clean.recipient = ""
        }
        return clean
    }
}

/// A partner as the log knows it: its details now, who added and last changed it, and whether it
/// is retired (kept, so past referrals still name it, but offered for no new referral).
public struct Partner: Codable, Sendable, Hashable, Identifiable {
    public let id: PartnerID
    public internal(set) var details: PartnerDetails
    public let addedBy: String
    public let addedAt: HLCTimestamp
    public internal(set) var changedBy: String
    public internal(set) var changedAt: HLCTimestamp
    public internal(set) var isRetired = false
    public internal(set) var retiredReason = ""
}
