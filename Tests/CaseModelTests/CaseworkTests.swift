import Foundation
import Testing
@testable import CaseModel

/// Case work after intake (issue 14): the support plan, assessments, follow-ups and the agenda,
/// as events folded by the one replay.
@Suite struct CaseworkTests {
    /// One case opened on 2026-03-01 by aigul, then `more` events by `author`.
    static func replay(author: String = "olga", _ more: (CaseID, inout EventFactory) -> [Event]) -> (CaseStore, CaseID) {
        var opener = Fixtures.factory()
        let caseID: CaseID = opener.nextID()
        var events = opener.openCase(values: Fixtures.person(family: "Каримова", intake: "2026-03-01"),
                                     openedOn: Fixtures.date("2026-03-01"), caseID: caseID)
        var factory = Fixtures.factory(author: author, seed: 2, millis: 1_750_000_001_000)
        events += more(caseID, &factory)
        return (CaseStore.replay(events), caseID)
    }

    static let day = Fixtures.date

    static func risk(_ date: String, _ individual: RiskLevel, danger: Bool = false) -> RiskAssessment {
        RiskAssessment(date: day(date), individual: RiskRating(individual, reasons: ["threats"]), household: RiskRating(.low),
                       community: RiskRating(.low), immediateDanger: danger)
    }

    @Test func anObjectiveSavedTwiceIsOneObjectiveInItsSecondVersionAndTwoHistoryLines() {
        let objective = ObjectiveID(high: 1, low: 1)
        let (store, caseID) = Self.replay { id, factory in [
            factory.make(.objectiveSet(caseID: id, objective: PlanObjective(
                id: objective, area: "documents", text: "Паспорт", agreedWithPerson: false))),
            factory.make(.objectiveSet(caseID: id, objective: PlanObjective(
                id: objective, area: "documents", text: "Паспорт", agreedWithPerson: true))),
        ] }
        let plan = store[caseID]!.plan
        #expect(plan.version == 2)
        #expect(plan.objectives.count == 1 && plan.objectives[0].agreedWithPerson)
        let entries = store.history(of: caseID).filter { if case .objective = $0.change { true } else { false } }
        #expect(entries.count == 2 && entries.allSatisfy { $0.author == "olga" })
        guard case .objective(let second, let replaced) = entries[1].change else { return }
        #expect(second.agreedWithPerson && replaced?.agreedWithPerson == false)
    }

