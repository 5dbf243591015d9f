import CaseModel

/// Exploitation episodes, family links and legal proceedings: what both the command line and the
/// screens do.
extension CaseBook {
    /// Why an episode, family or legal action was refused; nothing was recorded.
    public enum EpisodeRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownCase
        case unknownEpisode
        case unknownProceeding
        /// An outcome for a hearing whose day has not come.
        case hearingNotYetHeld(CalendarDate)
        case linkToItself
        case alreadyLinked

        public var description: String {
            switch self {
            case .unknownCase: "no such case"
            case .unknownEpisode: "the case has no such episode"
            case .unknownProceeding: "the case has no such proceeding"
            case .hearingNotYetHeld(let date): "the hearing of \(date.iso) has not happened yet: its outcome can be recorded from that day"
            case .linkToItself: "a case cannot be its own relative"
            case .alreadyLinked: "the two cases are already linked"
            }
        }
    }

    /// Saves an episode's answers as they now are (only the changes are recorded): the intake's
    /// episode among the case's answers, any other in its own events. Returns false when nothing
    /// changed.
    @discardableResult
    public func setEpisode(_ id: EpisodeID, of caseID: CaseID, to answers: [FieldKey: FieldValue]) throws -> Bool {
        guard let record = store[caseID] else { throw EpisodeRefusal.unknownCase }
        let answers = answers.filter { EpisodeForms.keys.contains($0.key) }
        if id == .intake {
            var values = record.values
            for key in EpisodeForms.keys { values[key] = answers[key] }
            return try updateCase(caseID, to: values)
        }
        let old = record.episode(id)?.values ?? [:]
        let changes = EventFactory.changes(from: old, to: answers)
        guard !changes.isEmpty else { return false }
        try self.record([.episodeSet(caseID: caseID, episode: id, changes: changes)])
        return true
    }

    /// Links `relative` to `caseID` as its `relation` (the relative's file shows the inverse).
    public func linkRelative(_ relative: CaseID, to caseID: CaseID, as relation: FamilyRelation) throws {
        guard let record = store[caseID], store[relative] != nil else { throw EpisodeRefusal.unknownCase }
        guard relative != caseID else { throw EpisodeRefusal.linkToItself }
        guard !record.relatives.contains(where: { $0.relative == relative }) else { throw EpisodeRefusal.alreadyLinked }
        try self.record([.familyLinked(caseID: caseID, link: FamilyLink(relative: relative, relation: relation))])
    }

    /// Opens the case of a relative registered from `caseID`, linked to it, in one batch.
    public func registerRelative(of caseID: CaseID, as relation: FamilyRelation,
                                 values: [FieldKey: FieldValue]) throws -> CaseID {
        guard store[caseID] != nil else { throw EpisodeRefusal.unknownCase }
        let year = values[.intakeDate]?.date?.year ?? calendar.today.year
        let (opened, link) = withFactory { factory in
            let opened = factory.openCase(values: values, openedOn: calendar.today, number: store.nextCaseNumber(year: year))
            guard case .caseOpened(let id, _, _)? = opened.first?.body else { preconditionFailure("openCase makes caseOpened first") }
            return (opened, factory.make(.familyLinked(caseID: id, link: FamilyLink(relative: caseID, relation: relation.inverse))))
        }
        try append(opened + [link])
        guard case .caseOpened(let id, _, _)? = opened.first?.body else { preconditionFailure("openCase makes caseOpened first") }
        return id
    }

    public func setProceeding(_ proceeding: LegalProceeding, of caseID: CaseID) throws {
        guard let record = store[caseID] else { throw EpisodeRefusal.unknownCase }
        guard record.legal.proceeding(proceeding.id) != proceeding else { return }
        try self.record([.proceedingSet(caseID: caseID, proceeding: proceeding)])
    }

    /// Records a hearing, or its outcome; an outcome before the hearing's day is refused.
    public func setHearing(_ hearing: Hearing, of caseID: CaseID) throws {
        guard let record = store[caseID] else { throw EpisodeRefusal.unknownCase }
        guard record.legal.proceeding(hearing.proceeding) != nil else { throw EpisodeRefusal.unknownProceeding }
        if case .outcomeBeforeHearing(let date)? = hearing.problem(on: calendar.today) {
            throw EpisodeRefusal.hearingNotYetHeld(date)
        }
        guard record.legal.hearings.first(where: { $0.id == hearing.id }) != hearing else { return }
        try self.record([.hearingSet(caseID: caseID, hearing: hearing)])
    }
}
