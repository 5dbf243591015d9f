import CaseModel

/// The words of case work after intake: support plan, assessments, follow-ups, the agenda.
extension AppStrings {

    // MARK: History lines
    func objectiveAddedLine(_ objective: String) -> String { w("casework.objectiveAddedLine", ["objective": .text(objective)]) }
    func objectiveChangedLine(_ objective: String) -> String { w("casework.objectiveChangedLine", ["objective": .text(objective)]) }
    func actionAddedLine(_ action: String) -> String { w("casework.actionAddedLine", ["action": .text(action)]) }
    func actionChangedLine(_ action: String) -> String { w("casework.actionChangedLine", ["action": .text(action)]) }
    func riskAssessmentLine(_ assessment: String) -> String { w("casework.riskAssessmentLine", ["assessment": .text(assessment)]) }
    func needsAssessmentLine(_ assessment: String) -> String { w("casework.needsAssessmentLine", ["assessment": .text(assessment)]) }
    func followUpAddedLine(title: String, due day: String, owner: String) -> String {
        w("casework.followUpAddedLine", ["title": .text(title), "day": .text(day), "owner": .text(owner)])
    }
    func followUpDoneLine(_ name: String, note: String) -> String {
        note.isEmpty ? w("casework.followUpDoneLine", ["name": .text(name)])
            : w("casework.followUpDoneNoteLine", ["name": .text(name), "note": .text(note)])
    }
    func followUpMovedLine(_ name: String, to day: String, reason: String) -> String {
        w("casework.followUpMovedLine", ["name": .text(name), "day": .text(day), "reason": .text(reason)])
    }
    func followUpDroppedLine(_ name: String, reason: String) -> String {
        w("casework.followUpDroppedLine", ["name": .text(name), "reason": .text(reason)])
    }

    // MARK: Parts of a line
    var individualRisk: String { w("casework.individualRisk") }
    var householdRisk: String { w("casework.householdRisk") }
    var communityRisk: String { w("casework.communityRisk") }
    var immediateDanger: String { w("casework.immediateDanger") }
    var agreedWithPerson: String { w("casework.agreedWithPerson") }
    func due(_ day: String) -> String { w("casework.due", ["day": .text(day)]) }
    func responsible(_ who: String) -> String { w("casework.responsible", ["who": .text(who)]) }

    // MARK: Flags
    var flagHighRisk: String { w("casework.flagHighRisk") }
    var flagImmediateDanger: String { w("casework.flagImmediateDanger") }
}

/// The agenda's words (the screen and `refuge agenda`).
extension AppStrings {

    var agendaTitle: String { w("casework.agendaTitle") }
    var agendaOverdue: String { w("casework.agendaOverdue") }
    var agendaToday: String { w("casework.agendaToday") }
    func agendaNextDays(_ days: Int) -> String { w("casework.agendaNextDays", count: days) }
    var agendaEmpty: String { w("casework.agendaEmpty") }
}

/// The words of the agenda screen, the case file's plan and assessments, and their forms.
extension AppStrings {

    var agenda: String { w("casework.agenda") }
    var columnDue: String { w("casework.columnDue") }
    var columnWhat: String { w("casework.columnWhat") }
    var agendaHelp: String {
        w("casework.agendaHelp")
    }
    func agendaSummary(overdue: Int, today: Int, upcoming: Int) -> String {
        w("casework.agendaSummary", ["overdue": .number(overdue), "today": .number(today), "upcoming": .number(upcoming)])
    }
    /// An agenda line's "what": the person first, so that a long action is what gets cut at 80 columns.
    func agendaWhat(person: String, followUp: String) -> String {
        w("casework.agendaWhat", ["person": .text(person), "followUp": .text(followUp)])
    }
    var markDone: String { w("casework.markDone") }
    var moveFollowUp: String { w("casework.moveFollowUp") }
    var dropFollowUp: String { w("casework.dropFollowUp") }
    var moveToDate: String { w("casework.moveToDate") }
    func notADate(_ text: String) -> String {
        w("casework.notADate", ["text": .text(text)])
    }
    var reasonRequired: String { w("casework.reasonRequired") }
    var reasonMissing: String { w("casework.reasonMissing") }
    func followUpMarkedDone(_ number: String) -> String { w("casework.followUpMarkedDone", ["number": .text(number)]) }
    func followUpMoved(_ number: String, _ day: String) -> String {
        w("casework.followUpMoved", ["day": .text(day), "number": .text(number)])
    }
    func followUpDropped(_ number: String) -> String { w("casework.followUpDropped", ["number": .text(number)]) }
    func overdueInHeader(_ count: Int) -> String { w("casework.overdueInHeader", ["count": .number(count)]) }
    var columnMarker: String { "!" }

