extension CaseRecord {
    /// The latest risk assessment by its date (of two on one day, the one recorded last).
    public var latestRiskAssessment: RiskAssessment? { Self.latest(riskAssessments, by: \.date) }

    /// The latest needs assessment by its date (of two on one day, the one recorded last).
    public var latestNeedsAssessment: NeedsAssessment? { Self.latest(needsAssessments, by: \.date) }

    /// Who derived follow-ups belong to: the assigned caseworker, else the user who opened the case.
    public var owner: String {
        let assigned = values[.assignedCaseworker]?.text ?? ""
        return assigned.isEmpty ? openedBy : assigned
    }

    /// The follow-ups still to do, made by hand and derived, each with its due date (a moved one
    /// with the day it was moved to). A closed case has none: closing ends what was left open.
    ///
    /// Derived: a plan action's planned date (while it is not done and its objective open); a
    /// referral's outcome `referralOutcomeDays` after it (a partner's referral: after its last step,
    /// until it is completed or declined); a reassessment `reassessmentDays` after
    /// the latest assessment (or the intake); the end of the reflection period `reflectionDays`
    /// after the intake; a hearing on its day, until its outcome is recorded.
    public func openFollowUps(settings: CaseworkSettings) -> [FollowUp] {
        guard !status.isClosed else { return [] }
        var open: [FollowUp] = []
        func add(_ ref: FollowUpRef, due: CalendarDate, owner: String, detail: String) {
            var due = due
            switch followUpResolutions[ref] {
            case .moved(let day, _)?: due = day
            case .some: return
            case nil: break
            }
            open.append(FollowUp(caseID: id, caseNumber: number, ref: ref, due: due, owner: owner, detail: detail))
        }
        for entry in manualFollowUps {
            add(.manual(entry.id), due: entry.due, owner: entry.owner, detail: entry.title)
        }
        for action in plan.actions where action.doneDate == nil {
            guard let planned = action.plannedDate, plan.objective(action.objective)?.status.isOpen ?? true else { continue }
            add(.planAction(action.id), due: planned, owner: owner, detail: action.what)
        }
        for referral in referrals {
            add(.referral(referral.id), due: referral.entry.date.adding(days: settings.referralOutcomeDays), owner: owner,
                detail: referral.entry.organisationType)
        }
        // A referral to a partner waits for the partner's answer, then for the outcome: counted from its last step.
        for referral in partnerReferrals where referral.status == .sent || referral.status == .accepted {
            add(.referral(referral.id), due: referral.statusDate.adding(days: settings.referralOutcomeDays), owner: owner,
                detail: referral.referral.partnerName)
        }
        // A hearing is on the agenda on its day until its outcome is recorded.
        for hearing in legal.hearings where hearing.outcome.isEmpty {
            let authority = legal.proceeding(hearing.proceeding)?.authority ?? ""
            add(.hearing(hearing.id), due: hearing.date, owner: owner, detail: authority)
        }
        let assessed = (riskAssessments.map(\.date) + needsAssessments.map(\.date)).max() ?? intakeDate
        add(.reassessment(after: assessed), due: assessed.adding(days: settings.reassessmentDays), owner: owner, detail: "")
        add(.reflectionPeriodEnd, due: intakeDate.adding(days: settings.reflectionDays), owner: owner, detail: "")
        return open
    }

    /// How many of the open follow-ups are past their due date on `today`.
    public func overdueFollowUpCount(settings: CaseworkSettings, on today: CalendarDate) -> Int {
        openFollowUps(settings: settings).count { $0.isOverdue(on: today) }
    }

    private static func latest<T>(_ items: [T], by date: (T) -> CalendarDate) -> T? {
        var best: T?
        for item in items where best == nil || date(item) >= date(best!) { best = item }
        return best
    }
}

extension CalendarDate {
    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }
}
