import CaseModel
import ScreenKit
import Terminal

/// The fields of one case that laptops edited apart, each value with when, who and on which
/// laptop it was set. Enter keeps the value of the selected row, F4 types another; the choice is
/// one event, which every laptop folds alike. With no conflict left the screen closes and says so.
final class ConflictScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    let caseID: CaseID
    private let rows = TableRows<ConflictingValue>()
    private let table: TableView
    /// The field whose value a form of this screen just saved.
    private var chosen: String?

    /// One row: a value that a laptop set for a field in conflict.
    struct ConflictingValue {
        let key: FieldKey
        let value: FieldValue?
    }

    /// Opens the screen for a case with conflicting edits (nothing for one without).
    static func open(_ id: CaseID, session: RefugeSession) {
        guard let conflicts = try? session.book?.conflicts(of: id), !conflicts.isEmpty else { return }
        session.app.push(ConflictScreen(session: session, caseID: id))
    }

    private init(session: RefugeSession, caseID: CaseID) {
        self.session = session
        self.caseID = caseID
        let s = session.strings
        // The value gets what is left: 24 columns at 80, beside a field label and "30.11.2026 14:05 anna (ноутбук 3f9a2c)".
        table = TableView(columns: [TableColumn(s.conflictsColumnField, width: .fixed(16)), TableColumn(s.conflictsColumnValue),
                                    TableColumn(s.conflictsColumnWho, width: .fixed(38), shedPriority: 1)],
                          dataSource: rows, strings: s.screenKit)
        table.sortKey = nil
        table.mainColumnMinimum = 12
        super.init(title: s.conflictsTitle(session.book?.store[caseID]?.number.description ?? ""),
                   root: Stack(.vertical, [(.auto, Paragraph(s.conflictsExplanation)), (.flex(1), table)]))
        table.onActivate = { [unowned self] row in keep(rows.items[row].key) }
    }

    override func didAppear() { refresh() }

    enum Command: CaseIterable { case choose, typeValue, back }

    var commandTable: CommandTable<Command> {
        let s = session.strings
        return CommandTable([
            .init(.choose, .enter, label: s.conflictsChoose),
            .init(.typeValue, .function(4), label: s.conflictsTypeValue),
            .init(.back, .escape, label: s.back),
        ])
    }

    func perform(_ command: Command) {
        switch command {
        case .choose:
            if table.selectedRow < rows.items.count { keep(rows.items[table.selectedRow].key) }
        case .typeValue:
            if table.selectedRow < rows.items.count { typeValue(for: rows.items[table.selectedRow].key.key) }
        case .back: session.app.dismiss(self)
        }
    }

    override var bindings: [Binding] { commandBindings }

    /// The conflicts as the case file holds them now; none left closes the screen.
    private func refresh() {
        guard let book = session.book, let record = book.store[caseID] else { return session.app.dismiss(self) }
        let conflicts: [FieldConflict]
        do {
            conflicts = try book.conflicts(of: caseID)
        } catch {
            return session.show(error)
        }
        defer { chosen = nil }
        guard !conflicts.isEmpty else {
            session.app.showInfo(session.strings.noConflictsLeft(record.number.description))
            return session.app.dismiss(self)
        }
        if let chosen { session.app.showInfo(session.strings.conflictChosen(chosen)) }
        var text = CaseText(strings: session.strings, masksNames: session.masksNames)
        text.deviceNames = book.laptopNames
        rows.items = conflicts.flatMap { conflict in
            conflict.edits.enumerated().map { index, edit in
                (key: ConflictingValue(key: conflict.key, value: edit.value),
                 cells: [index == 0 ? text.label(of: conflict.key) : "",
                  edit.value.map { text.value($0, of: conflict.key) } ?? session.strings.empty,
                  "\(text.time(edit.time)) \(edit.author) (\(text.laptop(edit.device)))"])
            }
        }
        table.reload()
    }

    private func keep(_ choice: ConflictingValue) {
        let label = CaseText(strings: session.strings).label(of: choice.key)
        if session.perform({ try session.writableBook().resolveConflict(in: caseID, field: choice.key, choosing: choice.value) }) {
            chosen = label
            refresh()
        }
    }

    /// A form of the one field, its editor made from the schema as in the intake; its save is the choice.
    private func typeValue(for key: FieldKey) {
        guard let field = session.forms.schema.field(key), let record = session.book?.store[caseID],
              session.perform({ _ = try session.writableBook() }) else { return }
        let s = session.strings
        let label = field.label.text(in: s.language)
        // Shown whatever the other answers are: the question here is this field's value alone.
        let alone = Field(field.key, field.kind, label: field.label, help: field.help, codeList: field.codeList,
                          rules: field.rules, maxLength: field.maxLength, ctdcName: field.ctdcName)
        let section = Section(id: "conflict", title: field.label, fields: [alone])
        let description = session.forms.description(title: s.conflictsNewValueTitle(label), sections: [section])
        let initial = FormValueMapping.formValues(record.values.filter { $0.key == key })
        // Said by `refresh` when the form closes: that no conflict is left, or that this one was chosen.
        session.app.push(session.caseFileForm(description, initial: initial) { [unowned self] book, form in
            let answers = FormValueMapping.answers(of: form, declaredIn: [section])
            try book.resolveConflict(in: caseID, field: key, choosing: answers[key])
            chosen = label
        })
    }
}

extension ConflictScreen: ShowsCaseFile {
    func caseFileChanged() { refresh() }
}
