import CaseModel

/// How the case-work parts of a case (plan, assessments, follow-ups) read on screen.
extension CaseText {
    func area(_ code: String) -> String { CaseworkCodeLists.planArea.label(of: code, in: language) ?? code }

    func objective(_ objective: PlanObjective) -> String {
        var text = "\(area(objective.area)): \(objective.text) (\(objective.status.label.text(in: language))"
        if objective.agreedWithPerson { text += ", " + strings.agreedWithPerson }
        if let end = objective.plannedEnd { text += ", " + strings.due(end.dotted) }
        return text + ")"
    }

    func action(_ action: PlanAction) -> String {
        var text = action.what
        if !action.responsible.isEmpty { text += ", " + strings.responsible(action.responsible) }
        if let planned = action.plannedDate { text += ", " + strings.due(planned.dotted) }
        if let done = action.doneDate { text += " ✓ \(done.dotted)" }
        return action.outcome.isEmpty ? text : text + ": " + action.outcome
    }

    func riskAssessment(_ risk: RiskAssessment) -> String {
        func rating(_ name: String, _ rating: RiskRating) -> String {
            let reasons = rating.reasons.map { CaseworkCodeLists.riskReason.label(of: $0, in: language) ?? $0 }
            return "\(name) \(rating.level.label.text(in: language))" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
        }
        var parts = [risk.date.dotted, rating(strings.individualRisk, risk.individual),
                     rating(strings.householdRisk, risk.household), rating(strings.communityRisk, risk.community)]
        if risk.immediateDanger { parts.append(strings.immediateDanger) }
        if !risk.note.isEmpty { parts.append(risk.note) }
        return parts.joined(separator: "; ")
    }

    func needsAssessment(_ needs: NeedsAssessment) -> String {
        needs.date.dotted + " " + needs.needs.map { "\(area($0.area)) \($0.status.label.text(in: language))" }.joined(separator: ", ")
    }

    /// What a follow-up is: its kind and, when it has one, what to do.
    func followUp(_ followUp: FollowUp) -> String {
        let kind = followUp.kind.label.text(in: language)
        switch followUp.kind {
        case .manual: return followUp.detail
        case .referralOutcome:
            return "\(kind): " + (CodeLists.organisationType.label(of: followUp.detail, in: language) ?? followUp.detail)
        case .planAction: return "\(kind): \(followUp.detail)"
        case .reassessment, .reflectionPeriodEnd: return kind
        }
    }

    /// A follow-up named by its reference, as in the history (the case's own record names it).
    func followUpName(_ ref: FollowUpRef, in record: CaseRecord?) -> String {
        switch ref {
        case .manual(let id): record?.manualFollowUps.first { $0.id == id }?.title ?? ref.kind.label.text(in: language)
        case .planAction(let id):
            ref.kind.label.text(in: language) + (record?.plan.actions.first { $0.id == id }.map { ": " + $0.what } ?? "")
        case .reassessment(let after): ref.kind.label.text(in: language) + " (\(after.dotted))"
        case .referral, .reflectionPeriodEnd: ref.kind.label.text(in: language)
        }
    }

    /// The history line of a case-work change.
    func caseworkLine(_ change: HistoryEntry.Change, record: CaseRecord?) -> String {
        switch change {
        case .objective(let new, let old):
            old == nil ? strings.objectiveAddedLine(objective(new)) : strings.objectiveChangedLine(objective(new))
        case .action(let new, let old):
            old == nil ? strings.actionAddedLine(action(new)) : strings.actionChangedLine(action(new))
        case .riskAssessment(let risk): strings.riskAssessmentLine(riskAssessment(risk))
        case .needsAssessment(let needs): strings.needsAssessmentLine(needsAssessment(needs))
        case .followUpAdded(let entry):
            strings.followUpAddedLine(title: entry.title, due: entry.due.dotted, owner: entry.owner)
        case .followUpResolved(let ref, let resolution):
            resolutionLine(followUpName(ref, in: record), resolution)
        default: ""
        }
    }

    private func resolutionLine(_ name: String, _ resolution: FollowUpResolution) -> String {
        switch resolution {
        case .done(let note): strings.followUpDoneLine(name, note: note)
        case .moved(let day, let reason): strings.followUpMovedLine(name, to: day.dotted, reason: reason)
        case .dropped(let reason): strings.followUpDroppedLine(name, reason: reason)
        }
    }
}
