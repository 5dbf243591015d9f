import CaseModel
import ScreenKit
import Terminal

/// The caseworker's agenda, the first screen after sign-in: follow-ups overdue, due today and due
/// in the next 7 days, the group named beside its first line and, when scrolled, beside the top
/// line (every line is a follow-up, so the selection never rests on a heading). Enter opens the
/// case at the part the follow-up is about; d marks it done, m moves it, x drops it (both with a
/// reason); Esc goes to the case list, from which a (F2) comes back. A caseworker sees their own follow-ups, a
/// coordinator everyone's.
final class AgendaScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    private let rows: AgendaRows
    let table: TableView
    private let summary = Label("", role: .header)

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        let groups = [s.agendaOverdue, s.agendaToday, s.agendaNextDays(7)]
        let groupWidth = groups.map { DisplayWidth.of($0) }.max() ?? 10
        rows = AgendaRows(store: { [unowned session] in session.book?.store })
        table = TableView(columns: [TableColumn("", width: .fixed(groupWidth)), TableColumn(s.columnDue, width: .fixed(10)), TableColumn(s.columnNumber, width: .fixed(9)),
                                    TableColumn(s.columnCaseworker, width: .fixed(10)), TableColumn(s.columnWhat)],
                          dataSource: rows, strings: s.screenKit)
        table.sortKey = nil
        table.helpText = s.agendaHelp
        super.init(title: s.agendaTitle, root: Stack(.vertical, [(.fixed(1), summary), (.flex(1), table)]))
        table.onActivate = { [unowned self] row in openCase(at: row) }
    }

    /// Whose follow-ups are shown: a coordinator's agenda is the whole shelter's.
    private static func owner(in session: RefugeSession) -> String? {
        session.book?.isCoordinator == true ? nil : session.userName
    }

    /// Whether the agenda has anything to show, known from the cases' summaries: sign-in asks it
    /// before the first screen is drawn, when no case should be decoded.
    static func hasSomethingDue(in session: RefugeSession) -> Bool {
        guard let store = session.book?.store else { return false }
        return Agenda.hasItems(in: store, today: session.today, owner: owner(in: session))
    }

    /// The agenda's lines from the summaries: only the rows drawn read their cases.
    var outline: AgendaOutline? {
        guard let store = session.book?.store else { return nil }
        return AgendaOutline(store: store, today: session.today, owner: Self.owner(in: session))
    }

    override func didAppear() { refresh() }

    func refresh() {
        guard let outline else { return }
        let s = session.strings
        let text = CaseText(strings: s, masksNames: session.masksNames)
        let (overdue, today) = (outline.overdueCount, outline.dueTodayCount)
        rows.show(outline) { [unowned self] row, line, followUp, store in
            let (first, heading) = row < overdue ? (0, s.agendaOverdue)
                : row < overdue + today ? (overdue, s.agendaToday) : (overdue + today, s.agendaNextDays(7))
            // Scrolled, the top line names its group too: the rows under it are never without one.
            let named = row == first || row == table.topRow
            let name = store.position(of: followUp?.caseID ?? line.caseID).map { text.name(store.summaries[$0].displayName) } ?? ""
            let what = followUp.map { name.isEmpty ? text.followUp($0) : s.agendaWhat(person: name, followUp: text.followUp($0)) } ?? name
            return [named ? heading : "", line.due.dotted, line.caseNumber.description, followUp?.owner ?? "", what]
        }
        summary.text = outline.lines.isEmpty ? s.agendaEmpty
            : s.agendaSummary(overdue: overdue, today: today, upcoming: outline.upcomingCount)
        table.select(min(table.selectedRow, max(0, outline.lines.count - 1)))
        title = s.agendaTitle + (session.userName.map { " · \($0)" } ?? "")
    }

    enum Command: CaseIterable { case markDone, move, drop, caseList }

    /// Done, move and drop only while there is a follow-up to act on: the bar names what works.
    var commandTable: CommandTable<Command> {
        let s = session.strings
        let onLines: [CommandTable<Command>.Row] = rows.rowCount == 0 ? [] : [
            .init(.markDone, .function(5), .character("d"), label: s.markDone),
            .init(.move, .function(6), .character("m"), label: s.moveFollowUp),
            .init(.drop, .function(8), .character("x"), label: s.dropFollowUp),
        ]
        return CommandTable(onLines + [.init(.caseList, .escape, label: s.caseListTitle)])
    }

    func perform(_ command: Command) {
        switch command {
        case .markDone: markDone()
        case .move: move()
        case .drop: drop()
        case .caseList: showCaseList()
        }
    }

    override var bindings: [Binding] { commandBindings }

    private var selected: FollowUp? { rows.followUp(at: table.selectedRow) }

    /// The case list is under the agenda after sign-in; from elsewhere the agenda was pushed on it.
    private func showCaseList() {
        session.app.dismiss(self)
        if !(session.app.topScreen is CaseListScreen) { session.app.replace(with: CaseListScreen(session: session)) }
    }

    func openCase(at row: Int) {
        guard let item = rows.followUp(at: row) else { return }
        CaseFileScreen.open(item.caseID, session: session, at: .part(for: item.kind))
    }

    func markDone() {
        guard let item = selected else { return }
        resolve(item, .done(note: ""), message: session.strings.followUpMarkedDone(item.caseNumber.description))
    }

    func move() {
        guard let item = selected else { return }
        let s = session.strings
        session.app.push(PromptDialog(title: s.moveFollowUp, label: s.moveToDate) { [unowned self] answer in
            guard let answer, !answer.isEmpty else { return }
            guard case .success(let day) = DateParser.parse(answer) else { return session.app.showError(s.notADate(answer)) }
            askReason(s.moveFollowUp) { [unowned self] reason in
                resolve(item, .moved(to: day, reason: reason), message: s.followUpMoved(item.caseNumber.description, day.dotted))
            }
        })
    }

    func drop() {
        guard let item = selected else { return }
        let s = session.strings
        askReason(s.dropFollowUp) { [unowned self] reason in
            resolve(item, .dropped(reason: reason), message: s.followUpDropped(item.caseNumber.description))
        }
    }

    /// A reason is required: a moved or dropped follow-up must say why.
    private func askReason(_ title: String, then: @escaping (String) -> Void) {
        let s = session.strings
        session.app.push(PromptDialog(title: title, label: s.reasonRequired) { [unowned self] answer in
            let reason = answer?.trimmingCharacters(in: .whitespaces) ?? ""
            guard answer != nil else { return }
            guard !reason.isEmpty else { return session.app.showError(s.reasonMissing) }
            then(reason)
        })
    }

    private func resolve(_ item: FollowUp, _ resolution: FollowUpResolution, message: String) {
        if session.perform({
            try session.writableBook().record([.followUpResolved(caseID: item.caseID, ref: item.ref, resolution: resolution)])
        }) {
            session.app.showInfo(message)
            refresh()
        }
    }
}

