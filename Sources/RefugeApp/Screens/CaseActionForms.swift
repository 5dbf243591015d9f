import CaseModel
import ScreenKit

/// The small forms of the case file — note, service, referral, status — declared as data in
/// `CaseActionSchemas` and built like the intake; each save is one event with the user's name.
enum CaseActionForms {
    static func note(session: RefugeSession, record: CaseRecord) -> FormScreen {
        session.schemaForm(CaseActionSchemas.note, title: "\(session.strings.note) — \(record.number)",
                           confirmation: session.strings.noteSaved(record.number.description)) { book, answers in
            try book.record([.noteAdded(caseID: record.id, text: CaseActionSchemas.note(from: answers))])
        }
    }

    static func service(session: RefugeSession, record: CaseRecord) -> FormScreen {
        session.schemaForm(CaseActionSchemas.service, title: "\(session.strings.service) — \(record.number)",
                           initial: [.actionDate: .date(session.today)],
                           confirmation: session.strings.serviceSaved(record.number.description)) { book, answers in
            try book.record([.serviceRecorded(caseID: record.id, service: CaseActionSchemas.service(from: answers))])
        }
    }

    static func referral(session: RefugeSession, record: CaseRecord) -> FormScreen {
        session.schemaForm(CaseActionSchemas.referral, title: "\(session.strings.referral) — \(record.number)",
                           initial: [.actionDate: .date(session.today)],
                           confirmation: session.strings.referralSaved(record.number.description)) { book, answers in
            try book.record([.referralMade(caseID: record.id, referral: CaseActionSchemas.referral(from: answers))])
        }
    }

    /// Status change; closing and reopening go through the same form, and so does marking the case
    /// as a duplicate of an earlier one (coordinators; the case file's F11 does the same).
    static func status(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        let schema = CaseActionSchemas.status(offeringDuplicate: session.book?.isCoordinator == true && record.duplicateOf == nil)
        return session.schemaForm(schema, title: "\(s.changeStatus) — \(record.number)",
                                  initial: [.newStatus: .code(record.status.rawValue)]) { book, answers in
            switch try CaseActionSchemas.statusChange(from: answers) {
            case .status(let status, let reason):
                try book.changeStatus(of: record.id, to: status, reason: reason)
                session.app.showInfo(s.statusSaved(record.number.description))
                let open = book.store[record.id]?.plan.openObjectives ?? []
                if status.isClosed && !open.isEmpty { askAboutOpenObjectives(open, of: record.id, session: session) }
            case .duplicate(let number):
                guard let original = book.store.caseID(numbered: number), original != record.id else {
                    throw UserMessage(s.noSuchCase(number))
                }
                try book.markDuplicate(record.id, of: original)
                session.app.showInfo(s.duplicateOf(number))
            }
        }
    }

    /// Closing a case with open plan objectives asks what became of them (all at once; "keep open"
    /// leaves them as they are, to be changed one by one).
    private static func askAboutOpenObjectives(_ open: [PlanObjective], of caseID: CaseID, session: RefugeSession) {
        let s = session.strings
        let outcomes = ObjectiveStatus.allCases.filter { !$0.isOpen }
        let options = outcomes.map { ChoiceOption(code: $0.rawValue, label: $0.label.text(in: s.language)) }
            + [ChoiceOption(code: "", label: s.keepObjectivesOpen)]
        session.app.push(ChooseDialog(title: s.openObjectivesOnClosing(open.count), options: options) { option in
            guard let status = option.flatMap({ ObjectiveStatus(rawValue: $0.code) }) else { return }
            let today = session.today
            session.perform {
                try session.writableBook().record(open.map { objective in
                    .objectiveSet(caseID: caseID, objective: PlanObjective(
                        id: objective.id, area: objective.area, text: objective.text, agreedWithPerson: objective.agreedWithPerson,
                        status: status, plannedEnd: objective.plannedEnd, actualEnd: objective.actualEnd ?? today))
                })
            }
        })
    }
}
