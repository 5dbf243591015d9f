import CaseModel
import ScreenKit
import Terminal

/// Offered before a first save: earlier cases that may be the same person. Enter opens the
/// selected one instead; F2 saves the new case anyway; Esc goes back to the form.
final class DuplicatesDialog: Dialog, CommandScreen {
    private let table: TableView
    private let rows: TableRows<CaseID>
    private let onOpen: (CaseID) -> Void
    private let onSaveAnyway: () -> Void
    private let strings: AppStrings

    init(session: RefugeSession, candidates: [DuplicateCandidate], onOpen: @escaping (CaseID) -> Void, onSaveAnyway: @escaping () -> Void) {
        strings = session.strings
        rows = TableRows(candidates.compactMap { candidate in
            session.book?.store[candidate.caseID].map { record in
                (candidate.caseID, [record.number.description, record.displayName, record.birthYear.map(String.init) ?? "—"])
            }
        })
        table = TableView(columns: [TableColumn(strings.columnNumber, width: .fixed(10)), TableColumn(strings.columnName),
                                    TableColumn("", width: .fixed(5))],
                          dataSource: rows, strings: strings.screenKit)
        table.sortKey = nil
        self.onOpen = onOpen
        self.onSaveAnyway = onSaveAnyway
        let message = Paragraph(strings.duplicatesFound)
        super.init(title: strings.duplicatesTitle,
                   root: Stack(.vertical, [(.auto, message), (.flex(1), table)]),
                   preferredSize: Size(width: 64, height: min(candidates.count, 8) + 6))
        table.onActivate = { [unowned self] row in
            close()
            onOpen(rows.items[row].key)
        }
    }

    enum Command: CaseIterable { case saveAnyway, back }

    var commandTable: CommandTable<Command> {
        CommandTable([
            .init(.saveAnyway, .function(2), .control("s"), label: strings.saveAnyway),
            .init(.back, .escape, label: strings.back),
        ])
    }

    func perform(_ command: Command) {
        switch command {
        case .saveAnyway:
            close()
            onSaveAnyway()
        case .back: close()
        }
    }

    override var bindings: [Binding] { commandBindings }
}