extension AgendaScreen: ShowsCaseFile {
    func caseFileChanged() { refresh() }
}

/// The agenda's lines as table rows. A row's follow-up is read from its case the first time the
/// row is drawn or acted on, together with the others of its day and case. The store is asked for
/// each time, not kept: a copy kept here would make the book's next change copy every case.
private final class AgendaRows: TableDataSource {
    typealias Cells = (_ row: Int, AgendaOutline.Line, FollowUp?, CaseStore) -> [String]
    private let store: () -> CaseStore?
    private var outline: AgendaOutline?
    private var cellsOf: Cells = { _, _, _, _ in [] }
    private var read: [Int: FollowUp] = [:]

    init(store: @escaping () -> CaseStore?) { self.store = store }

    /// Shows the lines of `outline`, made from the book's store as it is now (`refresh` makes a
    /// new one whenever the cases change).
    func show(_ outline: AgendaOutline, cells: @escaping Cells) {
        self.outline = outline
        cellsOf = cells
        read = [:]
    }

    var rowCount: Int { outline?.lines.count ?? 0 }

    func cells(forRow row: Int) -> [String] {
        guard let outline, let store = store() else { return [] }
        return cellsOf(row, outline.lines[row], followUp(at: row), store)
    }

    func followUp(at row: Int) -> FollowUp? {
        if let known = read[row] { return known }
        guard let outline, outline.lines.indices.contains(row), let store = store() else { return nil }
        let group = outline.followUps(around: row, in: { store[$0] }, settings: store.caseworkSettings)
        for (index, followUp) in zip(group.lines, group.followUps) { read[index] = followUp }
        return read[row]
    }
}
