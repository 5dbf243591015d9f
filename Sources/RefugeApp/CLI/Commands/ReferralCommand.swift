import ArgumentParser
import CaseModel
import Foundation

extension ReferralReason: ExpressibleByArgument {}
extension SharedPart: ExpressibleByArgument {}
extension ReferralStatus: ExpressibleByArgument {}

/// `refuge referral`: refer a case to a partner with an encrypted packet, or record where a
/// referral stands.
struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: "Refer a case to a partner (an age-encrypted packet), or record the referral's answer.",
        subcommands: [ReferralSendCommand.self, ReferralStatusCommand.self],
        defaultSubcommand: ReferralSendCommand.self
    )
}

/// `refuge referral CASE_NUMBER --partner NAME --reason CODE --out FILE [--share PART] [--override-consent REASON]`.
struct ReferralSendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Write a referral packet for a partner and record the referral.",
        discussion: """
            The packet is an age file (https://age-encryption.org/v1) holding a plain-text summary of \
            only the parts named with --share (identity unless others are named; notes only when named). \
            It is encrypted to the partner's age key, or, for a partner without one, with a generated \
            passphrase printed here: give it to the partner another way, never with the file. The \
            person must have consented to sharing with partners; otherwise a coordinator may send it \
            with --override-consent REASON, which the case's history shows.
            """
    )

    @Argument(help: ArgumentHelp("The case number, for example 2026-0001.", valueName: "case-number"))
    var caseNumber: String
    @Option(help: "The partner's name (see `refuge partner list`).")
    var partner: String
    @Option(name: .customLong("reason"), help: ArgumentHelp(
        "Why (repeatable): \(ReferralReason.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "code"))
    var reasons: [ReferralReason] = []
    @Option(name: .customLong("share"), help: ArgumentHelp(
        "A part to share (repeatable): \(SharedPart.allCases.map(\.rawValue).joined(separator: ", ")). Default: identity.",
        valueName: "part"))
    var parts: [SharedPart] = []
    @Option(name: .customLong("out"), help: ArgumentHelp("The packet file to write (mode 0600).", valueName: "file"))
    var output: String
    @Option(help: ArgumentHelp("Send without the person's consent (coordinators only); the reason is recorded.",
                               valueName: "reason"))
    var overrideConsent: String?
    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if reasons.isEmpty {
            throw ValidationError("give at least one --reason: \(ReferralReason.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard let caseID = book.store.caseID(numbered: caseNumber) else { throw CaseBook.PartnerRefusal.unknownCase(caseNumber) }
        let partner = try book.activePartner(named: self.partner)
        let packet = try book.refer(caseID, to: partner, reasons: reasons, parts: parts, overrideReason: overrideConsent,
                                    language: language.language, writingTo: output)
        print("Wrote the referral packet for \(partner.details.name) to \(output).")
        if let passphrase = packet.passphrase {
            print("The partner has no age key: the packet opens with this passphrase (give it another way, not with the file):")
            print(passphrase)
        }
    }
}

/// `refuge referral status CASE_NUMBER --partner NAME --to accepted|declined|completed [--date D] [--outcome TEXT]`.
struct ReferralStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Record that a partner accepted, declined or completed a referral.")

    @Argument(help: ArgumentHelp("The case number.", valueName: "case-number"))
    var caseNumber: String
    @Option(help: "The partner's name.")
    var partner: String
    @Option(help: "accepted, declined or completed.")
    var to: ReferralStatus
    @Option(help: "When (default: today).", transform: DateArgument.parse)
    var date: CalendarDate?
    @Option(help: "The outcome, in a few words.")
    var outcome = ""
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard let caseID = book.store.caseID(numbered: caseNumber) else { throw CaseBook.PartnerRefusal.unknownCase(caseNumber) }
        guard let partner = book.store.partner(named: self.partner) else { throw CaseBook.PartnerRefusal.unknownPartner(self.partner) }
        try book.changeReferral(caseID, partner: partner.id, to: to, on: date ?? book.calendar.today, outcome: outcome)
        print("The referral of \(caseNumber) to \(partner.details.name) is now \(to.rawValue).")
    }
}
