import CaseModel
import Foundation
import ScreenKit
import Terminal

/// The statistics of a period (by intake date) as tables, small groups shown only as "<5" so
/// nobody can be recognised; F5 exports the period's cases anonymised, worded for people (CSV, or
/// a workbook for a `.xlsx` name); F6 brings records in from a file (coordinators).
final class ReportsScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    let fromField: DateField
    let toField: DateField
    let body = Paragraph("", scrollable: true)
    private var shownQuery: StatisticsQuery?

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        let today = { session.today }
        fromField = DateField(today: today, helpText: s.periodHelp)
        toField = DateField(today: today, helpText: s.periodHelp)
        let period = Stack(.horizontal, spacing: 1, [
            (.fixed(s.from.displayWidth), Label(s.from)), (.fixed(12), fromField),
            (.fixed(s.to.displayWidth), Label(s.to)), (.fixed(12), toField), (.flex(1), Spacer()),
        ])
        super.init(title: s.reportsTitle, root: Stack(.vertical, spacing: 1, [(.fixed(1), period), (.flex(1), body)]))
        fromField.onChange = { [unowned self] in recompute() }
        toField.onChange = { [unowned self] in recompute() }
    }

    override func didAppear() { recompute() }

    enum Command: CaseIterable { case export, importRecords, back, scrollUp, scrollDown }

    /// Importing is a coordinator's command only. A report longer than the screen scrolls with
    /// PgUp/PgDn wherever the focus is: its ↓ must not wait for a Tab nobody was told about.
    var commandTable: CommandTable<Command> {
        let s = session.strings
        var rows: [CommandTable<Command>.Row] = [.init(.export, .function(5), .character("x"), label: s.export)]
        if session.book?.isCoordinator == true {
            rows.append(.init(.importRecords, .function(6), .character("i"), label: s.importRecords))
        }
        rows.append(.init(.back, .escape, label: s.back))
        if body.isLongerThanItsArea {
            rows.append(.init(.scrollUp, .pageUp, label: s.screenKit.scrollUp))
            rows.append(.init(.scrollDown, .pageDown, label: s.screenKit.scrollDown))
        }
        return CommandTable(rows)
    }

    func perform(_ command: Command) {
        switch command {
        case .export: askExportPath()
        case .importRecords: ImportScreen.choose(session: session)
        case .back: session.app.dismiss(self)
        case .scrollUp: body.scroll(.pageUp)
        case .scrollDown: body.scroll(.pageDown)
        }
    }

    override var bindings: [Binding] { commandBindings }

    var query: StatisticsQuery {
        StatisticsQuery(from: fromField.date, to: toField.date)
    }

    private func recompute() {
        guard let book = session.book, query != shownQuery else { return }
        shownQuery = query
        let tables = ReportTables(strings: session.strings)
        let casework = CaseworkReport(cases: book.store.records, settings: book.store.caseworkSettings, today: session.today,
                                      query: query)
        body.text = tables.render(StatisticsBuilder.report(for: book.store.records, query: query), casework)
    }

    private func askExportPath() {
        let s = session.strings
        let name = "refuge-export-\(session.today.iso).csv"
        let path = session.settings.homeDirectory.appendingPathComponent(name).path
        session.app.push(PromptDialog(title: s.exportTitle, label: s.exportPath, text: path) { [unowned self] answer in
            guard let answer, !answer.isEmpty else { return }
            confirmOverwrite(of: (answer as NSString).expandingTildeInPath)
        })
    }

    /// An existing file is replaced only when the user says so.
    private func confirmOverwrite(of path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return export(to: path) }
        let s = session.strings
        session.app.push(ConfirmDialog(title: s.exportTitle, message: s.replaceFile(path)) { [unowned self] yes in
            if yes { export(to: path) }
        })
    }

    private func export(to path: String) {
        guard let book = session.book else { return }
        let query = query
        let cases = book.store.records.filter { query.includes($0.intakeDate) }
        session.perform {
            // For people: headers and answers in the interface language.
            let bytes = try book.export(.anonymised, format: ExportFormat.tableFormat(forFileNamed: path),
                                        wording: .labels(session.strings.language), cases: cases)
            do {
                try OutputFile.write(bytes, to: path)
            } catch {
                throw UserMessage(session.strings.cannotWriteFile(path))
            }
            session.app.showInfo(session.strings.exported(cases.count, path))
        }
    }
}

