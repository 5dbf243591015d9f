import CaseModel

/// The words of episodes, family links, legal proceedings and the referral status form (kept
/// together so the language catalogs take them in one piece).
extension AppStrings {
    var episodesTab: String { w("episodes.tab") }
    var legalTab: String { w("episodes.legalTab") }
    var episodesKey: String { w("episodes.episodesKey") }
    var legalKey: String { w("episodes.legalKey") }
    var familyKey: String { w("episodes.familyKey") }
    var legalMenuTitle: String { w("episodes.legalMenuTitle") }
    var familyMenuTitle: String { w("episodes.familyMenuTitle") }
    var referralStatusKey: String { w("episodes.referralStatusKey") }

    // Episodes
    var chooseEpisode: String { w("episodes.chooseEpisode") }
    var addEpisode: String { w("episodes.addEpisode") }
    func episodeTitle(_ number: Int) -> String { w("episodes.episodeTitle", ["number": .number(number)]) }
    var intakeEpisodeNote: String { w("episodes.intakeEpisodeNote") }
    func episodeSaved(_ caseNumber: String) -> String { w("episodes.episodeSaved", ["number": .text(caseNumber)]) }
    func episodeHistoryLine(_ number: Int, change: String) -> String {
        w("episodes.historyEpisode", ["number": .number(number), "change": .text(change)])
    }

    // Family
    var relativesHeading: String { w("episodes.relativesHeading") }
    var registerChild: String { w("episodes.registerChild") }
    var registerRelative: String { w("episodes.registerRelative") }
    var linkExistingCase: String { w("episodes.linkExisting") }
    var relativeCaseNumber: String { w("episodes.relativeCaseNumber") }
    var chooseRelation: String { w("episodes.chooseRelation") }
    func registerRelativeTitle(_ relation: String, of caseNumber: String) -> String {
        w("episodes.registerTitle", ["relation": .text(relation), "number": .text(caseNumber)])
    }
    func familyLinkedLine(_ relation: String, caseNumber: String) -> String {
        w("episodes.familyLinkedLine", ["relation": .text(relation), "number": .text(caseNumber)])
    }
    func relativeSaved(_ relation: String, caseNumber: String) -> String {
        w("episodes.relativeSaved", ["relation": .text(relation), "number": .text(caseNumber)])
    }

    // Legal proceedings
    var addProceeding: String { w("episodes.addProceeding") }
    var editProceeding: String { w("episodes.editProceeding") }
    var addHearing: String { w("episodes.addHearing") }
    var hearingOutcomeChoice: String { w("episodes.hearingOutcome") }
    var chooseProceeding: String { w("episodes.chooseProceeding") }
    var chooseHearing: String { w("episodes.chooseHearing") }
    var noProceedingsYet: String { w("episodes.noProceedings") }
    var noHearingsYet: String { w("episodes.noHearings") }
    func proceedingSaved(_ caseNumber: String) -> String { w("episodes.proceedingSaved", ["number": .text(caseNumber)]) }
    func hearingSaved(_ caseNumber: String) -> String { w("episodes.hearingSaved", ["number": .text(caseNumber)]) }
    func compensation(claimed: String, awarded: String) -> String {
        w("episodes.compensation", ["claimed": .text(claimed), "awarded": .text(awarded)])
    }
    func hearingEntry(_ date: String, outcome: String) -> String {
        w("episodes.hearingEntry", ["date": .text(date), "outcome": .text(outcome)])
    }
    func hearingPending(_ date: String) -> String { w("episodes.hearingPending", ["date": .text(date)]) }
    func proceedingHistoryLine(_ text: String) -> String { w("episodes.historyProceeding", ["text": .text(text)]) }
    func hearingHistoryLine(_ text: String) -> String { w("episodes.historyHearing", ["text": .text(text)]) }
    func outcomeLine(_ text: String) -> String { w("episodes.outcomeLine", ["text": .text(text)]) }

    // Referral status
    func referralStatusTitle(_ partner: String) -> String { w("episodes.referralStatusTitle", ["partner": .text(partner)]) }
    var chooseReferral: String { w("episodes.chooseReferral") }
    var noOpenReferrals: String { w("episodes.noOpenReferrals") }
    func referralStatusSaved(_ partner: String, status: String) -> String {
        w("episodes.referralStatusSaved", ["partner": .text(partner), "status": .text(status)])
    }

    func episodeRefusal(_ refusal: CaseBook.EpisodeRefusal) -> String {
        switch refusal {
        case .unknownCase: w("episodes.refusal.unknownCase")
        case .unknownEpisode: w("episodes.refusal.unknownEpisode")
        case .unknownProceeding: w("episodes.refusal.unknownProceeding")
        case .hearingNotYetHeld(let date): w("episodes.refusal.hearingNotYetHeld", ["date": .text(w.day(date))])
        case .linkToItself: w("episodes.refusal.linkToItself")
        case .alreadyLinked: w("episodes.refusal.alreadyLinked")
        }
    }
}
