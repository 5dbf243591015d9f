import CaseModel
import ScreenKit

/// The case file's episode forms: choose an episode (or a new one), then its form, built from
/// `EpisodeForms.episode` like every form declared as data. The intake's episode is the
/// intake's situation page: saving it changes the case's answers.
enum EpisodeScreens {
    static let newEpisode = "new"

    static func choose(session: RefugeSession, record: CaseRecord) {
        let s = session.strings
        let episodes = record.episodes
        let options = episodes.enumerated().map { index, episode in
            ChoiceOption(code: episode.id.description, label: s.episodeTitle(index + 1) + summary(of: episode, session: session))
        } + [ChoiceOption(code: newEpisode, label: s.addEpisode)]
        session.app.push(ChooseDialog(title: s.chooseEpisode, options: options) { option in
            guard let option else { return }
            if option.code == newEpisode {
                session.app.push(form(session: session, record: record, id: EpisodeID.random(), number: episodes.count + 1,
                                      initial: [:]))
            } else if let index = episodes.firstIndex(where: { $0.id.description == option.code }) {
                session.app.push(form(session: session, record: record, id: episodes[index].id, number: index + 1,
                                      initial: episodes[index].values))
            }
        })
    }

    /// ": Forced labour, RU" — enough to tell two episodes apart in a list.
    private static func summary(of episode: Episode, session: RefugeSession) -> String {
        let text = CaseText(strings: session.strings)
        let parts = [FieldKey.exploitationTypes, .countriesOfExploitation].compactMap { key in
            episode[key].map { text.value($0, of: key) }
        }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
    }

    static func form(session: RefugeSession, record: CaseRecord, id: EpisodeID, number: Int,
                     initial: [FieldKey: FieldValue]) -> FormScreen {
        let s = session.strings
        return session.schemaForm(EpisodeForms.episode, title: "\(s.episodeTitle(number)) — \(record.number)", initial: initial,
                                  confirmation: s.episodeSaved(record.number.description)) { book, answers in
            try book.setEpisode(id, of: record.id, to: answers)
        }
    }
}

/// The case file's legal proceedings: add or edit a proceeding, add a hearing, record a hearing's
/// outcome (refused before the hearing's day), each a form declared as data in `LegalForms`.
enum LegalScreens {
    enum Choice: String, MenuChoice {
        case addProceeding, editProceeding, addHearing, hearingOutcome

        func label(_ s: AppStrings) -> String {
            switch self {
            case .addProceeding: s.addProceeding
            case .editProceeding: s.editProceeding
            case .addHearing: s.addHearing
            case .hearingOutcome: s.hearingOutcomeChoice
            }
        }
    }

    static func choose(session: RefugeSession, record: CaseRecord) {
        session.choose(Choice.self, title: session.strings.legalMenuTitle) { open($0, session: session, record: record) }
    }

    static func open(_ choice: Choice, session: RefugeSession, record: CaseRecord) {
        let s = session.strings
        switch choice {
        case .addProceeding:
            session.app.push(proceeding(session: session, record: record, editing: nil))
        case .editProceeding:
            pickProceeding(session: session, record: record) { session.app.push(proceeding(session: session, record: record, editing: $0)) }
        case .addHearing:
            pickProceeding(session: session, record: record) { chosen in
                session.app.push(hearing(session: session, record: record, proceeding: chosen.id, editing: nil))
            }
        case .hearingOutcome:
            let hearings = record.legal.hearings.sorted { $0.date < $1.date }
            guard !hearings.isEmpty else { return session.app.showError(s.noHearingsYet) }
            let text = CaseText(strings: s)
            let options = hearings.map { hearing in
                ChoiceOption(code: hearing.id.description,
                             label: text.hearing(hearing) + " · " + (record.legal.proceeding(hearing.proceeding)?.authority ?? ""))
            }
            session.app.push(ChooseDialog(title: s.chooseHearing, options: options) { option in
                guard let chosen = hearings.first(where: { $0.id.description == option?.code }) else { return }
                session.app.push(hearing(session: session, record: record, proceeding: chosen.proceeding, editing: chosen))
            })
        }
    }

    private static func pickProceeding(session: RefugeSession, record: CaseRecord, then: @escaping (LegalProceeding) -> Void) {
        let s = session.strings
        let proceedings = record.legal.proceedings
        guard !proceedings.isEmpty else { return session.app.showError(s.noProceedingsYet) }
        let text = CaseText(strings: s)
        let options = proceedings.map { ChoiceOption(code: $0.id.description, label: text.proceeding($0)) }
        session.app.push(ChooseDialog(title: s.chooseProceeding, options: options) { option in
            guard let chosen = proceedings.first(where: { $0.id.description == option?.code }) else { return }
            then(chosen)
        })
    }

    /// "Legal proceeding — 2026-0001".
    private static func title(_ schema: IntakeSchema, _ record: CaseRecord, _ session: RefugeSession) -> String {
        "\(schema.sections[0].title.text(in: session.strings.language)) — \(record.number)"
    }

