import CaseModel
import ScreenKit
import Terminal

/// One case: a summary header and its parts — overview, history, notes, services, referrals, plan,
/// assessments, episodes, legal proceedings. e edits a part, a adds a note, s records a service,
/// r a referral, p refers to a partner (an encrypted packet), o moves a partner referral on, g sets
/// or clears a flag, c changes the status, x an episode, l a legal proceeding or hearing, f
/// registers or links a relative. F7/F8 turn the tabs.
final class CaseFileScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    let caseID: CaseID
    private let summary = PartsLine(role: .header)
    private let flags = PartsLine(role: .accent)
    let tabs: TabView
    private let overview = Paragraph("", scrollable: true)
    private let history = Paragraph("", scrollable: true)
    private let notes = Paragraph("", scrollable: true)
    private let services = Paragraph("", scrollable: true)
    private let referrals = Paragraph("", scrollable: true)
    private let plan = Paragraph("", scrollable: true)
    private let assessments = Paragraph("", scrollable: true)
    private let episodes = Paragraph("", scrollable: true)
    private let legal = Paragraph("", scrollable: true)
    /// Which entries History shows; views (the access log) only on demand.
    private var historyFilter = HistoryFilter()
    /// Text History's lines must contain (any case); empty for all.
    private var historyQuery = ""

    /// The parts of the case file, in tab order.
    enum Part: Int {
        case overview, history, notes, services, referrals, plan, assessments, episodes, legal

        /// Where a follow-up of this kind is dealt with.
        static func part(for kind: FollowUpKind) -> Part {
            switch kind {
            case .manual, .planAction, .reflectionPeriodEnd: .plan
            case .referralOutcome: .referrals
            case .reassessment: .assessments
            case .hearing: .legal
            }
        }
    }

    /// Opens the case at `part` and records that this user viewed it.
    static func open(_ id: CaseID, session: RefugeSession, at part: Part = .overview) {
        guard let book = session.book, book.store[id] != nil else { return }
        if !book.isReadOnly { session.perform { try book.record([.recordViewed(caseID: id)]) } }
        let screen = CaseFileScreen(session: session, caseID: id)
        screen.tabs.selected = part.rawValue
        session.app.push(screen)
    }

    private init(session: RefugeSession, caseID: CaseID) {
        self.session = session
        self.caseID = caseID
        let s = session.strings
        tabs = TabView([(s.overview, overview), (s.history, history), (s.notes, notes), (s.services, services),
                        (s.referrals, referrals), (s.planTab, plan), (s.assessmentsTab, assessments),
                        (s.episodesTab, episodes), (s.legalTab, legal)], strings: s.screenKit)
        tabs.showsKeysInBar = false  // F7/F8: the strip's ‹ › and F1 name them; the bar keeps the case file's own keys whole
        for part in [overview, history, notes, services, referrals, plan, assessments, episodes, legal] { part.helpText = s.caseFileHelp }
        history.hangingIndent = CaseText.historyIndent(s.language)  // a wrapped entry continues under its own text
        overview.hangingIndent = 4  // "  Field: value": a long value continues under its field
        super.init(title: s.caseTitle, root: Stack(.vertical, [(.auto, summary), (.auto, flags), (.flex(1), tabs)]))
    }

    private var record: CaseRecord? { session.book?.store[caseID] }

    override func didAppear() { refresh() }

    enum Command: CaseIterable {
        case edit, addNote, addService, addReferral, referToPartner, changeStatus, flags, caseWork
        case historyKind, historyPerson, findInHistory, back, markDuplicate, resolveConflicts, linkDuplicate
        case referralStatus, episodes, legal, family
    }

    /// The case file's keys, in one table (read by routing, the bar, the help and the tests).
    var commandTable: CommandTable<Command> {
        let s = session.strings
        let coordinator = session.book?.isCoordinator == true
        return CommandTable([
            .init(.edit, .function(4), .character("e"), label: s.edit),
            .init(.addNote, .function(5), .character("a"), label: s.addNote),
            .init(.addService, .function(6), .character("s"), label: s.addService),
            .init(.addReferral, .function(3), .character("r"), label: s.addReferral),
            .init(.referToPartner, .control("p"), .character("p"), label: s.referToPartner),
            .init(.changeStatus, .function(9), .character("c"), label: s.changeStatus),
            .init(.flags, .control("g"), .character("g"), label: s.flagsKey),
            .init(.caseWork, .function(2), .character("t"), label: s.caseWork),
            // Named in the help (F1), not in the full bar.
            .init(.referralStatus, .character("o"), label: s.referralStatusKey, showInBar: false),
            .init(.episodes, .character("x"), label: s.episodesKey, showInBar: false),
            .init(.legal, .character("j"), label: s.legalKey, showInBar: false),
            .init(.family, .character("f"), label: s.familyKey, showInBar: false),
            // History's filters: named in the help (F1) and on History's first line, not in the full bar.
            .init(.historyKind, .character("k"), label: s.historyKindKey, showInBar: false),
            .init(.historyPerson, .character("w"), label: s.historyPersonKey, showInBar: false),
            .init(.findInHistory, .character("/"), label: s.historyFindKey, showInBar: false),
            .init(.back, .escape, label: s.back),
        ] + (coordinator ? [.init(.markDuplicate, .function(11), .character("d"), label: s.markDuplicate)] : [])
            + (record?.conflictingFields.isEmpty == false ? [.init(.resolveConflicts, .character("v"), label: s.resolveConflicts)] : [])
            + (coordinator && !possibleDuplicates.isEmpty ? [.init(.linkDuplicate, .character("l"), label: s.linkDuplicate)] : []))
    }

    func perform(_ command: Command) {
        switch command {
        case .edit: chooseSectionToEdit()
        case .addNote: present(CaseActionForms.note)
        case .addService: present(CaseActionForms.service)
        case .addReferral: present(CaseActionForms.referral)
        case .referToPartner: referToPartner()
        case .changeStatus: present(CaseActionForms.status)
        case .flags: chooseFlag()
        case .caseWork: chooseCaseWork()
        case .historyKind: cycleHistoryKind()
        case .historyPerson: chooseHistoryPerson()
        case .findInHistory: findInHistory()
        case .back: session.app.dismiss(self)
        case .markDuplicate: askForOriginal()
        case .referralStatus: changeReferralStatus()
        case .episodes: presentChoice { EpisodeScreens.choose(session: $0, record: $1) }
        case .legal: presentChoice { LegalScreens.choose(session: $0, record: $1) }
        case .family: presentChoice { FamilyScreens.choose(session: $0, record: $1) }
        case .resolveConflicts: ConflictScreen.open(caseID, session: session)
        case .linkDuplicate: chooseDuplicateToLink()
        }
    }

    override var bindings: [Binding] { commandBindings }

    /// Intakes of the same person made on another laptop, offered to link (as of the last refresh).
    private var possibleDuplicates: [DuplicateCandidate] = []

    func refresh() {
        guard let record, let book = session.book else { return }
        let s = session.strings
        let store = book.store
        var text = CaseText(strings: s, masksNames: session.masksNames) { store[$0]?.number.description ?? "?" }
        text.record = record
        text.deviceNames = book.laptopNames
        title = "\(s.caseTitle) \(record.number)"
        let age = record.age(on: session.today).map { record[.birthDate] == nil ? s.aboutAge($0) : String($0) } ?? "—"
        summary.parts = s.caseHeader(number: record.number.description, name: text.name(record.displayName), age: age,
                                    status: record.status.label.text(in: s.language))
        // On lines of their own, so the first (who, how old, where the case stands) fits at 60 columns;
        // narrower, both break between parts rather than cut one.
        let duplicates = store.summaries.filter { $0.duplicateOf == caseID }.map(\.number.description)
        possibleDuplicates = book.possibleDuplicatesFromOtherLaptops(of: caseID)
        flags.parts = [text.userFlags(record.userFlags), s.forReports("\(record.completeness.percent)%"), text.flags(record.flags),
                           record.duplicateOf.map { s.duplicateOf(text.numberOf($0)).uppercased() } ?? "",
                           duplicates.isEmpty ? "" : s.hasDuplicates(duplicates.joined(separator: ", ")),
                           // The keys are named here: the bar has no room left for them at 80 columns.
                           record.conflictingFields.isEmpty ? "" : s.conflictHint,
                           possibleDuplicates.isEmpty ? "" : s.possibleDuplicates(possibleDuplicates.map(\.number.description).joined(separator: ", ")),
                           possibleDuplicates.isEmpty || !book.isCoordinator ? "" : s.linkHint]
            .filter { !$0.isEmpty }
        let relatives = record.relatives.map { link in
            "  \(link.relation.label.text(in: s.language)): \(text.numberOf(link.relative))  "
                + text.name(store[link.relative]?.displayName ?? "")
        }
        // Relatives first: a child in the shelter with its mother is seen before anything else.
        let family = relatives.isEmpty ? [] : [([s.relativesHeading.uppercased()] + relatives).joined(separator: "\n")]
        overview.text = (family + book.store.schema.sections.map { section in
            let fields = section.fields.filter { $0.relevance.isSatisfied(by: record.values, intakeDateOr: record.openedOn) }
            return ([section.title.text(in: s.language).uppercased()]
                + fields.map { "  \($0.label.text(in: s.language)): \(text.value(record[$0.key], of: $0.key))" }).joined(separator: "\n")
        }).joined(separator: "\n\n")
        // Read back from the log for this case only; a failure (a damaged frame) is shown in the tab.
        do {
            let query = historyQuery.lowercased()
            let entries = try book.history(of: caseID)
            // The laptop is named when more than one wrote to the case, whatever the filter shows.
            let namesDevice = Set(entries.map(\.device)).count > 1
            let lines = entries.reversed().filter(historyFilter.admits).map { text.historyLine($0, namingDevice: namesDevice) }
                .filter { query.isEmpty || $0.lowercased().contains(query) }
            let kind = historyFilter.kind?.label.text(in: s.language) ?? s.historyAllButViews
            let header = s.historyFilterLine(kind: kind, person: historyFilter.author ?? s.historyEveryone, query: historyQuery)
            history.text = header + "\n\n" + (lines.isEmpty ? s.nothingYet : lines.joined(separator: "\n"))
        } catch {
            history.text = s.message(for: error)
        }
        notes.text = record.notes.isEmpty ? s.nothingYet
            : record.notes.reversed().map { "\(text.time($0.time))  \($0.author)\n\($0.text)" }.joined(separator: "\n\n")
        services.text = record.services.isEmpty ? s.nothingYet
            : record.services.reversed().map { "\(text.service($0.entry))  — \($0.author)" }.joined(separator: "\n")
        let toPartners = record.partnerReferrals.reversed().map { referral in
            s.partnerReferralEntry(text.partnerReferral(referral.referral), status: referral.status.label.text(in: s.language)
                                   + (referral.outcome.isEmpty ? "" : ": \(referral.outcome)"), author: referral.author)
        }
        let others = record.referrals.reversed().map { "\(text.referral($0.entry))  — \($0.author)" }
        referrals.text = toPartners.isEmpty && others.isEmpty ? s.nothingYet : (toPartners + others).joined(separator: "\n")
        plan.text = planText(record, text: text, settings: store.caseworkSettings)
        episodes.text = record.episodes.enumerated().map { index, episode in
            let lines = text.episode(episode)
            return ([s.episodeTitle(index + 1).uppercased() + (episode.isIntake ? "  " + s.intakeEpisodeNote : "")]
                + (lines.isEmpty ? ["  " + s.nothingYet] : lines)).joined(separator: "\n")
        }.joined(separator: "\n\n")
        legal.text = record.legal.proceedings.isEmpty ? s.nothingYet : record.legal.proceedings.map { proceeding in
            (["• " + text.proceeding(proceeding)] + record.legal.hearings(of: proceeding.id).map { "    – " + text.hearing($0) })
                .joined(separator: "\n")
        }.joined(separator: "\n\n")
        assessments.text = assessmentsText(record, text: text)
    }

    private func planText(_ record: CaseRecord, text: CaseText, settings: CaseworkSettings) -> String {
        let s = session.strings
        var lines: [String] = []
        if record.plan.version > 0 {
            lines.append(s.planVersion(record.plan.version).uppercased())
            for objective in record.plan.objectives {
                lines.append("• " + text.objective(objective))
                lines += record.plan.actions(of: objective.id).map { "    – " + text.action($0) }
            }
            lines.append("")
        }
        let open = record.openFollowUps(settings: settings).sorted { $0.due < $1.due }
        if !open.isEmpty {
            lines.append(s.openFollowUps.uppercased())
            lines += open.map { "  \($0.due.dotted)  \($0.owner)  \(text.followUp($0))" + ($0.isOverdue(on: session.today) ? "  !" : "") }
        }
        return lines.isEmpty ? s.nothingYet : lines.joined(separator: "\n")
    }

    private func assessmentsText(_ record: CaseRecord, text: CaseText) -> String {
        let s = session.strings
        var lines: [String] = []
        if let risk = record.latestRiskAssessment {
            lines += [s.latestRisk.uppercased(), "  " + text.riskAssessment(risk)]
            if record.riskAssessments.count > 1 {
                let trend = record.riskAssessments.sorted { $0.date < $1.date }
                    .map { "\($0.date.dotted) \($0.highest.label.text(in: s.language))" }
                lines += ["", s.riskTrend.uppercased(), "  " + trend.joined(separator: " → ")]
            }
        }
        if let needs = record.latestNeedsAssessment {
            if !lines.isEmpty { lines.append("") }
            lines += [s.latestNeeds.uppercased(), "  " + text.needsAssessment(needs)]
        }
        return lines.isEmpty ? s.nothingYet : lines.joined(separator: "\n")
    }

    /// All but views → each kind in turn (views last: the access log) → all but views.
    private func cycleHistoryKind() {
        let kinds = HistoryKind.allCases
        if let current = historyFilter.kind, let index = kinds.firstIndex(of: current) {
            historyFilter.kind = index + 1 < kinds.count ? kinds[index + 1] : nil
        } else {
            historyFilter.kind = kinds.first
        }
        tabs.selected = Part.history.rawValue
        refresh()
    }

    private func chooseHistoryPerson() {
        guard let book = session.book else { return }
        let s = session.strings
        let people = Set(((try? book.history(of: caseID)) ?? []).map(\.author)).sorted()
        let options = [ChoiceOption(code: "", label: s.historyEveryone)] + people.map { ChoiceOption(code: $0, label: $0) }
        session.app.push(ChooseDialog(title: s.historyPersonKey, options: options, selectedCode: historyFilter.author ?? "") { [unowned self] option in
            guard let option else { return }
            historyFilter.author = option.code.isEmpty ? nil : option.code
            tabs.selected = Part.history.rawValue
            refresh()
        })
    }

    private func findInHistory() {
        let s = session.strings
        session.app.push(PromptDialog(title: s.historyFindKey, label: s.historyFindLabel, text: historyQuery) { [unowned self] answer in
            guard let answer else { return }
            historyQuery = answer.trimmingCharacters(in: .whitespaces)
            tabs.selected = Part.history.rawValue
            refresh()
        })
    }

    private func chooseCaseWork() {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        CaseworkForms.choose(session: session, record: record)
    }

    private func chooseSectionToEdit() {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        let sections = session.forms.schema.sections
        let options = sections.map { ChoiceOption(code: $0.id, label: $0.title.text(in: session.strings.language)) }
        session.app.push(ChooseDialog(title: session.strings.chooseSection, options: options) { [unowned self] option in
            guard let option, let section = sections.first(where: { $0.id == option.code }) else { return }
            CaseFormController.edit(session: session, record: record, section: section)
        })
    }

    /// Coordinators: this case registers the same person as another; asks for the other's number.
    private func askForOriginal() {
        let s = session.strings
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        session.app.push(PromptDialog(title: s.markDuplicateTitle(record.number.description), label: s.originalCaseNumber) { [unowned self] answer in
            guard let answer = answer?.filter({ !$0.isWhitespace }), !answer.isEmpty else { return }
            guard let original = session.book?.store.caseID(numbered: answer) else {
                return session.app.showError(s.noSuchCase(answer))
            }
            if session.perform({ try session.writableBook().markDuplicate(caseID, of: original) }) {
                session.app.showInfo(s.duplicateOf(answer))
                refresh()
            }
        })
    }

    /// Coordinators: links this case and an intake of the same person made on another laptop (the
    /// later one becomes the duplicate of the earlier), after choosing which when there are several.
    private func chooseDuplicateToLink() {
        guard let book = session.book, let record, session.perform({ _ = try session.writableBook() }) else { return }
        let s = session.strings
        let options = possibleDuplicates.compactMap { candidate in
            book.store[candidate.caseID].map { ChoiceOption(code: $0.number.description, label: "\($0.number)  \(session.masksNames ? CaseListSource.initials($0.displayName) : $0.displayName)") }
        }
        session.app.push(ChooseDialog(title: s.linkDuplicateTitle(record.number.description), options: options) { [unowned self] option in
            guard let option, let book = session.book, let other = book.store.caseID(numbered: option.code) else { return }
            guard session.perform({ try session.writableBook().linkDuplicates(caseID, other) }) else { return }
            let number = record.number.description
            session.app.showInfo(book.store[caseID]?.duplicateOf == other ? s.duplicatesLinked(later: number, earlier: option.code)
                                 : s.duplicatesLinked(later: option.code, earlier: number))
            refresh()
        })
    }

    /// Sets or clears a flag: the list's flags (a set one is ticked, and cleared when chosen), or
    /// the organisation's own words.
    private func chooseFlag() {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        let s = session.strings
        let other = "\u{0}other"
        let known = UserFlags.codeList.codes.map(\.code)
        let options = (known + record.userFlags.filter { !known.contains($0) }).map { code in
            ChoiceOption(code: code, label: UserFlags.label(of: code, in: s.language) + (record.userFlags.contains(code) ? " ✓" : ""))
        } + [ChoiceOption(code: other, label: s.otherFlag)]
        session.app.push(ChooseDialog(title: s.flagsTitle, options: options) { [unowned self] option in
            guard let option else { return }
            if option.code == other {
                session.app.push(PromptDialog(title: s.flagsTitle, label: s.otherFlagLabel) { [unowned self] answer in
                    guard let answer else { return }
                    if session.perform({ try session.writableBook().setFlag(answer, on: caseID) }) { refresh() }
                })
            } else if record.userFlags.contains(option.code) {
                if session.perform({ try session.writableBook().clearFlag(option.code, on: caseID) }) { refresh() }
            } else if session.perform({ try session.writableBook().setFlag(option.code, on: caseID) }) {
                refresh()
            }
        })
    }

    /// The referral form (a packet for a partner of the directory).
    private func referToPartner() {
        guard let record, session.perform({ _ = try session.writableBook() }),
              let form = PartnerFormScreens.referral(session: session, record: record) else { return }
        session.app.push(form)
    }

    private func present(_ form: (RefugeSession, CaseRecord) -> FormScreen) {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        session.app.push(form(session, record))
    }

    /// Opens what `open` shows (a choice, then a form) on a writable case file.
    private func presentChoice(_ open: (RefugeSession, CaseRecord) -> Void) {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        open(session, record)
    }

    private func changeReferralStatus() {
        tabs.selected = Part.referrals.rawValue
        presentChoice { ReferralStatusScreens.choose(session: $0, record: $1) }
    }
}

extension CaseFileScreen: ShowsCaseFile {
    func caseFileChanged() { refresh() }
}
