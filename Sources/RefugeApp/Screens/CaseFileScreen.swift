import CaseModel
import ScreenKit
import Terminal

/// One case: a summary header and its parts — overview, history, notes, services, referrals.
/// e edits a part, a adds a note, s records a service, r a referral, c changes the status.
final class CaseFileScreen: Screen {
    private unowned let session: RefugeSession
    let caseID: CaseID
    private let summary = PartsLine(role: .header)
    private let flags = PartsLine(role: .accent)
    let tabs: TabView
    private let overview = Paragraph("", scrollable: true)
    private let history = Paragraph("", scrollable: true)
    private let notes = Paragraph("", scrollable: true)
    private let services = Paragraph("", scrollable: true)
    private let referrals = Paragraph("", scrollable: true)

    /// Opens the case and records that this user viewed it.
    static func open(_ id: CaseID, session: RefugeSession) {
        guard let book = session.book, book.store[id] != nil else { return }
        if !book.isReadOnly { session.perform { try book.record([.recordViewed(caseID: id)]) } }
        session.app.push(CaseFileScreen(session: session, caseID: id))
    }

    private init(session: RefugeSession, caseID: CaseID) {
        self.session = session
        self.caseID = caseID
        let s = session.strings
        tabs = TabView([(s.overview, overview), (s.history, history), (s.notes, notes), (s.services, services),
                        (s.referrals, referrals)], strings: s.screenKit)
        for part in [overview, history, notes, services, referrals] { part.helpText = s.caseFileHelp }
        super.init(title: s.caseTitle, root: Stack(.vertical, [(.auto, summary), (.auto, flags), (.flex(1), tabs)]))
    }

    private var record: CaseRecord? { session.book?.store[caseID] }

    override func didAppear() { refresh() }

    override var bindings: [Binding] {
        let s = session.strings
        let coordinator = session.book?.isCoordinator == true
        return [
            Binding(.function(4), .character("e"), label: s.edit) { [unowned self] in chooseSectionToEdit() },
            Binding(.function(5), .character("a"), label: s.addNote) { [unowned self] in present(CaseActionForms.note) },
            Binding(.function(6), .character("s"), label: s.addService) { [unowned self] in present(CaseActionForms.service) },
            Binding(.function(3), .character("r"), label: s.addReferral) { [unowned self] in present(CaseActionForms.referral) },
            Binding(.function(9), .character("c"), label: s.changeStatus) { [unowned self] in present(CaseActionForms.status) },
            Binding(.escape, label: s.back) { [unowned self] in session.app.dismiss(self) },
        ] + (coordinator ? [Binding(.function(11), .character("d"), label: s.markDuplicate) { [unowned self] in askForOriginal() }] : [])
    }

    func refresh() {
        guard let record, let book = session.book else { return }
        let s = session.strings
        let store = book.store
        let text = CaseText(strings: s, masksNames: session.masksNames) { store[$0]?.number.description ?? "?" }
        title = "\(s.caseTitle) \(record.number)"
        let age = record.age(on: session.today).map { record[.birthDate] == nil ? s.aboutAge($0) : String($0) } ?? "—"
        summary.parts = s.caseHeader(number: record.number.description, name: text.name(record.displayName), age: age,
                                    status: record.status.label.text(in: s.language))
        // On lines of their own, so the first (who, how old, where the case stands) fits at 60 columns;
        // narrower, both break between parts rather than cut one.
        let duplicates = store.records.filter { $0.duplicateOf == caseID }.map(\.number.description)
        flags.parts = [s.forReports("\(record.completeness.percent)%"), text.flags(record.flags),
                           record.duplicateOf.map { s.duplicateOf(text.numberOf($0)).uppercased() } ?? "",
                           duplicates.isEmpty ? "" : s.hasDuplicates(duplicates.joined(separator: ", "))]
            .filter { !$0.isEmpty }
        overview.text = book.store.schema.sections.map { section in
            let fields = section.fields.filter { $0.relevance.isSatisfied(by: record.values) }
            return ([section.title.text(in: s.language).uppercased()]
                + fields.map { "  \($0.label.text(in: s.language)): \(text.value(record[$0.key], of: $0.key))" }).joined(separator: "\n")
        }.joined(separator: "\n\n")
        // Read back from the log for this case only; a failure (a damaged frame) is shown in the tab.
        do {
            let entries = try book.history(of: caseID).reversed()
            history.text = entries.isEmpty ? s.nothingYet : text.historyLines(entries).joined(separator: "\n")
        } catch {
            history.text = s.message(for: error)
        }
        notes.text = record.notes.isEmpty ? s.nothingYet
            : record.notes.reversed().map { "\(text.time($0.time))  \($0.author)\n\($0.text)" }.joined(separator: "\n\n")
        services.text = record.services.isEmpty ? s.nothingYet
            : record.services.reversed().map { "\(text.service($0.entry))  — \($0.author)" }.joined(separator: "\n")
        referrals.text = record.referrals.isEmpty ? s.nothingYet
            : record.referrals.reversed().map { "\(text.referral($0.entry))  — \($0.author)" }.joined(separator: "\n")
    }

    private func chooseSectionToEdit() {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        let sections = session.forms.schema.sections
        let options = sections.map { ChoiceOption(code: $0.id, label: $0.title.text(in: session.strings.language)) }
        session.app.push(ChooseDialog(title: session.strings.chooseSection, options: options) { [unowned self] option in
            guard let option, let section = sections.first(where: { $0.id == option.code }) else { return }
            CaseFormController.edit(session: session, record: record, section: section)
        })
    }

    /// Coordinators: this case registers the same person as another; asks for the other's number.
    private func askForOriginal() {
        let s = session.strings
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        session.app.push(PromptDialog(title: s.markDuplicateTitle(record.number.description), label: s.originalCaseNumber) { [unowned self] answer in
            guard let answer = answer?.filter({ !$0.isWhitespace }), !answer.isEmpty else { return }
            guard let original = session.book?.store.records.first(where: { $0.number.description == answer }) else {
                return session.app.showError(s.noSuchCase(answer))
            }
            if session.perform({ try session.writableBook().markDuplicate(caseID, of: original.id) }) {
                session.app.showInfo(s.duplicateOf(answer))
                refresh()
            }
        })
    }

    private func present(_ form: (RefugeSession, CaseRecord) -> FormScreen) {
        guard let record, session.perform({ _ = try session.writableBook() }) else { return }
        session.app.push(form(session, record))
    }
}
