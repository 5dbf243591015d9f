import CaseModel
import ScreenKit
import Terminal

/// Home: every case in a table with counts, a status filter, sorting, incremental search across
/// scripts and a name mask for work in public view.
final class CaseListScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    let source: CaseListSource
    let table: TableView
    let searchField: TextField
    private let countsLine = PartsLine(role: .header, separator: " · ", oneLine: true)
    private let filterLabel = Label("", role: .muted)

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        source = CaseListSource(strings: s, today: { session.today })
        table = TableView(columns: source.columns(), dataSource: source, strings: s.screenKit)
        table.sortKey = .function(4)
        // 19 still holds most people's two names ("Давлатова Гулрухсор") and, at 80 columns in
        // Russian, leaves the caseworker's column beside the whole heading "Страна".
        table.mainColumnMinimum = 19
        table.helpText = s.caseListHelp
        searchField = TextField(helpText: s.searchHelp)
        searchField.isHidden = true
        let searchRow = Stack(.horizontal, spacing: 1, [(.flex(1), filterLabel), (.flex(1), searchField)])
        super.init(title: s.caseListTitle, root: Stack(.vertical, [
            (.fixed(1), countsLine), (.fixed(1), searchRow), (.flex(1), table),
        ]))
        table.onActivate = { [unowned self] row in openCase(at: row) }
        searchField.onChange = { [unowned self] in searchChanged() }
    }

    override func didAppear() {
        source.masksNames = session.masksNames
        if let store = session.book?.store { source.load(store) }
        updateLabels()
        table.reload()
        title = session.strings.caseListTitle + (session.userName.map { " · \($0)" } ?? "")
    }

    enum Command: CaseIterable {
        case agenda, filter, newIntake, mask, search, users, partners, reports, recentChanges, openFound, endSearch
    }

    /// The case list's keys, in one table (read by routing, the bar, the help and the tests).
    var commandTable: CommandTable<Command> {
        let s = session.strings
        let searching = !searchField.isHidden
        var rows: [CommandTable<Command>.Row] = [
            // Not in the bar, which is full at 60 columns: the help (F1) names it, and sign-in opens the agenda.
            .init(.agenda, .function(2), .character("a"), label: s.agenda, showInBar: false),
            .init(.filter, .function(3), .character("f"), label: s.filter),
            .init(.newIntake, .function(5), .insert, .character("n"), label: s.newIntake),
            .init(.mask, .function(6), .character("m"), label: session.masksNames ? s.unmask : s.mask),
            .init(.search, .function(7), .character("/"), .character("."), label: s.search),
            // While searching, the bar makes room for Esc (the bar drops other keys before F-keys):
            // these lead away from the list, and F1 still names them.
            .init(.users, .function(8), .character("u"), label: s.users, showInBar: !searching),
            .init(.partners, .function(11), .character("p"), label: s.partners, showInBar: !searching),
            .init(.reports, .function(9), .character("o"), label: s.reports, showInBar: !searching),
        ]
        if session.book?.isCoordinator == true {
            rows.append(.init(.recentChanges, .character("h"), label: s.recentChangesKey, showInBar: false))
        }
        if focused === searchField {
            rows.append(.init(.openFound, .enter, label: s.open, showInBar: false))
        }
        if searching {
            rows.append(.init(.endSearch, .escape, label: s.closeSearch))
        }
        return CommandTable(rows)
    }

    func perform(_ command: Command) {
        switch command {
        case .agenda: session.app.push(AgendaScreen(session: session))
        case .filter: cycleFilter()
        case .newIntake: newIntake()
        case .mask: toggleMask()
        case .search: startSearch()
        case .users: openUsers()
        case .partners: session.app.push(PartnersScreen(session: session))
        case .reports: session.app.push(ReportsScreen(session: session))
        case .recentChanges: session.app.push(RecentChangesScreen(session: session))
        case .openFound: focus(table)
        case .endSearch: endSearch()
        }
    }

    override var bindings: [Binding] { commandBindings }

    // MARK: Actions

    func openCase(at row: Int) {
        guard let summary = source.summary(at: row) else { return }
        CaseFileScreen.open(summary.id, session: session)
    }

    func newIntake() {
        guard session.perform({ _ = try session.writableBook() }) else { return }
        CaseFormController.newIntake(session: session)
    }

    func cycleFilter() {
        source.filter = source.filter.next
        refresh()
    }

    func toggleMask() {
        session.masksNames.toggle()
        source.masksNames = session.masksNames
        session.app.setNeedsRedraw()
    }

    func startSearch() {
        searchField.isHidden = false
        focus(searchField)
    }

    func endSearch() {
        searchField.text = ""
        searchChanged()
        searchField.isHidden = true
        focus(table)
    }

    private func openUsers() {
        guard let book = session.book else { return }
        if book.isCoordinator {
            session.app.push(UsersScreen(session: session))
        } else {
            UserForms.changeOwnPassphrase(session: session)
        }
    }

    /// The list follows the query once per burst of typed letters, not once per letter.
    private func searchChanged() {
        session.app.afterTyping(for: self) { [weak self] in
            guard let self else { return }
            source.query = searchField.text
            refresh()
        }
    }

    private func refresh() {
        if let store = session.book?.store { source.refresh(store) }
        table.select(0)
        updateLabels()
    }

    private func updateLabels() {
        let s = session.strings
        let counts = source.counts()
        let overdue = source.overdueCount()
        // Overdue first: on a narrow terminal the parts that do not fit are left out from the end.
        countsLine.parts = (overdue == 0 ? [] : [s.overdueInHeader(overdue).uppercased()])
            + s.counts(active: counts.active, followUp: counts.followUp, closed: counts.closed, shown: source.rowCount)
        let filterName = switch source.filter {
        case .all: s.filterAll
        case .active: CaseStatus.active.label.text(in: s.language)
        case .followUp: CaseStatus.followUp.label.text(in: s.language)
        case .closed: s.filterClosed
        }
        filterLabel.text = s.filterLine(filterName) + (source.rowCount == 0 && source.query.isEmpty && source.filter == .all ? "  " + s.noCases : "")
    }
}

extension CaseListScreen: ShowsCaseFile {
    func caseFileChanged() { didAppear() }
}
