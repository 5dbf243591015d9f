import CaseModel
import ScreenKit

/// The small forms of the case file — note, service, referral, status — each saved as one event
/// with the user's name. Built with the same form engine as the intake.
enum CaseActionForms {
    static func note(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        return make(session, title: "\(s.note) — \(record.number)", saved: s.noteSaved(record.number.description), fields: [
            FormField("text", s.note, .notes(rows: 8), required: true, help: s.noteHelp),
        ]) { book, values in
            try book.record([.noteAdded(caseID: record.id, text: values["text"]?.rawText ?? "")])
        }
    }

    static func service(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        let kinds = ServiceKind.allCases.map { ChoiceOption(code: $0.rawValue, label: $0.label.text(in: s.language)) }
        return make(session, title: "\(s.service) — \(record.number)", saved: s.serviceSaved(record.number.description), fields: [
            FormField("kind", s.service, .choice(kinds), required: true),
            FormField("date", s.date, .date, required: true),
            FormField("end", s.endDate, .date),
            FormField("note", s.note, .notes(rows: 3)),
        ], initial: ["date": .date(session.today)]) { book, values in
            guard case .choice(let code)? = values["kind"], let kind = ServiceKind(rawValue: code),
                  let date = values["date"]?.caseDate else { return }
            let entry = ServiceEntry(kind: kind, date: date, endDate: values["end"]?.caseDate, note: values["note"]?.rawText ?? "")
            try book.record([.serviceRecorded(caseID: record.id, service: entry)])
        }
    }

    static func referral(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        let types = CodeLists.organisationType.codes.map { ChoiceOption(code: $0.code, label: $0.label.text(in: s.language)) }
        return make(session, title: "\(s.referral) — \(record.number)", saved: s.referralSaved(record.number.description), fields: [
            FormField("type", s.organisationType, .choice(types), required: true),
            FormField("date", s.date, .date, required: true),
            FormField("reason", s.reason, .notes(rows: 3)),
        ], initial: ["date": .date(session.today)]) { book, values in
            guard case .choice(let type)? = values["type"], let date = values["date"]?.caseDate else { return }
            try book.record([.referralMade(caseID: record.id, referral: ReferralEntry(organisationType: type, date: date,
                                                                              reason: values["reason"]?.rawText ?? ""))])
        }
    }

    /// Status change; closing and reopening go through the same form.
    static func status(session: RefugeSession, record: CaseRecord) -> FormScreen {
        let s = session.strings
        let statuses = CaseStatus.allCases.map { ChoiceOption(code: $0.rawValue, label: $0.label.text(in: s.language)) }
        return make(session, title: "\(s.changeStatus) — \(record.number)", saved: s.statusSaved(record.number.description), fields: [
            FormField("status", s.status, .choice(statuses), required: true),
            FormField("reason", s.reason, .text(maxLength: 500), help: s.reasonHelp),
        ], initial: ["status": .choice(record.status.rawValue)]) { book, values in
            guard case .choice(let code)? = values["status"], let status = CaseStatus(rawValue: code) else { return }
            try book.changeStatus(of: record.id, to: status, reason: values["reason"]?.rawText ?? "")
        }
    }

    /// A one-page `caseFileForm` that saves the relevant answers.
    private static func make(_ session: RefugeSession, title: String, saved: String, fields: [FormField], initial: FormValues = [:],
                             save: @escaping (CaseBook, FormValues) throws -> Void) -> FormScreen {
        let description = FormDescription(title: title, pages: [FormPage(title: title, fields: fields)])
        return session.caseFileForm(description, initial: initial, confirmation: saved) { book, form in try save(book, form.relevantValues) }
    }
}

extension FormValue {
    var caseDate: CalendarDate? { if case .date(let date) = self { date } else { nil } }
}
