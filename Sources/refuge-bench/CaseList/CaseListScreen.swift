import CaseModel
import ScreenKit

/// A stand-in for the app's case list, built only from ScreenKit and CaseModel: a search field
/// over a table of cases; Enter opens a case, F3 an intake form, Esc goes back. The frame and
/// terminal-bytes figures measure it until the app's own screens land in main; then point
/// `TerminalBytesFigure` at `refuge` itself.
final class CaseListScreen: Screen {
    let search = TextField(placeholder: "Search names or numbers")
    let table: TableView
    let source: CaseListSource
    private var lastQuery = ""

    init(store: CaseStore) {
        source = CaseListSource(store: store)
        table = TableView(columns: CaseListSource.columns, dataSource: source)
        super.init(title: "Cases", root: Stack(.vertical, [(.fixed(1), search), (.flex(1), table)]))
        search.onChange = { [unowned self] in searchChanged() }
        table.onActivate = { [unowned self] row in openCase(atRow: row) }
        focus(table)
    }

    override var bindings: [Binding] {
        [Binding(.function(3), label: "New") { [unowned self] in openIntake() }]
    }

    /// Narrows the previous result while the query grows, and searches every case otherwise.
    private func searchChanged() {
        let query = search.editor.text
        let among = query.hasPrefix(lastQuery) && !lastQuery.isEmpty ? source.filter : nil
        source.show(query.isEmpty ? nil : source.store.searchIndex.search(query, among: among))
        lastQuery = query
        table.reload()
    }

    private func openCase(atRow row: Int) {
        guard let record = source.record(atRow: row) else { return }
        app?.push(CaseDetailScreen(record: record))
    }

    private func openIntake() {
        let form = FormDescription(title: "New case", pages: [
            FormPage(title: "Person", fields: [
                FormField("familyName", "Family name", .text(maxLength: 60), required: true),
                FormField("givenName", "Given name", .text(maxLength: 60)),
                FormField("birthDate", "Date of birth", .date),
                FormField("notes", "Notes", .notes()),
            ]),
        ])
        let screen = FormScreen(form) { _ in }
        screen.onCancel = { [unowned screen] in screen.app?.dismiss(screen) }
        app?.push(screen)
    }
}

/// One case's fields, read-only; Esc goes back to the list.
final class CaseDetailScreen: Screen {
    init(record: CaseRecord) {
        let lines = record.values.keys.map(\.rawValue).sorted().map { key in
            "\(key): \(record.values[FieldKey(rawValue: key)]?.exchangeText ?? "")"
        }
        super.init(title: "Case \(record.number) \(record.displayName)",
                   root: Paragraph(lines.joined(separator: "\n"), scrollable: true))
    }

    override var bindings: [Binding] {
        [Binding(.escape, label: "Back") { [unowned self] in app?.dismiss(self) }]
    }
}
