import CaseModel
import ScreenKit

/// Runs the intake form for a new case or one part of an existing case: keeps the draft while it
/// is typed, offers earlier cases of the same person before a first save, saves (only the changes,
/// for an edit) and opens the case file. A failed save leaves the form open with everything typed.
final class CaseFormController {
    private unowned let session: RefugeSession
    private let target: Draft.Target
    /// Weak: the screen's callbacks own the controller, so both go when the screen closes (or the
    /// session locks and drops every screen).
    private weak var screen: FormScreen?
    /// The name and birth answers as they were when earlier cases were last looked for: they are
    /// looked for again whenever these changed since (Esc from the offer, the name retyped in
    /// Latin, F2), while "save anyway" saves what was just checked.
    private var checkedIdentity: [FieldKey: FieldValue]?
    private static let identityKeys: Set<FieldKey> = [.familyName, .givenName, .patronymic, .alias, .birthDate, .ageAtIntake]
    /// An edit's answers as the form opened with them: what the user changed is saved against
    /// these, so another laptop's change arriving meanwhile is neither shown in the form nor
    /// overwritten (if the user changed the same field, it becomes a conflict to resolve).
    private let base: [FieldKey: FieldValue]?

    private init(session: RefugeSession, target: Draft.Target, base: [FieldKey: FieldValue]? = nil) {
        self.session = session
        self.target = target
        self.base = base
    }

    /// The whole intake form, empty or resumed from a draft.
    @discardableResult
    static func newIntake(session: RefugeSession, values: FormValues = [:]) -> FormScreen {
        let description = session.forms.description(title: session.strings.newIntakeTitle, sections: session.forms.schema.sections)
        return CaseFormController(session: session, target: .intake).present(description, initial: [:], values: values)
    }

    /// The whole intake form for a relative of `record` (an accompanying child…), with what a
    /// family shares already filled in, or resumed from a draft; saving opens the new case linked
    /// to `record`. The draft carries the link, so a resumed form saves the same.
    @discardableResult
    static func newRelative(session: RefugeSession, of record: CaseRecord, as relation: FamilyRelation,
                            values: FormValues? = nil) -> FormScreen {
        let s = session.strings
        let title = s.registerRelativeTitle(relation.label.text(in: s.language), of: record.number.description)
        let description = session.forms.description(title: title, sections: session.forms.schema.sections)
        let shared = FormValueMapping.formValues(FamilyRegistration.initialValues(from: record, as: relation))
        return CaseFormController(session: session, target: .relative(of: record.id, as: relation))
            .present(description, initial: [:], values: values ?? shared)
    }

    /// One part of `record`, with the record's values, or resumed from a draft of this edit.
    @discardableResult
    static func edit(session: RefugeSession, record: CaseRecord, section: Section, values: FormValues? = nil) -> FormScreen {
        let title = session.strings.editTitle(section.title.text(in: session.strings.language), record.number.description)
        let description = session.forms.description(title: title, sections: [section])
        let initial = FormValueMapping.formValues(record.values)
        return CaseFormController(session: session, target: .edit(record.id, section: section.id), base: record.values)
            .present(description, initial: initial, values: values ?? initial)
    }

    private func present(_ description: FormDescription, initial: FormValues, values: FormValues) -> FormScreen {
        let screen = FormScreen(description, values: initial, strings: session.strings.screenKit,
                                today: { [session] in session.today }) { form in try self.save(form) }
        screen.onDraft = { values in self.session.drafts.note(Draft(target: self.target, values: values)) }
        screen.onCancel = { self.finished() }
        self.screen = screen
        // Draft values go in as changes, so they count as unsaved and Esc still asks first.
        for key in Set(values.keys).union(initial.keys) where values[key] != initial[key] {
            screen.editor(key)?.value = values[key] ?? .none
        }
        session.app.push(screen)
        return screen
    }

    // MARK: Saving

    private func save(_ form: Form) throws {
        switch target {
        case .intake, .relative: try saveNewCase(form)
        case .edit(let id, _): try saveEdit(of: id, form)
        }
    }

    private func saveNewCase(_ form: Form) throws {
        let values = FormValueMapping.fieldValues(form.relevantValues)
        if let problem = session.forms.problems(in: values).first {
            throw UserMessage(problem.message(in: session.strings.language))
        }
        let book = try session.saving { try session.writableBook() }
        let identity = values.filter { Self.identityKeys.contains($0.key) }
        if checkedIdentity != identity {
            checkedIdentity = identity
            let probe = DuplicateProbe(values: values, referenceDate: session.today)
            let candidates = DuplicateFinder.candidates(for: probe, in: book.store)
            if !candidates.isEmpty {
                session.app.push(DuplicatesDialog(session: session, candidates: candidates,
                                                  onOpen: { [weak self] id in self?.openEarlierCase(id) },
                                                  onSaveAnyway: { [weak self] in self?.screen?.save() }))
                // The dialog says what to do; the top line only names it, short enough for 40 columns.
                throw UserMessage(session.strings.duplicatesTitle)
            }
        }
        let id = try session.saving {
            if case .relative(let caseID, let relation) = target { try book.registerRelative(of: caseID, as: relation, values: values) }
            else { try book.openCase(values: values) }
        }
        finished()
        CaseFileScreen.open(id, session: session)
        if let record = book.store[id] { confirm(session.strings.saved(record.number.description), form) }
    }

    private func saveEdit(of id: CaseID, _ form: Form) throws {
        let book = try session.saving { try session.writableBook() }
        guard let record = book.store[id] else { throw UserMessage(session.strings.episodeRefusal(.unknownCase)) }
        // The fields this form showed take their answers; hidden answers are kept.
        let base = self.base ?? record.values
        var values = base
        let relevant = FormValueMapping.fieldValues(form.relevantValues)
        for field in form.relevantFields(onPage: 0) { values[FieldKey(field.key)] = relevant[FieldKey(field.key)] }
        var resulting = record.values
        for key in Set(values.keys).union(base.keys) where values[key] != base[key] { resulting[key] = values[key] }
        if let problem = session.forms.problems(in: resulting).first {
            throw UserMessage(problem.message(in: session.strings.language))
        }
        let changed = try session.saving { try book.updateCase(id, from: base, to: values) }
        finished()
        confirm(changed ? session.strings.saved(record.number.description) : session.strings.nothingChanged, form)
    }

    /// The confirmation of a save; what saving cleaned (control characters from a paste) is told in a dialog.
    private func confirm(_ text: String, _ form: Form) {
        session.app.showInfo(text)
        let notices = session.forms.notices(in: form.relevantValues)
        if !notices.isEmpty { session.app.push(MessageDialog(title: text, message: notices.joined(separator: "\n"))) }
    }

    private func openEarlierCase(_ id: CaseID) {
        finished()
        CaseFileScreen.open(id, session: session)
    }

    /// Saved, or left on purpose: no draft to resume, and the form closes.
    private func finished() {
        session.drafts.discard()
        if let screen { session.app.dismiss(screen) }
    }
}