/// The statistics report as aligned text tables in the interface language.
struct ReportTables {
    let strings: AppStrings

    /// One line of the report: a heading or a sentence, or a name with its count and a note.
    enum Line {
        case text(String)
        case row(name: String, count: String, note: String = "")
    }

    /// The statistics, then the case-work tables, the names in one column as wide as the longest
    /// (at least 34, at most 50 columns), so that no category is cut at 80 columns ("Подневольное
    /// состояние (в т. ч. домашнее)") and the counts of both stand in one column.
    func render(_ report: StatisticsReport, _ casework: CaseworkReport) -> String {
        let lines = lines(of: report) + [.text("")] + lines(of: casework)
        let longest = lines.map { if case .row(let name, _, _) = $0 { name.displayWidth + 1 } else { 0 } }.max() ?? 0
        let nameWidth = min(50, max(34, longest))
        return lines.map { line in
            switch line {
            case .text(let text): text
            case .row(let name, let count, let note): row(name, count, note, nameWidth: nameWidth)
            }
        }.joined(separator: "\n")
    }

    private func lines(of report: StatisticsReport) -> [Line] {
        let s = strings
        var lines: [Line] = [.text(s.suppressionNote(report.minCell)), .text(""), .row(name: s.totalPeople, count: s.w.number(report.total))]
        lines.append(.row(name: s.minorsAtExploitation, count: count(report.minorsAtExploitation, report)))
        if report.excludedWithoutConsent > 0 { lines.append(.text(s.excludedWithoutConsent(report.excludedWithoutConsent))) }
        lines += [.text(""), .text(s.byGender.uppercased())]
        for cell in report.byGender {
            let ages = cell.ageMin.flatMap { min in cell.ageMax.map { "\(min)–\($0)" } } ?? ""
            let name = StatisticsReport.categoryLabel(cell.code, of: .gender, in: s.language)
            lines.append(.row(name: "  " + name, count: count(cell.count, report), note: ages))
        }
        for breakdown in report.breakdowns where !breakdown.cells.isEmpty {
            lines += [.text(""), .text(title(of: breakdown.dimension).uppercased())]
            for cell in breakdown.cells {
                lines.append(.row(name: "  " + breakdown.dimension.label(of: cell.code, in: s.language), count: count(cell.count, report)))
            }
        }
        return lines
    }

    /// The case-work tables, under the same small-cell rule.
    private func lines(of report: CaseworkReport) -> [Line] {
        let s = strings
        func count(_ value: Int?) -> String { value.map(s.w.number) ?? s.suppressed(report.minCell) }
        func label(_ code: String, _ list: CodeList?) -> String {
            code == StatisticsCell.otherCode ? StatisticsReport.categoryLabel(code, of: nil, in: s.language)
                : list?.label(of: code, in: s.language) ?? code
        }
        var lines: [Line] = [.text(s.caseWorkReportTitle.uppercased()), .row(name: s.assessmentsMade, count: count(report.assessments)),
                             .row(name: "  " + s.assessmentsOnTime, count: count(report.assessmentsOnTime))]
        lines += [.text(""), .text(s.openObjectivesByArea.uppercased())]
        lines += report.openObjectivesByArea.map { .row(name: "  " + label($0.code, CaseworkCodeLists.planArea), count: count($0.count)) }
        lines += [.text(""), .text(s.overdueByCaseworker.uppercased())]
        lines += report.overdueByCaseworker.map { .row(name: "  " + label($0.code, nil), count: count($0.count)) }
        return lines
    }

    /// The same heading as the text report's (one catalog entry per breakdown).
    private func title(of dimension: StatisticsBreakdown.Dimension) -> String { dimension.title.text(in: strings.language) }

    private func count(_ value: Int?, _ report: StatisticsReport) -> String {
        value.map(strings.w.number) ?? strings.suppressed(report.minCell)
    }

    /// A name padded to `nameWidth` columns, then the count right-aligned in 6, then an optional note.
    private func row(_ name: String, _ count: String, _ note: String, nameWidth: Int) -> String {
        let cut = DisplayWidth.truncate(name, to: nameWidth)
        let padded = cut + String(repeating: " ", count: max(1, nameWidth - cut.displayWidth))
        let number = String(repeating: " ", count: max(0, 6 - count.count)) + count
        return padded + number + (note.isEmpty ? "" : "  " + note)
    }
}
