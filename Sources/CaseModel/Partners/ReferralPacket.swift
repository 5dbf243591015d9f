import Foundation

/// The plain text inside a referral packet: who refers whom to whom and why, then only the parts
/// of the case the referral names, one "Label: value" line each, unanswered fields left out.
/// Notes are free text, so they appear only when the referral names them. Meant to print well:
/// no more than 80 columns of heading, each part under its own title.
public struct ReferralPacket: Sendable {
    public let organisation: String
    public let partner: PartnerDetails
    public let record: CaseRecord
    public let referral: PartnerReferral
    public let schema: IntakeSchema
    public let language: Language

    public init(organisation: String, partner: PartnerDetails, record: CaseRecord, referral: PartnerReferral,
                schema: IntakeSchema = .standard, language: Language) {
        self.organisation = organisation
        self.partner = partner
        self.record = record
        self.referral = referral
        self.schema = schema
        self.language = language
    }

    public var text: String {
        var lines: [String] = []
        lines.append(Words.title.text(in: language))
        lines.append(String(repeating: "=", count: 60))
        lines.append("\(Words.from.text(in: language)): \(organisation)")
        var to = "\(partner.name) (\(partner.kind.label.text(in: language))"
        let place = [partner.city, partner.country.isEmpty ? "" : Countries.name(of: partner.country, in: language)]
            .filter { !$0.isEmpty }
        if !place.isEmpty { to += ", " + place.joined(separator: ", ") }
        lines.append("\(Words.to.text(in: language)): \(to))")
        lines.append("\(Words.date.text(in: language)): \(referral.date.dotted)")
        lines.append("\(Words.caseNumber.text(in: language)): \(record.number)")
        lines.append("\(Words.reasons.text(in: language)): "
                     + referral.reasons.map { $0.label.text(in: language) }.joined(separator: ", "))
        lines.append("\(Words.consent.text(in: language)): \(consent)")
        for part in referral.sharedParts {
            lines.append("")
            lines.append(part.label.text(in: language))
            lines.append(String(repeating: "-", count: part.label.text(in: language).count))
            lines += body(of: part)
        }
        lines.append("")
        lines.append(Words.confidential.text(in: language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Given (by the child's guardian, named), or overridden with the coordinator's reason.
    private var consent: String {
        guard referral.consentOverride.isEmpty else {
            return Words.consentOverridden.text(in: language) + " " + referral.consentOverride
        }
        guard case .givenByGuardian(let name, let relation) = record.sharingConsent else { return Words.consentGiven.text(in: language) }
        let relationLabel = schema.field(.guardianRelation)?.label(of: relation, in: language) ?? relation
        return Wording.Words(language)("referralPacket.consentGivenByGuardian", ["name": .text(name), "relation": .text(relationLabel)])
    }

    private func body(of part: SharedPart) -> [String] {
        let lines: [String]
        switch part {
        case .services:
            lines = record.services.map { service in
                var line = "\(service.entry.date.dotted) \(service.entry.kind.label.text(in: language))"
                if let end = service.entry.endDate { line += " – \(end.dotted)" }
                return line + (service.entry.note.isEmpty ? "" : ": \(service.entry.note)")
            }
        case .notes:
            lines = record.notes.map { "\($0.time.date.formatted(.iso8601.year().month().day())) \($0.text)" }
        default:
            let section = schema.sections.first { $0.id == part.sectionID }
            lines = (section?.fields ?? []).compactMap { field in
                guard let value = record.values[field.key], let shown = text(of: value, field: field), !shown.isEmpty
                else { return nil }
                return "\(field.label.text(in: language)): \(shown)"
            }
        }
        return lines.isEmpty ? [Words.nothingRecorded.text(in: language)] : lines
    }

    private func text(of value: FieldValue, field: Field) -> String? {
        switch value {
        case .text(let text): text
        case .date(let date): date.dotted
        case .number(let number): String(number)
        case .code(let code): field.label(of: code, in: language)
        case .codes(let codes): codes.map { field.label(of: $0, in: language) }.joined(separator: ", ")
        }
    }

    /// The packet's own words (it is a document for the partner, written in the chosen language).
    private enum Words {
        static let title = LocalizedText("referralPacket.heading")
        static let from = LocalizedText("referralPacket.from")
        static let to = LocalizedText("referralPacket.to")
        static let date = LocalizedText("referralPacket.date")
        static let caseNumber = LocalizedText("referralPacket.caseNumber")
        static let reasons = LocalizedText("referralPacket.reasons")
        static let consent = LocalizedText("referralPacket.consent")
        static let consentGiven = LocalizedText("referralPacket.consentGiven")
        static let consentOverridden = LocalizedText("referralPacket.consentOverridden")
        static let nothingRecorded = LocalizedText("referralPacket.nothingRecorded")
        static let confidential = LocalizedText("referralPacket.confidential")
    }
}
