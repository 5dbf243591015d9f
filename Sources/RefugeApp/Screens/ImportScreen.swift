import CaseModel
import Foundation
import ScreenKit
import Terminal

/// Coordinators bring in records they already have: the preview of a file — its format, where
/// each column goes, how many rows are ready, every problem by row and column — and F2 to import
/// every row or none. The same `ImportPreview` and `CaseBook.importCases` as `refuge import`.
final class ImportScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    private let preview: ImportPreview
    let body = Paragraph("", scrollable: true)

    init(session: RefugeSession, preview: ImportPreview) {
        self.session = session
        self.preview = preview
        super.init(title: session.strings.importTitle, root: body)
        body.text = Self.text(of: preview, session.strings)
    }

    /// Asks for the file, then shows its preview; a file that cannot be read says why.
    static func choose(session: RefugeSession) {
        let s = session.strings
        let folder = session.settings.homeDirectory.path + "/"
        session.app.push(PromptDialog(title: s.importTitle, label: s.importPath, text: folder) { answer in
            guard let answer, !answer.trimmingCharacters(in: .whitespaces).isEmpty, let book = session.book else { return }
            do throws(ImportFailure) {
                let table = try ImportPreview.open(answer)
                let importer = CaseImporter(context: book.calendar)
                session.app.push(ImportScreen(session: session, preview: ImportPreview(table: table, importer: importer)))
            } catch {
                let reason = error.errors.first.map { $0.reason(in: s.language) } ?? ""
                session.app.showError(s.cannotReadImport(reason))
            }
        })
    }

    static func text(of preview: ImportPreview, _ s: AppStrings) -> String {
        var lines = [s.importFormat(preview.table) + ".", "", s.importColumns.uppercased()]
        for (column, target) in preview.mapping {
            lines.append("  " + (column.isEmpty ? s.importNoHeader : ImportPreview.shown(column)) + " → " + s.importTarget(target))
        }
        lines.append("")
        if let failure = preview.check.failure {
            lines.append(s.importProblems(failure.count))
            lines += failure.errors.map { "  " + $0.description(in: s.language) }
            if failure.count > failure.errors.count { lines.append("  " + s.importMoreProblems(failure.count - failure.errors.count)) }
        } else {
            lines.append(s.importReady(preview.check.readyRows))
        }
        return lines.joined(separator: "\n")
    }

    enum Command: CaseIterable { case confirm, back }

    /// Confirming is offered only when the check found nothing wrong.
    var commandTable: CommandTable<Command> {
        let s = session.strings
        var rows: [CommandTable<Command>.Row] = []
        if preview.check.failure == nil { rows.append(.init(.confirm, .function(2), label: s.importConfirm)) }
        rows.append(.init(.back, .escape, label: s.back))
        return CommandTable(rows)
    }

    func perform(_ command: Command) {
        switch command {
        case .confirm: importAll()
        case .back: session.app.dismiss(self)
        }
    }

    override var bindings: [Binding] { commandBindings }

    /// All rows or none: a row that fails now (the file changed since the preview) stops the
    /// import before its commit, so nothing counts.
    private func importAll() {
        let s = session.strings
        session.perform {
            let book = try session.writableBook()
            let count: Int
            do {
                count = try book.importCases(preview.table, with: preview.importer)
            } catch is ImportFailure {
                throw UserMessage(s.importFileChanged)
            }
            try book.reload()
            session.app.dismiss(self)
            session.app.showInfo(s.imported(count))
        }
    }
}
