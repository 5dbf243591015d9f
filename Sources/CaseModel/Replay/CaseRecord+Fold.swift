extension CaseRecord {
    /// What folding one event changed, for the history and the search index.
    struct FoldOutcome {
        var entries: [HistoryEntry.Change] = []
        var namesChanged = false
        /// Answers changed, so completeness and flags need recomputing (done unless deferred).
        var valuesChanged = false
    }

    private static let nameFields: Set<FieldKey> = [.familyName, .givenName, .patronymic, .alias]

    /// Applies one event of this case. Derived figures (completeness, flags) are recomputed only
    /// when answers change, which keeps a replay of millions of events fast; a whole-log replay
    /// defers even that (`refreshingDerived: false`) and refreshes each changed case once at the end.
    mutating func fold(_ event: Event, schema: IntakeSchema, refreshingDerived: Bool = true) -> FoldOutcome {
        var outcome = FoldOutcome()
        var valuesChanged = false
        switch event.body {
        case .fieldsSet(_, let changes):
            valuesChanged = true
            for change in changes {
                if values[change.key] != change.old {
                    conflictingFields.insert(change.key)
                } else if !conflictingFields.isEmpty {
                    conflictingFields.remove(change.key)
                }
                values[change.key] = change.new
                if Self.nameFields.contains(change.key) { outcome.namesChanged = true }
                outcome.entries.append(.field(change))
            }
        case .noteAdded(_, let text):
            notes.append(Note(id: event.id, author: event.author, time: event.time, text: text))
            outcome.entries.append(.note(text))
        case .serviceRecorded(_, let service):
            services.append(ServiceRecord(id: event.id, author: event.author, time: event.time, entry: service))
            outcome.entries.append(.service(service))
        case .referralMade(_, let referral):
            referrals.append(ReferralRecord(id: event.id, author: event.author, time: event.time, entry: referral))
            outcome.entries.append(.referral(referral))
        case .statusChanged(_, let newStatus, let reason):
            outcome.entries.append(.status(from: status, to: newStatus, reason: reason))
            status = newStatus
            statusReason = reason
        case .caseReopened(_, let reason):
            outcome.entries.append(.reopened(from: status, reason: reason))
            status = .active
            statusReason = reason
        case .consentWithdrawn(_, let items, let note):
            outcome.entries.append(.consentWithdrawn(items: items, note: note))
            for item in items where schema.field(item)?.kind == .yesNoUnknown {
                let old = values[item]
                let withdrawn = FieldValue.code("no")
                if old != withdrawn {
                    values[item] = withdrawn
                    outcome.entries.append(.field(FieldChange(key: item, old: old, new: withdrawn)))
                }
            }
            flags.insert(.consentWithdrawn)
            valuesChanged = true
        case .recordViewed:
            outcome.entries.append(.viewed)
        case .caseOpened, .exportMade, .userSignedIn, .userAdded, .userDisabled, .organisationConfigured:
            break
        }
        if event.time > lastChanged { lastChanged = event.time }
        outcome.valuesChanged = valuesChanged
        if valuesChanged && refreshingDerived { refreshDerived(schema: schema) }
        return outcome
    }
}
