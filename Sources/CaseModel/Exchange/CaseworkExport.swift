/// A case's support plan and assessments in the JSON exports (docs/data-dictionary.md, "Files").
enum CaseworkExport {
    static func members(of record: CaseRecord, variant: ExportVariant) -> [(String, String)] {
        switch variant {
        case .identifiable: identifiable(record)
        case .anonymised: summary(record)
        case .ctdc, .htcds: []
        }
    }

    /// Everything, with HTCDS 2.0 names where it has them.
    private static func identifiable(_ record: CaseRecord) -> [(String, String)] {
        let objectives = record.plan.objectives.map { objective in
            JSONText.object([
                ("id", JSONText.string(objective.id.description)),
                ("area", JSONText.string(objective.area)),
                ("text", JSONText.string(objective.text)),
                ("agreedWithPerson", objective.agreedWithPerson ? "true" : "false"),
                ("status", JSONText.string(objective.status.rawValue)),
                ("spl_PlannedEndDate", JSONText.optionalString(objective.plannedEnd?.iso)),
                ("spl_ActualEndDate", JSONText.optionalString(objective.actualEnd?.iso)),
                ("spl_ActionPlan", JSONText.array(record.plan.actions(of: objective.id).map(action))),
            ])
        }
        let risks = record.riskAssessments.map { risk in
            JSONText.object([("date", JSONText.string(risk.date.iso))]
                + rating("individual", risk.individual) + rating("household", risk.household)
                + rating("community", risk.community)
                + [("immediateDanger", risk.immediateDanger ? "true" : "false"), ("note", JSONText.string(risk.note))])
        }
        let needs = record.needsAssessments.map { needs in
            JSONText.object([("date", JSONText.string(needs.date.iso)),
                             ("needs", JSONText.object(needs.needs.map { ($0.area, JSONText.string($0.status.rawValue)) }))])
        }
        return [("spl_Objectives", JSONText.array(objectives)), ("riskAssessments", JSONText.array(risks)),
                ("needsAssessments", JSONText.array(needs))]
    }

    private static func action(_ action: PlanAction) -> String {
        JSONText.object([
            ("id", JSONText.string(action.id.description)),
            ("what", JSONText.string(action.what)),
            ("responsible", JSONText.string(action.responsible)),
            ("plannedDate", JSONText.optionalString(action.plannedDate?.iso)),
            ("doneDate", JSONText.optionalString(action.doneDate?.iso)),
            ("outcome", JSONText.string(action.outcome)),
        ])
    }

    private static func rating(_ name: String, _ rating: RiskRating) -> [(String, String)] {
        [(name + "Risk", JSONText.string(rating.level.rawValue)),
         (name + "RiskReasons", JSONText.array(rating.reasons.map(JSONText.string)))]
    }

    /// Counts and coded levels only: no texts, no dates finer than the case's intake year already gives.
    private static func summary(_ record: CaseRecord) -> [(String, String)] {
        let objectives = record.plan.objectives
        var members: [(String, String)] = [
            ("planObjectives", JSONText.number(objectives.count)),
            ("planObjectivesOpen", JSONText.number(objectives.count { $0.status.isOpen })),
            ("planObjectivesAchieved", JSONText.number(objectives.count { $0.status == .achieved })),
            ("planAreas", JSONText.array(Array(Set(objectives.map(\.area))).sorted().map(JSONText.string))),
            ("riskAssessments", JSONText.number(record.riskAssessments.count)),
        ]
        let latest = record.latestRiskAssessment
        members += [
            ("latestIndividualRisk", JSONText.optionalString(latest?.individual.level.rawValue)),
            ("latestHouseholdRisk", JSONText.optionalString(latest?.household.level.rawValue)),
            ("latestCommunityRisk", JSONText.optionalString(latest?.community.level.rawValue)),
            ("latestImmediateDanger", latest.map { $0.immediateDanger ? "true" : "false" } ?? "null"),
            ("needsAssessments", JSONText.number(record.needsAssessments.count)),
        ]
        return members
    }
}