    static func proceeding(session: RefugeSession, record: CaseRecord, editing: LegalProceeding?) -> FormScreen {
        let initial = editing.map(LegalForms.values(of:)) ?? [.proceedingRole: .code(ProceedingRole.victim.rawValue)]
        return session.schemaForm(LegalForms.proceeding, title: title(LegalForms.proceeding, record, session), initial: initial,
                                  confirmation: session.strings.proceedingSaved(record.number.description)) { book, answers in
            guard let proceeding = LegalForms.proceeding(id: editing?.id ?? ProceedingID.random(), from: answers) else {
                throw CaseworkFormIncomplete()
            }
            try book.setProceeding(proceeding, of: record.id)
        }
    }

    static func hearing(session: RefugeSession, record: CaseRecord, proceeding: ProceedingID, editing: Hearing?) -> FormScreen {
        let initial = editing.map(LegalForms.values(of:)) ?? [:]
        return session.schemaForm(LegalForms.hearing, title: title(LegalForms.hearing, record, session), initial: initial,
                                  confirmation: session.strings.hearingSaved(record.number.description)) { book, answers in
            guard let hearing = LegalForms.hearing(id: editing?.id ?? HearingID.random(), of: proceeding, from: answers) else {
                throw CaseworkFormIncomplete()
            }
            try book.setHearing(hearing, of: record.id)
        }
    }
}

/// The case file's family links: register a child (or another relative) of this case — the intake
/// form, with what a family shares already filled in — or link an existing case.
enum FamilyScreens {
    enum Choice: String, MenuChoice {
        case registerChild, registerRelative, linkExisting

        func label(_ s: AppStrings) -> String {
            switch self {
            case .registerChild: s.registerChild
            case .registerRelative: s.registerRelative
            case .linkExisting: s.linkExistingCase
            }
        }
    }

    static func choose(session: RefugeSession, record: CaseRecord) {
        session.choose(Choice.self, title: session.strings.familyMenuTitle) { choice in
            switch choice {
            case .registerChild: CaseFormController.newRelative(session: session, of: record, as: .child)
            case .registerRelative:
                chooseRelation(session: session) { CaseFormController.newRelative(session: session, of: record, as: $0) }
            case .linkExisting: linkExisting(session: session, record: record)
            }
        }
    }

    private static func chooseRelation(session: RefugeSession, then: @escaping (FamilyRelation) -> Void) {
        let s = session.strings
        let options = FamilyRelation.allCases.map { ChoiceOption(code: $0.rawValue, label: $0.label.text(in: s.language)) }
        session.app.push(ChooseDialog(title: s.chooseRelation, options: options) { option in
            guard let relation = option.flatMap({ FamilyRelation(rawValue: $0.code) }) else { return }
            then(relation)
        })
    }

    private static func linkExisting(session: RefugeSession, record: CaseRecord) {
        let s = session.strings
        session.app.push(PromptDialog(title: s.linkExistingCase, label: s.relativeCaseNumber) { answer in
            guard let answer = answer?.filter({ !$0.isWhitespace }), !answer.isEmpty else { return }
            guard let relative = session.book?.store.caseID(numbered: answer) else { return session.app.showError(s.noSuchCase(answer)) }
            chooseRelation(session: session) { relation in
                if session.perform({ try session.writableBook().linkRelative(relative, to: record.id, as: relation) }) {
                    session.app.showInfo(s.familyLinkedLine(relation.label.text(in: s.language), caseNumber: answer))
                }
            }
        })
    }
}

/// The case file's referral status form: a referral to a partner that waits for an answer or an
/// outcome moves on (sent → accepted or declined → completed), with its day and outcome.
enum ReferralStatusScreens {
    static func choose(session: RefugeSession, record: CaseRecord) {
        let s = session.strings
        let open = record.partnerReferrals.filter { !$0.status.next.isEmpty }
        guard !open.isEmpty else { return session.app.showError(s.noOpenReferrals) }
        let text = CaseText(strings: s)
        let options = open.reversed().map { referral in
            ChoiceOption(code: referral.id.description,
                         label: "\(text.partnerReferral(referral.referral)) [\(referral.status.label.text(in: s.language))]")
        }
        if open.count == 1 { return session.app.push(form(session: session, record: record, referral: open[0])) }
        session.app.push(ChooseDialog(title: s.chooseReferral, options: options) { option in
            guard let chosen = open.first(where: { $0.id.description == option?.code }) else { return }
            session.app.push(form(session: session, record: record, referral: chosen))
        })
    }

    static func form(session: RefugeSession, record: CaseRecord, referral: PartnerReferralRecord) -> FormScreen {
        let s = session.strings
        var initial: [FieldKey: FieldValue] = [.referralStatusDate: .date(session.today)]
        if referral.status.next.count == 1 { initial[.referralNewStatus] = .code(referral.status.next[0].rawValue) }
        return session.schemaForm(PartnerForms.referralStatus(from: referral.status),
                                  title: "\(s.referralStatusTitle(referral.referral.partnerName)) — \(record.number)",
                                  initial: initial) { book, answers in
            guard let status = answers[.referralNewStatus]?.code.flatMap(ReferralStatus.init(rawValue:)),
                  let date = answers[.referralStatusDate]?.date else { throw CaseworkFormIncomplete() }
            try book.changeReferral(record.id, referral: referral.id, to: status, on: date,
                                    outcome: answers[.referralOutcome]?.text ?? "")
            session.app.showInfo(s.referralStatusSaved(referral.referral.partnerName, status: status.label.text(in: s.language)))
        }
    }
}
