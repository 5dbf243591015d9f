import CaseModel

/// The words of the partner directory and referrals (kept together so the language catalogs can
/// take them in one piece).
extension AppStrings {
    func partnerRefusal(_ refusal: CaseBook.PartnerRefusal) -> String {
        switch refusal {
        case .details(.emptyName): w("partners.refusal.details")
        case .details(.nameTaken(let name)):
            w("partners.refusal.duplicateName", ["name": .text(name)])
        case .details(.unknownCountry(let code)):
            w("partners.refusal.notACountry", ["code": .text(code)])
        case .details(.unknownLanguage(let code)):
            w("partners.refusal.notALanguage", ["code": .text(code)])
        case .details(.invalidRecipient(.badChecksum)):
            w("partners.refusal.ageKeyMistyped")
        case .details(.invalidRecipient):
            w("partners.refusal.notAnAgeKey")
        case .unknownPartner(let name):
            w("partners.refusal.unknownPartner", ["name": .text(name)])
        case .partnerRetired(let name):
            w("partners.refusal.retired", ["name": .text(name)])
        case .unknownCase(let number): w("partners.refusal.unknownCase", ["number": .text(number)])
        case .noReasons: w("partners.refusal.noReasons")
        case .noConsent:
            w("partners.refusal.noConsent")
        case .noGuardianConsent:
            w("partners.refusal.noGuardian")
        case .overrideNeedsCoordinator:
            w("partners.refusal.coordinatorOnly")
        case .noSuchReferral: w("partners.refusal.noSuchReferral")
        case .statusNotAllowed(let from, let to):
            w("partners.statusNotAllowed", ["from": .text(from.label.text(in: language)), "to": .text(to.label.text(in: language))])
        case .dateInFuture: w("partners.refusal.dateInFuture")
        }
    }

    func partnerReferralLine(_ referral: String) -> String { w("partners.partnerReferralLine", ["referral": .text(referral)]) }
    func referralStatusLine(partner: String, status: String, date: String, outcome: String) -> String {
        let arguments: [String: WordValue] = ["partner": .text(partner), "status": .text(status), "date": .text(date), "outcome": .text(outcome)]
        return w(outcome.isEmpty ? "partners.referralStatusLine" : "partners.referralStatusOutcomeLine", arguments)
    }
    func consentOverriddenNote(_ reason: String) -> String {
        w("partners.consentOverriddenNote", ["reason": .text(reason)])
    }

    // MARK: Partner directory screen
    var partners: String { w("partners.partners") }
    var partnersTitle: String { w("partners.partnersTitle") }
    var partnersHelp: String {
        w("partners.partnersHelp")
    }
    var partnerName: String { w("partners.partnerName") }
    var partnerKind: String { w("partners.partnerKind") }
    var partnerPlace: String { w("partners.partnerPlace") }
    var partnerKey: String { w("partners.partnerKey") }
    var retired: String { w("partners.retired") }
    var addPartner: String { w("partners.addPartner") }
    var retirePartner: String { w("partners.retirePartner") }
    func retireReason(_ name: String) -> String { w("partners.retireReason", ["name": .text(name)]) }
    func partnerRetired(_ name: String) -> String { w("partners.partnerRetired", ["name": .text(name)]) }
    func partnerSaved(_ name: String) -> String { w("partners.partnerSaved", ["name": .text(name)]) }
    var noPartnersYet: String {
        w("partners.noPartnersYet")
    }

    // MARK: Referral to a partner
    var referToPartner: String { w("partners.referToPartner") }
    var referToPartnerTitle: String { w("partners.referToPartnerTitle") }
    func packetWritten(_ file: String) -> String {
        w("partners.packetWritten", ["file": .text(file)])
    }
    func packetWrittenWithPassphrase(_ file: String, _ passphrase: String) -> String {
        w("partners.packetWrittenWithPassphrase", ["file": .text(file), "passphrase": .text(passphrase)])
    }
    func partnerReferralEntry(_ line: String, status: String, author: String) -> String { "\(line)  [\(status)]  — \(author)" }

    // MARK: Flags
    var flagsKey: String { w("partners.flagsKey") }
    var flagsTitle: String { w("partners.flagsTitle") }
    var otherFlag: String { w("partners.otherFlag") }
    var otherFlagLabel: String { w("partners.otherFlagLabel") }
    func flagSetLine(_ flag: String) -> String { w("partners.flagSetLine", ["flag": .text(flag)]) }
    func flagClearedLine(_ flag: String) -> String { w("partners.flagClearedLine", ["flag": .text(flag)]) }
    func flagRefusal(_ refusal: CaseBook.FlagRefusal) -> String {
        switch refusal {
        case .empty: w("partners.flagRefusal.empty")
        case .tooLong: w("partners.flagRefusal.tooLong", ["userflagsMaxLength": .text("\(UserFlags.maxLength)")])
        case .alreadySet(let flag): w("partners.flagRefusal.alreadySet", ["flag": .text(flag)])
        case .notSet(let flag): w("partners.flagRefusal.notSet", ["flag": .text(flag)])
        }
    }
}