    // MARK: Case file: plan and assessments
    var planTab: String { w("casework.planTab") }
    var assessmentsTab: String { w("casework.assessmentsTab") }
    var caseWork: String { w("casework.caseWork") }
    var caseWorkTitle: String { w("casework.caseWorkTitle") }
    var addObjective: String { w("casework.addObjective") }
    var editObjective: String { w("casework.editObjective") }
    var addAction: String { w("casework.addAction") }
    var editAction: String { w("casework.editAction") }
    var newRiskAssessment: String { w("casework.newRiskAssessment") }
    var newNeedsAssessment: String { w("casework.newNeedsAssessment") }
    var addFollowUp: String { w("casework.addFollowUp") }
    var chooseObjective: String { w("casework.chooseObjective") }
    var chooseAction: String { w("casework.chooseAction") }
    var noObjectivesYet: String { w("casework.noObjectivesYet") }
    func planSaved(_ number: String) -> String { w("casework.planSaved", ["number": .text(number)]) }
    func assessmentSaved(_ number: String) -> String {
        w("casework.assessmentSaved", ["number": .text(number)])
    }
    func followUpSaved(_ number: String) -> String { w("casework.followUpSaved", ["number": .text(number)]) }
    func planVersion(_ version: Int) -> String { w("casework.planVersion", ["version": .number(version)]) }
    var openFollowUps: String { w("casework.openFollowUps") }
    var latestRisk: String { w("casework.latestRisk") }
    var riskTrend: String { w("casework.riskTrend") }
    var latestNeeds: String { w("casework.latestNeeds") }
}

/// The case-work tables of the Reports screen.
extension AppStrings {

    var caseWorkReportTitle: String { w("casework.caseWorkReportTitle") }
    var assessmentsMade: String { w("casework.assessmentsMade") }
    var assessmentsOnTime: String { w("casework.assessmentsOnTime") }
    var openObjectivesByArea: String { w("casework.openObjectivesByArea") }
    var overdueByCaseworker: String { w("casework.overdueByCaseworker") }
}

/// The words of History's filters in the case file.
extension AppStrings {

    var historyKindKey: String { w("casework.historyKindKey") }
    var historyPersonKey: String { w("casework.historyPersonKey") }
    var historyFindKey: String { w("casework.historyFindKey") }
    var historyFindLabel: String { w("casework.historyFindLabel") }
    var historyAllButViews: String { w("casework.historyAllButViews") }
    var historyEveryone: String { w("casework.historyEveryone") }
    func historyFilterLine(kind: String, person: String, query: String) -> String {
        let arguments: [String: WordValue] = ["kind": .text(kind), "person": .text(person), "query": .text(query)]
        return w(query.isEmpty ? "casework.historyFilterLine" : "casework.historyFilterQueryLine", arguments)
    }
}

/// The coordinators' view of recent changes across cases.
extension AppStrings {

    var recentChangesTitle: String { w("casework.recentChangesTitle") }
    var recentChangesKey: String { w("casework.recentChangesKey") }
    var recentToday: String { w("casework.recentToday") }
    var recentWeek: String { w("casework.recentWeek") }
    var recentChangesHelp: String {
        w("casework.recentChangesHelp")
    }
    func recentChangesHeader(todayOnly: Bool, person: String, count: Int) -> String {
        (todayOnly ? w("casework.recentChanges.today") : w("casework.recentChanges.lastSevenDays"))
            + " · \(person) · " + w("casework.recentChanges.count", ["count": .number(count)])
    }
}

/// Closing a case with open plan objectives.
extension AppStrings {
    func openObjectivesOnClosing(_ count: Int) -> String { w("casework.openObjectivesOnClosing", ["count": .number(count)]) }
    var keepObjectivesOpen: String { w("casework.keepObjectivesOpen") }
}
