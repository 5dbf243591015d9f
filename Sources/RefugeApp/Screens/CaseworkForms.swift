import CaseModel
import ScreenKit

/// The case-work forms of the case file — plan objective, plan action, risk and needs
/// assessment, follow-up — built by `IntakeFormBuilder` from `CaseworkSchemas`, the way the
/// intake is built from its schema; each save is one event with the user's name.
enum CaseworkForms {
    /// What the case file's "Plan" key offers.
    enum Choice: String, MenuChoice {
        case addObjective, editObjective, addAction, editAction, risk, needs, followUp

        func label(_ s: AppStrings) -> String {
            switch self {
            case .addObjective: s.addObjective
            case .editObjective: s.editObjective
            case .addAction: s.addAction
            case .editAction: s.editAction
            case .risk: s.newRiskAssessment
            case .needs: s.newNeedsAssessment
            case .followUp: s.addFollowUp
            }
        }
    }

    /// Asks what to do, then opens that form.
    static func choose(session: RefugeSession, record: CaseRecord) {
        session.choose(Choice.self, title: session.strings.caseWorkTitle) { open($0, session: session, record: record) }
    }

    static func open(_ choice: Choice, session: RefugeSession, record: CaseRecord) {
        let s = session.strings
        switch choice {
        case .addObjective: session.app.push(objective(session: session, record: record, editing: nil))
        case .editObjective, .addAction:
            pickObjective(session: session, record: record) { objective in
                session.app.push(choice == .addAction ? action(session: session, record: record, objective: objective.id, editing: nil)
                                 : self.objective(session: session, record: record, editing: objective))
            }
        case .editAction:
            let actions = record.plan.actions
            guard !actions.isEmpty else { return session.app.showError(s.noObjectivesYet) }
            let options = actions.map { ChoiceOption(code: $0.id.description, label: $0.what) }
            session.app.push(ChooseDialog(title: s.chooseAction, options: options) { option in
                guard let chosen = actions.first(where: { $0.id.description == option?.code }) else { return }
                session.app.push(action(session: session, record: record, objective: chosen.objective, editing: chosen))
            })
        case .risk: session.app.push(risk(session: session, record: record))
        case .needs: session.app.push(needs(session: session, record: record))
        case .followUp: session.app.push(followUp(session: session, record: record))
        }
    }

    private static func pickObjective(session: RefugeSession, record: CaseRecord, then: @escaping (PlanObjective) -> Void) {
        let s = session.strings
        let objectives = record.plan.objectives
        guard !objectives.isEmpty else { return session.app.showError(s.noObjectivesYet) }
        let text = CaseText(strings: s)
        let options = objectives.map { ChoiceOption(code: $0.id.description, label: "\(text.area($0.area)): \($0.text)") }
        session.app.push(ChooseDialog(title: s.chooseObjective, options: options) { option in
            guard let chosen = objectives.first(where: { $0.id.description == option?.code }) else { return }
            then(chosen)
        })
    }

    static func objective(session: RefugeSession, record: CaseRecord, editing: PlanObjective?) -> FormScreen {
        let initial = editing.map(CaseworkSchemas.values(of:)) ?? [.objectiveStatus: .code(ObjectiveStatus.open.rawValue)]
        return make(session, CaseworkSchemas.objective, record: record, initial: initial,
                    saved: session.strings.planSaved(record.number.description)) { book, values in
            let id = editing?.id ?? ObjectiveID.random()
            return CaseworkSchemas.objective(id: id, from: values).map { [.objectiveSet(caseID: record.id, objective: $0)] }
        }
    }

    static func action(session: RefugeSession, record: CaseRecord, objective: ObjectiveID, editing: PlanAction?) -> FormScreen {
        let initial = editing.map(CaseworkSchemas.values(of:)) ?? [.responsible: .text(session.userName ?? "")]
        return make(session, CaseworkSchemas.action, record: record, initial: initial,
                    saved: session.strings.planSaved(record.number.description)) { _, values in
            CaseworkSchemas.action(id: editing?.id ?? ActionID.random(), objective: objective, from: values)
                .map { [.actionSet(caseID: record.id, action: $0)] }
        }
    }

    static func risk(session: RefugeSession, record: CaseRecord) -> FormScreen {
        make(session, CaseworkSchemas.risk, record: record, initial: [.assessmentDate: .date(session.today)],
             saved: session.strings.assessmentSaved(record.number.description)) { _, values in
            CaseworkSchemas.riskAssessment(from: values).map { [.riskAssessed(caseID: record.id, assessment: $0)] }
        }
    }

    static func needs(session: RefugeSession, record: CaseRecord) -> FormScreen {
        var initial: [FieldKey: FieldValue] = [.assessmentDate: .date(session.today)]
        for need in record.latestNeedsAssessment?.needs ?? [] { initial[.need(need.area)] = .code(need.status.rawValue) }
        return make(session, CaseworkSchemas.needs, record: record, initial: initial,
                    saved: session.strings.assessmentSaved(record.number.description)) { _, values in
            CaseworkSchemas.needsAssessment(from: values).map { [.needsAssessed(caseID: record.id, assessment: $0)] }
        }
    }

    static func followUp(session: RefugeSession, record: CaseRecord) -> FormScreen {
        make(session, CaseworkSchemas.followUp, record: record,
             initial: [.owner: .text(session.userName ?? record.owner), .dueDate: .date(session.today.adding(days: 7))],
             saved: session.strings.followUpSaved(record.number.description)) { _, values in
            CaseworkSchemas.followUp(id: FollowUpID.random(), from: values).map { [.followUpAdded(caseID: record.id, followUp: $0)] }
        }
    }

    /// A form of `schema`'s one section; `events` turns the cleaned answers into the events to
    /// record (nil: an answer the form engine should have refused is missing, and nothing is saved).
    private static func make(_ session: RefugeSession, _ schema: IntakeSchema, record: CaseRecord,
                             initial: [FieldKey: FieldValue], saved: String,
                             events: @escaping (CaseBook, [FieldKey: FieldValue]) -> [EventBody]?) -> FormScreen {
        let title = "\(schema.sections[0].title.text(in: session.strings.language)) — \(record.number)"
        return session.schemaForm(schema, title: title, initial: initial, confirmation: saved) { book, answers in
            guard let bodies = events(book, answers) else {
                // Shown at the field the event needed, the form staying open; only a converter
                // that wants more than its schema requires ends in the general message.
                let required = schema.sections.flatMap(\.fields).filter { $0.requiredForSave && $0.relevance.isSatisfied(by: answers) }
                if let missing = required.first(where: { answers[$0.key] == nil }) { throw MissingAnswer(key: missing.key) }
                throw CaseworkFormIncomplete()
            }
            try book.record(bodies)
        }
    }
}

/// A case-work form reached save without an answer its event needs (the form engine checks
/// required answers first, so this means a schema and its converter disagree).
struct CaseworkFormIncomplete: Error {}
