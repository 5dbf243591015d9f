import ArgumentParser
import CaseModel
import Foundation

extension ReferralReason: ExpressibleByArgument {}
extension SharedPart: ExpressibleByArgument {}
extension ReferralStatus: ExpressibleByArgument {}

/// `refuge referral`: refer a case to a partner with an encrypted packet, or record where a
/// referral stands.
struct ReferralCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "referral",
            abstract: cli("cli.referral.abstract"),
            subcommands: [ReferralSendCommand.self, ReferralStatusCommand.self],
            defaultSubcommand: ReferralSendCommand.self
        )
    }
}

/// `refuge referral CASE_NUMBER --partner NAME --reason CODE --out FILE [--share PART] [--override-consent REASON]`.
struct ReferralSendCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "send",
            abstract: cli("cli.referralsend.abstract"),
            discussion: cli("cli.referralsend.discussion")
        )
    }

    @Argument(help: ArgumentHelp(cli("cli.referralsend.caseNumber.help"), valueName: "case-number"))
    var caseNumber: String
    @Option(help: ArgumentHelp(cli("cli.referralsend.partner.help")))
    var partner: String
    @Option(name: .customLong("reason"), help: ArgumentHelp(cli("cli.referralsend.reasons.help", ["referralReason": .text("\(ReferralReason.allCases.map(\.rawValue).joined(separator: ", "))")]), valueName: "code"))
    var reasons: [ReferralReason] = []
    @Option(name: .customLong("share"), help: ArgumentHelp(cli("cli.referralsend.parts.help", ["sharedPart": .text("\(SharedPart.allCases.map(\.rawValue).joined(separator: ", "))")]),
        valueName: "part"))
    var parts: [SharedPart] = []
    @Option(name: .customLong("out"), help: ArgumentHelp(cli("cli.referralsend.output.help"), valueName: "file"))
    var output: String
    @Option(help: ArgumentHelp(cli("cli.referralsend.overrideConsent.help"),
                               valueName: "reason"))
    var overrideConsent: String?
    @OptionGroup var data: DataOption
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if reasons.isEmpty {
            throw ValidationError(cli("cli.referral.reasonMissing", ["reasons": .text(ReferralReason.allCases.map(\.rawValue).joined(separator: ", "))]))
        }
    }

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard let caseID = book.store.caseID(numbered: caseNumber) else { throw CaseBook.PartnerRefusal.unknownCase(caseNumber) }
        let partner = try book.activePartner(named: self.partner)
        let packet = try book.refer(caseID, to: partner, reasons: reasons, parts: parts, overrideReason: overrideConsent,
                                    language: language.language, writingTo: output)
        print(cli("cli.referral.written", ["partner": .text(partner.details.name), "file": .text(output)]))
        if let passphrase = packet.passphrase {
            print(cli("cli.referral.passphraseFollows"))
            print(passphrase)
        }
    }
}

/// `refuge referral status CASE_NUMBER --partner NAME --to accepted|declined|completed [--date D] [--outcome TEXT]`.
struct ReferralStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: cli("cli.referralstatus.abstract"))

    @Argument(help: ArgumentHelp(cli("cli.referralstatus.caseNumber.help"), valueName: "case-number"))
    var caseNumber: String
    @Option(help: ArgumentHelp(cli("cli.referralstatus.partner.help")))
    var partner: String
    @Option(help: ArgumentHelp(cli("cli.referralstatus.to.help")))
    var to: ReferralStatus
    @Option(help: ArgumentHelp(cli("cli.referralstatus.date.help")), transform: DateArgument.parse)
    var date: CalendarDate?
    @Option(help: ArgumentHelp(cli("cli.referralstatus.outcome.help")))
    var outcome = ""
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard let caseID = book.store.caseID(numbered: caseNumber) else { throw CaseBook.PartnerRefusal.unknownCase(caseNumber) }
        guard let partner = book.store.partner(named: self.partner) else { throw CaseBook.PartnerRefusal.unknownPartner(self.partner) }
        try book.changeReferral(caseID, partner: partner.id, to: to, on: date ?? book.calendar.today, outcome: outcome)
        print(cli("cli.referral.statusChanged", ["number": .text(caseNumber), "partner": .text(partner.details.name),
                                                 "status": .text(to.label.text(in: CommandWords.language))]))
    }
}
