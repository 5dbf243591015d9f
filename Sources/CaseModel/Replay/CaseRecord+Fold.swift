extension CaseRecord {
    /// What folding one event changed, for the history and the search index.
    struct FoldOutcome {
        /// Whether `entries` is filled at all.
        let collecting: Bool
        private(set) var entries: [HistoryEntry.Change] = []
        var namesChanged = false
        /// Whether answers changed: completeness and flags must be derived again.
        var valuesChanged = false

        init(collecting: Bool) { self.collecting = collecting }

        mutating func add(_ change: @autoclosure () -> HistoryEntry.Change) {
            if collecting { entries.append(change()) }
        }
    }

    /// Applies one event of this case. Derived figures (completeness, flags) are left to the
    /// store, which recomputes them once per case when `outcome.valuesChanged`, and its summary
    /// after any change (`CaseStore.settle`).
    /// A store that keeps no history entries passes `collectingEntries: false` and saves an
    /// allocation per event.
    mutating func fold(_ event: Event, schema: IntakeSchema, collectingEntries: Bool = true) -> FoldOutcome {
        var outcome = FoldOutcome(collecting: collectingEntries)
        if let change = foldLeavingSummary(event) {
            outcome.add(change)
            return outcome
        }
        switch event.body {
        case .fieldsSet(_, let changes):
            outcome.valuesChanged = true
            for change in changes {
                set(change, outcome: &outcome)
                outcome.add(.field(change))
            }
        case .referralMade(_, let referral):
            referrals.append(ReferralRecord(id: event.id, author: event.author, time: event.time, entry: referral))
            outcome.add(.referral(referral))
        case .statusChanged(_, let newStatus, let reason):
            outcome.add(.status(from: status, to: newStatus, reason: reason))
            status = newStatus
            statusReason = reason
        case .caseReopened(_, let reason):
            outcome.add(.reopened(from: status, reason: reason))
            status = .active
            statusReason = reason
        case .consentWithdrawn(_, let items, let note):
            outcome.add(.consentWithdrawn(items: items, note: note))
            for item in items where schema.field(item)?.kind == .yesNoUnknown {
                let old = values[item]
                let withdrawn = FieldValue.code("no")
                if old != withdrawn {
                    values[item] = withdrawn
                    outcome.add(.field(FieldChange(key: item, old: old, new: withdrawn)))
                }
            }
            flags.insert(.consentWithdrawn)
            outcome.valuesChanged = true
        case .duplicateMarked(_, let original):
            outcome.add(.duplicate(of: original))
            duplicateOf = original
        case .referralSent(_, let referral):
            partnerReferrals.append(PartnerReferralRecord(id: event.id, author: event.author, time: event.time,
                                                          referral: referral, statusDate: referral.date))
            outcome.add(.partnerReferral(referral))
        case .referralStatusChanged(_, let referralID, let status, let date, let result):
            // A status for a referral this log does not hold (a partial merge) still shows in history.
            let index = partnerReferrals.firstIndex { $0.id == referralID }
            if let index {
                partnerReferrals[index].status = status
                partnerReferrals[index].statusDate = date
                if !result.isEmpty { partnerReferrals[index].outcome = result }
            }
            let name = index.map { partnerReferrals[$0].referral.partnerName } ?? "?"
            outcome.add(.referralStatus(partnerName: name, status: status, date: date, outcome: result))
        case .flagSet(_, let flag):
            if !userFlags.contains(flag) { userFlags.append(flag) }
            outcome.add(.flagSet(flag))
        case .flagCleared(_, let flag):
            userFlags.removeAll { $0 == flag }
            outcome.add(.flagCleared(flag))
        case .objectiveSet(_, let objective):
            let replaced = plan.set(objective)
            outcome.add(.objective(objective, replacing: replaced))
        case .actionSet(_, let action):
            let replaced = plan.set(action)
            outcome.add(.action(action, replacing: replaced))
        case .riskAssessed(_, let assessment):
            riskAssessments.append(assessment)
            outcome.add(.riskAssessment(assessment))
            outcome.valuesChanged = true  // the risk flags follow the latest assessment
        case .needsAssessed(_, let assessment):
            needsAssessments.append(assessment)
            outcome.add(.needsAssessment(assessment))
        case .followUpAdded(_, let followUp):
            manualFollowUps.append(followUp)
            outcome.add(.followUpAdded(followUp))
        case .followUpResolved(_, let ref, let resolution):
            followUpResolutions[ref] = resolution
            outcome.add(.followUpResolved(ref, resolution))
        case .episodeSet(_, let id, let changes):
            let index = laterEpisodes.firstIndex { $0.id == id } ?? {
                laterEpisodes.append(Episode(id: id, values: [:]))
                return laterEpisodes.count - 1
            }()
            for change in changes {
                laterEpisodes[index].values[change.key] = change.new
                outcome.add(.episodeField(number: index + 2, change))
            }
            outcome.valuesChanged = true  // the first episode may have changed: "minor at exploitation"
        case .familyLinked(_, let link):
            addRelative(link)
            outcome.add(.familyLinked(link))
        case .proceedingSet(_, let proceeding):
            let replaced = legal.set(proceeding)
            outcome.add(.proceeding(proceeding, replacing: replaced))
        case .hearingSet(_, let hearing):
            let replaced = legal.set(hearing)
            outcome.add(.hearing(hearing, replacing: replaced))
        case .conflictResolved(_, let change):
            outcome.valuesChanged = true
            set(change, outcome: &outcome)
            outcome.add(.conflictResolved(change))
        case .noteAdded, .serviceRecorded, .recordViewed,  // folded above
             .caseOpened, .exportMade, .userSignedIn, .userAdded, .userDisabled, .organisationConfigured,
             .passphraseChanged, .passphraseReset, .importBegan, .importCommitted, .importAbandoned, .partnerAdded,
             .partnerChanged, .partnerRetired, .caseworkSettingsChanged, .deviceNamed, .deviceRevoked:
            break
        }
        if event.time > lastChanged { lastChanged = event.time }
        return outcome
    }

    /// Whether `body` changes nothing of its case that `CaseSummary` or the search index derive but
    /// the time of the last change: a note, a service, a view. A store lets such an event wait
    /// beside a case it holds as bytes rather than decode the case for it (`CaseRecords.keepAside`).
    static func leavesSummaryButLastChanged(_ body: EventBody) -> Bool {
        switch body {
        case .noteAdded, .serviceRecorded, .recordViewed: true
        default: false
        }
    }

    /// Folds an event `leavesSummaryButLastChanged` says leaves the summary as it was, and returns
    /// the history entry it makes; nil, and nothing changed, for any other event.
    mutating func foldLeavingSummary(_ event: Event) -> HistoryEntry.Change? {
        let change: HistoryEntry.Change
        switch event.body {
        case .noteAdded(_, let text):
            notes.append(Note(id: event.id, author: event.author, time: event.time, text: text))
            change = .note(text)
        case .serviceRecorded(_, let service):
            services.append(ServiceRecord(id: event.id, author: event.author, time: event.time, entry: service))
            change = .service(service)
        case .recordViewed:
            change = .viewed
        default:
            return nil
        }
        if event.time > lastChanged { lastChanged = event.time }
        return change
    }

    /// Notes a relative's case once (a link recorded on both cases, or twice, shows once).
    mutating func addRelative(_ link: FamilyLink) {
        guard link.relative != id, !relatives.contains(where: { $0.relative == link.relative }) else { return }
        relatives.append(link)
    }

    /// Sets one field. A change whose previous value is not the one held was made without seeing
    /// an edit merged before it (two laptops apart): the field is in conflict until a change that
    /// saw the value held, unless both arrived at the same value.
    private mutating func set(_ change: FieldChange, outcome: inout FoldOutcome) {
        if change.conflicts(withHeld: values[change.key]) {
            conflictingFields.insert(change.key)
        } else if !conflictingFields.isEmpty {
            conflictingFields.remove(change.key)
        }
        values[change.key] = change.new
        if FieldKey.personNames.contains(change.key) { outcome.namesChanged = true }
    }
}
