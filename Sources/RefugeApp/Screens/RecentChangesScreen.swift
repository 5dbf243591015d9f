import CaseModel
import Foundation
import ScreenKit
import Terminal

/// Coordinators: what changed across cases today or this week, newest first, by everyone or one
/// person — read back from the log for the cases changed in that time. Views are left out (they
/// are each case's access log).
final class RecentChangesScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    private let header = Label("", role: .header)
    private let body = Paragraph("", scrollable: true)
    /// Today only, or the last 7 days.
    private var todayOnly = false
    private var author: String?

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        body.helpText = s.recentChangesHelp
        // "2026-0001  08.03.2026 14:05  ": a wrapped entry continues under its own text, as in a
        // case's history.
        body.hangingIndent = "2026-0001  ".count + CaseText.historyIndent(s.language)
        super.init(title: s.recentChangesTitle, root: Stack(.vertical, spacing: 1, [(.fixed(1), header), (.flex(1), body)]))
    }

    override func didAppear() { refresh() }

    enum Command: CaseIterable { case togglePeriod, choosePerson, back }

    var commandTable: CommandTable<Command> {
        let s = session.strings
        return CommandTable([
            .init(.togglePeriod, .function(5), .character("t"), label: todayOnly ? s.recentWeek : s.recentToday),
            .init(.choosePerson, .function(6), .character("w"), label: s.historyPersonKey),
            .init(.back, .escape, label: s.back),
        ])
    }

    func perform(_ command: Command) {
        switch command {
        case .togglePeriod:
            todayOnly.toggle()
            refresh()
        case .choosePerson: choosePerson()
        case .back: session.app.dismiss(self)
        }
    }

    override var bindings: [Binding] { commandBindings }

    /// The changes in the chosen days, newest first, each with its case number.
    private func entries() -> [(caseID: CaseID, number: CaseNumber, entry: HistoryEntry)] {
        guard let book = session.book else { return [] }
        let first = session.today.adding(days: todayOnly ? 0 : -6)
        // The summaries, so that the cases not changed in these days are not decoded to be passed over.
        let changed = book.store.summaries.filter { Self.day(of: $0.lastChanged) >= first }
        var found: [(caseID: CaseID, number: CaseNumber, entry: HistoryEntry)] = []
        for record in changed {
            for entry in (try? book.history(of: record.id)) ?? []
            where entry.change.kind != .view && Self.day(of: entry.time) >= first && (author.map { $0 == entry.author } ?? true) {
                found.append((record.id, record.number, entry))
            }
        }
        return found.sorted { $0.entry.time > $1.entry.time }
    }

    private static func day(of time: HLCTimestamp) -> CalendarDate { CalendarDate(time.date) }

    func refresh() {
        guard let book = session.book else { return }
        let s = session.strings
        var text = CaseText(strings: s, masksNames: session.masksNames) { book.store[$0]?.number.description ?? "?" }
        text.deviceNames = book.laptopNames
        let lines = entries().map { caseID, number, entry in
            text.record = book.store[caseID]
            return "\(number)  " + text.historyLine(entry)
        }
        header.text = s.recentChangesHeader(todayOnly: todayOnly, person: author ?? s.historyEveryone, count: lines.count)
        body.text = lines.isEmpty ? s.nothingYet : lines.joined(separator: "\n")
    }

    private func choosePerson() {
        guard let book = session.book else { return }
        let s = session.strings
        let options = [ChoiceOption(code: "", label: s.historyEveryone)]
            + book.store.users.keys.sorted().map { ChoiceOption(code: $0, label: $0) }
        session.app.push(ChooseDialog(title: s.historyPersonKey, options: options, selectedCode: author ?? "") { [unowned self] option in
            guard let option else { return }
            author = option.code.isEmpty ? nil : option.code
            refresh()
        })
    }
}