    @Test func aHighRiskOrImmediateDangerFlagsTheCaseUntilALaterAssessmentIsLower() {
        let (high, id1) = Self.replay { id, factory in [factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-03-02", .high)))] }
        #expect(high[id1]!.flags.contains(.highRisk) && !high[id1]!.flags.contains(.immediateDanger))
        let (danger, id2) = Self.replay { id, factory in
            [factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-03-02", .low, danger: true)))]
        }
        #expect(danger[id2]!.flags.contains(.immediateDanger) && !danger[id2]!.flags.contains(.highRisk))
        // Recorded out of date order: the latest by date stands, not the last recorded.
        let (later, id3) = Self.replay { id, factory in [
            factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-04-01", .low))),
            factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-03-02", .high))),
        ] }
        #expect(later[id3]!.latestRiskAssessment?.date == Self.day("2026-04-01"))
        #expect(!later[id3]!.flags.contains(.highRisk))
        #expect(later[id3]!.riskAssessments.count == 2)
    }

    @Test func everyCaseworkEventIsInTheHistoryWithWhoAndWhenAndTheLogReplayGivesTheSame() {
        let followUp = FollowUpID(high: 2, low: 2)
        let bodies: (CaseID) -> [EventBody] = { id in [
            .objectiveSet(caseID: id, objective: PlanObjective(id: ObjectiveID(high: 1, low: 1), area: "health", text: "Врач",
                                                                agreedWithPerson: true)),
            .actionSet(caseID: id, action: PlanAction(id: ActionID(high: 1, low: 1), objective: ObjectiveID(high: 1, low: 1),
                                                      what: "Запись к врачу", responsible: "olga", plannedDate: Self.day("2026-03-05"))),
            .riskAssessed(caseID: id, assessment: Self.risk("2026-03-02", .medium)),
            .needsAssessed(caseID: id, assessment: NeedsAssessment(date: Self.day("2026-03-02"), needs: [.init(area: "health", status: .notMet)])),
            .followUpAdded(caseID: id, followUp: FollowUpEntry(id: followUp, title: "Суд", due: Self.day("2026-03-10"), owner: "olga")),
            .followUpResolved(caseID: id, ref: .manual(followUp), resolution: .moved(to: Self.day("2026-03-12"), reason: "перенос")),
            .followUpResolved(caseID: id, ref: .manual(followUp), resolution: .done(note: "")),
            .followUpResolved(caseID: id, ref: .reflectionPeriodEnd, resolution: .dropped(reason: "уехала")),
        ] }
        var opener = Fixtures.factory()
        let caseID: CaseID = opener.nextID()
        let opened = opener.openCase(values: Fixtures.person(family: "Каримова", intake: "2026-03-01"),
                                     openedOn: Fixtures.date("2026-03-01"), caseID: caseID)
        var factory = Fixtures.factory(author: "olga", seed: 2, millis: 1_750_000_001_000)
        let events = bodies(caseID).map { factory.make($0) }
        let store = CaseStore.replay(opened + events)
        let ids = Set(events.map(\.id))
        let history = store.history(of: caseID).filter { ids.contains($0.eventID) }
        #expect(history.count == events.count)  // one entry per event
        for (entry, event) in zip(history, events) {
            #expect(entry.author == "olga" && entry.time == event.time && entry.eventID == event.id)
        }
        // The app rebuilds a history from the case's events read back from the log: the same entries.
        let replayed = CaseStore.replay(opened + events, keepsHistory: false)
        #expect(replayed.history(of: caseID, replaying: opened + events) == store.history(of: caseID))
    }

    @Test func derivedFollowUpsComeFromThePlanReferralsAssessmentsAndTheIntake() {
        let action = ActionID(high: 7, low: 7)
        let (store, caseID) = Self.replay { id, factory in [
            factory.make(.objectiveSet(caseID: id, objective: PlanObjective(id: ObjectiveID(high: 1, low: 1), area: "legal",
                                                                             text: "Суд", agreedWithPerson: true))),
            factory.make(.actionSet(caseID: id, action: PlanAction(id: action, objective: ObjectiveID(high: 1, low: 1),
                                                                   what: "Адвокат", responsible: "olga", plannedDate: Self.day("2026-03-20")))),
            factory.make(.referralMade(caseID: id, referral: ReferralEntry(organisationType: "legalAid", date: Self.day("2026-03-03"), reason: ""))),
            factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-03-10", .low))),
        ] }
        let record = store[caseID]!
        let due = Dictionary(uniqueKeysWithValues: record.openFollowUps(settings: .standard).map { ($0.kind, $0.due) })
        #expect(due[.planAction] == Self.day("2026-03-20"))
        #expect(due[.referralOutcome] == Self.day("2026-03-17"))  // 14 days
        #expect(due[.reassessment] == Self.day("2026-04-09"))  // 30 days after the latest assessment
        #expect(due[.reflectionPeriodEnd] == Self.day("2026-03-31"))  // 30 days after the intake
        #expect(record.openFollowUps(settings: .standard).allSatisfy { $0.owner == "aigul" })  // who opened it

        let national = CaseworkSettings(reassessmentDays: 60, reflectionDays: 90, referralOutcomeDays: 7)
        let other = Dictionary(uniqueKeysWithValues: record.openFollowUps(settings: national).map { ($0.kind, $0.due) })
        #expect(other[.reflectionPeriodEnd] == Self.day("2026-05-30"))
        #expect(other[.reassessment] == Self.day("2026-05-09"))
        #expect(other[.referralOutcome] == Self.day("2026-03-10"))
    }

    @Test func aPartnerReferralWaitingForThePartnerIsAFollowUpUntilCompletedOrDeclined() {
        var factory = EventFactory(author: "anna", device: DeviceID(high: 1, low: 1), seed: 5)
        let opened = factory.openCase(values: [.familyName: .text("Каримова")], openedOn: Self.day("2026-01-10"))
        let caseID = opened[0].body.caseID!
        let referral = PartnerReferral(partner: PartnerID(high: 2, low: 2), partnerName: "IOM", reasons: [.repatriation],
                                       sharedParts: [.identity], date: Self.day("2026-02-01"), packet: .partnerKey)
        let sent = factory.make(.referralSent(caseID: caseID, referral: referral))
        let accepted = factory.make(.referralStatusChanged(caseID: caseID, referral: sent.id, status: .accepted,
                                                           date: Self.day("2026-02-03"), outcome: ""))
        let completed = factory.make(.referralStatusChanged(caseID: caseID, referral: sent.id, status: .completed,
                                                            date: Self.day("2026-02-20"), outcome: "returned home"))
        func due(_ events: [Event]) -> CalendarDate? {
            CaseStore.replay(opened + events)[caseID]!.openFollowUps(settings: .standard).first { $0.ref == .referral(sent.id) }?.due
        }
        #expect(due([sent]) == Self.day("2026-02-15"))  // 14 days after sending
        #expect(due([sent, accepted]) == Self.day("2026-02-17"))  // 14 days after the partner accepted
        #expect(due([sent, accepted, completed]) == nil)
    }

    @Test func theOrganisationsSettingsAreTheLastSettingsEventInTheLog() {
        var factory = Fixtures.factory()
        let store = CaseStore.replay([
            factory.make(.caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 10, reflectionDays: 20, referralOutcomeDays: 5))),
            factory.make(.caseworkSettingsChanged(CaseworkSettings(reassessmentDays: 30, reflectionDays: 90, referralOutcomeDays: 14))),
        ])
        #expect(store.caseworkSettings == CaseworkSettings(reassessmentDays: 30, reflectionDays: 90, referralOutcomeDays: 14))
        #expect(CaseStore.replay([Event]()).caseworkSettings == .standard)
    }

    @Test func doneAndDroppedEndAFollowUpMovedChangesItsDayAndANewAssessmentStartsANewReassessment() {
        let manual = FollowUpID(high: 3, low: 3)
        let (store, caseID) = Self.replay { id, factory in [
            factory.make(.followUpAdded(caseID: id, followUp: FollowUpEntry(id: manual, title: "Суд", due: Self.day("2026-03-10"), owner: "olga"))),
            factory.make(.followUpResolved(caseID: id, ref: .manual(manual), resolution: .moved(to: Self.day("2026-03-14"), reason: "суд перенёс"))),
            factory.make(.followUpResolved(caseID: id, ref: .reflectionPeriodEnd, resolution: .done(note: ""))),
            factory.make(.followUpResolved(caseID: id, ref: .reassessment(after: Self.day("2026-03-01")), resolution: .dropped(reason: "x"))),
        ] }
        let open = store[caseID]!.openFollowUps(settings: .standard)
        #expect(open.map(\.ref) == [.manual(manual)])
        #expect(open[0].due == Self.day("2026-03-14") && open[0].detail == "Суд" && open[0].owner == "olga")

        let (reassessed, id2) = Self.replay { id, factory in [
            factory.make(.followUpResolved(caseID: id, ref: .reassessment(after: Self.day("2026-03-01")), resolution: .done(note: ""))),
            factory.make(.needsAssessed(caseID: id, assessment: NeedsAssessment(date: Self.day("2026-03-20"), needs: []))),
        ] }
        #expect(reassessed[id2]!.openFollowUps(settings: .standard).contains {
            $0.ref == .reassessment(after: Self.day("2026-03-20")) && $0.due == Self.day("2026-04-19")
        })
    }

    @Test func aClosedCaseHasNoOpenFollowUps() {
        let (store, caseID) = Self.replay { id, factory in [
            factory.make(.followUpAdded(caseID: id, followUp: FollowUpEntry(id: FollowUpID(high: 1, low: 1), title: "x",
                                                                             due: Self.day("2026-03-10"), owner: "olga"))),
            factory.make(.statusChanged(caseID: id, status: .closed, reason: "done")),
        ] }
        #expect(store[caseID]!.openFollowUps(settings: .standard).isEmpty)
        #expect(store[caseID]!.manualFollowUps.count == 1)  // kept, not lost
    }

    @Test func theAgendaGroupsOverdueTodayAndTheNextDaysForOneOwnerOrAll() {
        let (store, _) = Self.replay { id, factory in [
            factory.make(.followUpAdded(caseID: id, followUp: FollowUpEntry(id: FollowUpID(high: 1, low: 1), title: "a",
                                                                             due: Self.day("2026-03-09"), owner: "olga"))),
            factory.make(.followUpAdded(caseID: id, followUp: FollowUpEntry(id: FollowUpID(high: 1, low: 2), title: "b",
                                                                             due: Self.day("2026-03-10"), owner: "olga"))),
            factory.make(.followUpAdded(caseID: id, followUp: FollowUpEntry(id: FollowUpID(high: 1, low: 3), title: "c",
                                                                             due: Self.day("2026-03-17"), owner: "madina"))),
            factory.make(.followUpAdded(caseID: id, followUp: FollowUpEntry(id: FollowUpID(high: 1, low: 4), title: "d",
                                                                             due: Self.day("2026-03-18"), owner: "olga"))),
        ] }
        let agenda = Agenda(cases: store.records, settings: .standard, today: Self.day("2026-03-10"))
        #expect(agenda.overdue.map(\.detail) == ["a"])
        #expect(agenda.dueToday.map(\.detail) == ["b"])
        #expect(agenda.upcoming.map(\.detail) == ["c"])  // d is 8 days away; the reassessment and reflection end on 31.03
        #expect(agenda.overdue.allSatisfy { $0.isOverdue(on: agenda.today) })
        let olgas = Agenda(cases: store.records, settings: .standard, today: Self.day("2026-03-10"), days: 8, owner: "olga")
        #expect(olgas.items.map(\.detail) == ["a", "b", "d"])
        let later = Agenda(cases: store.records, settings: .standard, today: Self.day("2026-04-01"), days: 0, owner: "aigul")
        // Intake 01.03 + 30 days: the reassessment and the reflection period's end are both due 31.03.
        #expect(later.overdue.map(\.kind) == [.reassessment, .reflectionPeriodEnd])
    }

    @Test func followUpReferencesReadBackAsWritten() {
        let refs: [FollowUpRef] = [.manual(FollowUpID(high: 1, low: 2)), .planAction(ActionID(high: 3, low: 4)),
                                   .referral(EventID(high: .max, low: 0)), .reassessment(after: Self.day("2026-02-28")),
                                   .reflectionPeriodEnd]
        for ref in refs { #expect(FollowUpRef(rawValue: ref.rawValue) == ref) }
        for bad in ["", "manual:", "manual:xyz", "reassessment:31.02.2026", "action", "other:1"] {
            #expect(FollowUpRef(rawValue: bad) == nil)
        }
    }

    @Test func everyCaseworkCodeHasARussianEnglishAndKazakhLabel() {
        for list in CaseworkCodeLists.all {
            for code in list.codes {
                #expect(!code.label.en.isEmpty && !code.label.ru.isEmpty && !code.label.kk.isEmpty && code.label.kk != code.label.key, "\(list.id).\(code.code)")
            }
        }
    }

    @Test func theIdentifiableJSONExportHasThePlanUnderHTCDSNamesAndTheAnonymisedOneOnlyCountsAndLevels() throws {
        let objective = ObjectiveID(high: 1, low: 1)
        let (store, _) = Self.replay { id, factory in [
            factory.make(.objectiveSet(caseID: id, objective: PlanObjective(
                id: objective, area: "documents", text: "Паспорт для Каримовой", agreedWithPerson: true,
                plannedEnd: Self.day("2026-05-01")))),
            factory.make(.actionSet(caseID: id, action: PlanAction(id: ActionID(high: 2, low: 2), objective: objective,
                                                                   what: "Консульство", responsible: "olga",
                                                                   plannedDate: Self.day("2026-03-20")))),
            factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-03-02", .high, danger: true))),
        ] }
        let exporter = CaseExporter(pseudonymSecret: Array("secret".utf8))
        let identifiable = try #require(try JSONSerialization.jsonObject(
            with: Data(exporter.json(store.records, variant: .identifiable).utf8)) as? [[String: Any]])
        let objectives = try #require(identifiable[0]["spl_Objectives"] as? [[String: Any]])
        #expect(objectives[0]["text"] as? String == "Паспорт для Каримовой")
        #expect(objectives[0]["spl_PlannedEndDate"] as? String == "2026-05-01")
        #expect(objectives[0]["spl_ActualEndDate"] is NSNull)
        #expect((objectives[0]["spl_ActionPlan"] as? [[String: Any]])?.first?["plannedDate"] as? String == "2026-03-20")
        let risks = try #require(identifiable[0]["riskAssessments"] as? [[String: Any]])
        #expect(risks[0]["individualRisk"] as? String == "high" && risks[0]["immediateDanger"] as? Bool == true)
        #expect(risks[0]["individualRiskReasons"] as? [String] == ["threats"])

        let anonymised = exporter.json(store.records, variant: .anonymised)
        #expect(!anonymised.contains("Паспорт") && !anonymised.contains("Консульство") && !anonymised.contains("2026-03"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(anonymised.utf8)) as? [[String: Any]])
        #expect(summary[0]["planObjectivesOpen"] as? Int == 1 && summary[0]["planAreas"] as? [String] == ["documents"])
        #expect(summary[0]["latestIndividualRisk"] as? String == "high" && summary[0]["latestImmediateDanger"] as? Bool == true)
        #expect(exporter.json(store.records, variant: .ctdc).contains("spl_") == false)
    }

    @Test func theCaseworkReportCountsOpenObjectivesAssessmentsOnTimeAndOverdueFollowUpsUnderTheSmallCellRule() {
        // Six cases: five with an open documents objective, one with a health objective; each
        // assessed 20 days after intake (on time) and then 50 days later (late).
        var factory = Fixtures.factory()
        var events: [Event] = []
        for index in 0..<6 {
            let id: CaseID = factory.nextID()
            events += factory.openCase(values: Fixtures.person(family: "Case\(index)", intake: "2026-01-01"),
                                       openedOn: Self.day("2026-01-01"), caseID: id)
            events.append(factory.make(.objectiveSet(caseID: id, objective: PlanObjective(
                id: factory.nextID(), area: index < 5 ? "documents" : "health", text: "x", agreedWithPerson: true))))
            events.append(factory.make(.riskAssessed(caseID: id, assessment: Self.risk("2026-01-21", .low))))
            events.append(factory.make(.needsAssessed(caseID: id, assessment: NeedsAssessment(date: Self.day("2026-03-12"), needs: []))))
        }
        let store = CaseStore.replay(events)
        let report = CaseworkReport(cases: store.records, settings: .standard, today: Self.day("2026-04-20"))
        #expect(report.openObjectivesByArea == [StatisticsCell(code: "documents", count: 5), StatisticsCell(code: "other", count: nil)])
        #expect(report.assessments == 12 && report.assessmentsOnTime == 6)
        // Each case: reassessment due 11.04 and the reflection period's end (31.01) overdue, all aigul's.
        #expect(report.overdueByCaseworker == [StatisticsCell(code: "aigul", count: 12)])
        let open = CaseworkReport(cases: store.records, settings: .standard, today: Self.day("2026-04-20"),
                                  query: StatisticsQuery(minCell: 1))
        #expect(open.openObjectivesByArea == [StatisticsCell(code: "documents", count: 5), StatisticsCell(code: "health", count: 1)])
    }
}
