import CaseModel
import ScreenKit

/// The small forms of the case file — note, service, referral, status — each saved as one event
/// with the user's name. Built with the same form engine as the intake; answers are read through
/// `Keys`, so a missing one keeps the form open instead of being skipped.
enum CaseActionForms {
    private enum Keys {
        static let text = FormKey.text("text")
        static let service = FormKey.choice("kind", of: ServiceKind.self)
        static let date = FormKey.date("date")
        static let end = FormKey.date("end")
        static let note = FormKey.text("note")
        static let organisationType = FormKey.code("type")
        static let reason = FormKey.text("reason")
        static let status = FormKey.choice("status", of: StatusChoice.self)
        static let earlierCase = FormKey.text("earlierCase")
    }

    /// What the status list offers: a status, or for coordinators "duplicate of another case",
    /// which links this case to the earlier one of the same person instead of changing its status.
    private enum StatusChoice: RawRepresentable, Sendable {
        case status(CaseStatus)
        case duplicate

        init?(rawValue: String) {
            if rawValue == "duplicate" { self = .duplicate } else if let status = CaseStatus(rawValue: rawValue) { self = .status(status) } else { return nil }
        }

        var rawValue: String {
            switch self {
            case .status(let status): status.rawValue
            case .duplicate: "duplicate"
            }
        }
    }

    static func note(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        return make(session, title: "\(s.note) — \(record.number)", saved: s.noteSaved(record.number.description), fields: [
            FormField(Keys.text, s.note, .notes(rows: 8), required: true, help: s.noteHelp),
        ]) { book, form in
            try book.record([.noteAdded(caseID: record.id, text: form.answer(Keys.text))])
        }
    }

    static func service(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        let kinds = ServiceKind.allCases.map { ChoiceOption(code: $0.rawValue, label: $0.label.text(in: s.language)) }
        return make(session, title: "\(s.service) — \(record.number)", saved: s.serviceSaved(record.number.description), fields: [
            FormField(Keys.service, s.service, .choice(kinds), required: true),
            FormField(Keys.date, s.date, .date, required: true),
            FormField(Keys.end, s.endDate, .date),
            FormField(Keys.note, s.note, .notes(rows: 3)),
        ], initial: [Keys.date.name: .date(session.today)]) { book, form in
            let entry = try ServiceEntry(kind: form.answer(Keys.service), date: form.answer(Keys.date),
                                         endDate: form.optionalAnswer(Keys.end), note: form.optionalAnswer(Keys.note) ?? "")
            try book.record([.serviceRecorded(caseID: record.id, service: entry)])
        }
    }

    static func referral(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        let types = CodeLists.organisationType.codes.map { ChoiceOption(code: $0.code, label: $0.label.text(in: s.language)) }
        return make(session, title: "\(s.referral) — \(record.number)", saved: s.referralSaved(record.number.description), fields: [
            FormField(Keys.organisationType, s.organisationType, .choice(types), required: true),
            FormField(Keys.date, s.date, .date, required: true),
            FormField(Keys.reason, s.reason, .notes(rows: 3)),
        ], initial: [Keys.date.name: .date(session.today)]) { book, form in
            let referral = try ReferralEntry(organisationType: form.answer(Keys.organisationType), date: form.answer(Keys.date),
                                             reason: form.optionalAnswer(Keys.reason) ?? "")
            try book.record([.referralMade(caseID: record.id, referral: referral)])
        }
    }

    /// Status change; closing and reopening go through the same form, and so does marking the case
    /// as a duplicate of an earlier one (coordinators; the case file's F11 does the same).
    static func status(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        var choices = CaseStatus.allCases.map { ChoiceOption(code: StatusChoice.status($0).rawValue, label: $0.label.text(in: s.language)) }
        if session.book?.isCoordinator == true, record.duplicateOf == nil {
            choices.append(ChoiceOption(code: StatusChoice.duplicate.rawValue, label: s.duplicateOfAnotherCase))
        }
        let title = "\(s.changeStatus) — \(record.number)"
        let description = FormDescription(title: title, pages: [FormPage(title: title, fields: [
            FormField(Keys.status, s.status, .choice(choices), required: true),
            FormField(Keys.earlierCase, s.earlierCaseNumber, .text(maxLength: 20), required: true,
                      relevantWhen: .contains(Keys.status.name, code: StatusChoice.duplicate.rawValue),
                      help: s.earlierCaseHelp),
            FormField(Keys.reason, s.reason, .text(maxLength: 500), relevantWhen: .lacks(Keys.status.name, code: StatusChoice.duplicate.rawValue), help: s.reasonHelp),
        ])])
        let initial: FormValues = [Keys.status.name: .choice(StatusChoice.status(record.status).rawValue)]
        return session.caseFileForm(description, initial: initial) { book, form in
            switch try form.answer(Keys.status) {
            case .status(let status):
                try book.changeStatus(of: record.id, to: status, reason: form.optionalAnswer(Keys.reason) ?? "")
                session.app.showInfo(s.statusSaved(record.number.description))
                let open = book.store[record.id]?.plan.openObjectives ?? []
                if status.isClosed && !open.isEmpty { askAboutOpenObjectives(open, of: record.id, session: session) }
            case .duplicate:
                let number = try form.answer(Keys.earlierCase).filter { !$0.isWhitespace }
                guard let original = book.store.records.first(where: { $0.number.description == number }), original.id != record.id else {
                    throw UserMessage(s.noSuchCase(number))
                }
                try book.markDuplicate(record.id, of: original.id)
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

    /// A one-page `caseFileForm`.
    private static func make(_ session: RefugeSession, title: String, saved: String, fields: [FormField], initial: FormValues = [:],
                             save: @escaping (CaseBook, Form) throws -> Void) -> FormScreen {
        let description = FormDescription(title: title, pages: [FormPage(title: title, fields: fields)])
        return session.caseFileForm(description, initial: initial, confirmation: saved, save: save)
    }
}
