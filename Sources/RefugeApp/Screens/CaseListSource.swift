import CaseModel
import ScreenKit
import Terminal

/// Which cases the list shows.
enum StatusFilter: CaseIterable {
    case all, active, followUp, closed

    func admits(_ status: CaseStatus) -> Bool {
        switch self {
        case .all: true
        case .active: status == .active
        case .followUp: status == .followUp
        case .closed: status.isClosed
        }
    }

    var next: StatusFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The case list's rows: the cases of the open case file, filtered by status and search, sorted by
/// any column. The table asks only for the rows it shows, so 200,000 cases scroll like 20. It reads
/// only the store's summaries (`CaseStore.summaries`), never a case whole: signing in shows the list
/// without decoding any case (docs/performance.md, "The snapshot"). Public for the benchmark, which
/// times the list as sign-in shows it.
public final class CaseListSource: TableDataSource {
    private let strings: AppStrings
    private let today: () -> CalendarDate
    private var summaries: [CaseSummary] = []
    /// Indices into `summaries`, in display order.
    private var rows: [Int] = []
    private var sortOrder: (column: Int, ascending: Bool)?

    var filter: StatusFilter = .all
    var query = ""
    /// Names shown as initials only, for work where others can see the screen.
    var masksNames = false

    init(strings: AppStrings, today: @escaping () -> CalendarDate) {
        self.strings = strings
        self.today = today
    }

    /// The list in `language`, its ages and overdue follow-ups counted on `today`.
    public convenience init(language: Language, today: @escaping () -> CalendarDate) {
        self.init(strings: AppStrings(language), today: today)
    }

    /// The table's columns, from `CaseListColumn.all`.
    func columns() -> [TableColumn] {
        CaseListColumn.all.map {
            TableColumn($0.title(strings), width: $0.width(in: strings.language), alignment: $0.alignment, shedPriority: $0.shedPriority)
        }
    }

    /// Takes the cases as they are now and re-applies filter, search and sort.
    public func load(_ store: CaseStore) {
        summaries = store.summaries
        refresh(store)
    }

    /// Re-applies filter and search (the store answers the search across scripts) and the sort.
    func refresh(_ store: CaseStore) {
        let candidates: [Int]
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            candidates = Array(summaries.indices)
        } else {
            // Positions in the store are positions in `summaries` (cases are only appended); a case
            // opened since `load` is not listed yet.
            candidates = store.searchIndex.search(trimmed).filter { $0 < summaries.count }
        }
        rows = candidates.filter { filter.admits(summaries[$0].status) }
        applySort()
    }

    public var rowCount: Int { rows.count }

    /// The summary of the case on `row`; the case itself is the store's to give (`store[id]`).
    func summary(at row: Int) -> CaseSummary? { rows.indices.contains(row) ? summaries[rows[row]] : nil }

    /// Counts by status over all cases, for the header.
    public func counts() -> (active: Int, followUp: Int, closed: Int) {
        var counts = (active: 0, followUp: 0, closed: 0)
        for summary in summaries {
            switch summary.status {
            case .active: counts.active += 1
            case .followUp: counts.followUp += 1
            case .closed, .closedReferred: counts.closed += 1
            }
        }
        return counts
    }

    /// Follow-ups past their day over all cases, for the header.
    public func overdueCount() -> Int {
        let today = today()
        return summaries.reduce(0) { $0 + $1.overdueFollowUpCount(on: today) }
    }

    public func cells(forRow row: Int) -> [String] {
        guard let summary = summary(at: row) else { return [] }
        let context = cellContext
        return CaseListColumn.all.map { $0.cell(summary, context) }
    }

    public func sort(byColumn column: Int, ascending: Bool) {
        sortOrder = (column, ascending)
        applySort()
    }

    private func applySort() {
        guard let (column, ascending) = sortOrder, CaseListColumn.all.indices.contains(column) else { return }
        let context = cellContext
        let sortKey = CaseListColumn.all[column].sortKey
        let keyed = rows.map { (index: $0, key: sortKey(summaries[$0], context)) }
        rows = keyed.sorted { ascending ? $0.key < $1.key : $1.key < $0.key }.map(\.index)
    }

    private var cellContext: CaseListColumn.Context {
        CaseListColumn.Context(language: strings.language, today: today(), masksNames: masksNames)
    }

    /// "Гульнара Ахмедова" → "Г. А.": enough to tell rows apart, not enough to recognise anyone.
    static func initials(_ name: String) -> String {
        name.split(separator: " ").compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }
}

/// One column of the case list, declared once: title, width, the cell it shows and how it sorts.
struct CaseListColumn: Sendable {
    /// What a cell depends on besides its case (the organisation's follow-up rules are in the
    /// summary's due days already).
    struct Context: Sendable {
        let language: Language
        let today: CalendarDate
        /// Names shown as initials only.
        let masksNames: Bool
    }

    enum SortKey: Comparable {
        case number(Int)
        case text(String)
    }

    let title: @Sendable (AppStrings) -> String
    let width: Length
    /// The words a fixed column's cells hold in a language: the column is as wide as the widest
    /// (and its title), so a status reads whole ("Сопровождение", not "Сопровожд.") and a date
    /// takes the 10 columns of "08.03.2026" in Russian, the 11 of "28 Nov 2026" in English.
    var widest: (@Sendable (Language) -> [String])?
    var alignment: TableColumn.Alignment = .left
    /// Which columns a narrow screen drops first (see `TableColumn.shedPriority`): the kind of
    /// exploitation and the completeness before the caseworker, the marker of risk and overdue
    /// follow-ups last.
    var shedPriority = 0
    let cell: @Sendable (CaseSummary, Context) -> String
    /// A number to sort by where the shown text would sort wrongly (numbers, dates); nil sorts by
    /// the shown text.
    var sortNumber: (@Sendable (CaseSummary, Context) -> Int)?

    func width(in language: Language) -> Length {
        guard let widest else { return width }
        return .fixed(widest(language).map { DisplayWidth.of($0) }.max() ?? 0)
    }

    func sortKey(_ summary: CaseSummary, _ context: Context) -> SortKey {
        sortNumber.map { .number($0(summary, context)) } ?? .text(cell(summary, context).lowercased())
    }

    static let all: [CaseListColumn] = [
        CaseListColumn(title: { $0.columnNumber }, width: .fixed(9), cell: { summary, _ in summary.number.description },
                       sortNumber: { summary, _ in summary.number.year * 1_000_000 + summary.number.sequence }),
        CaseListColumn(title: { $0.columnName }, width: .flex(3),  // the name is what people look for
                       cell: { summary, context in
                           // "!" before the name: a caseworker flagged the case (safety risk…); "≠": two
                           // laptops edited a field apart, to be chosen in the case file.
                           (summary.isFlaggedByCaseworker ? "! " : "") + (summary.flags.contains(.conflictingEdits) ? "≠ " : "")
                               + (context.masksNames ? CaseListSource.initials(summary.displayName) : summary.displayName)
                       }),
        CaseListColumn(title: { $0.columnGender }, width: .fixed(3), cell: { summary, context in  // one letter: Ж/М, F/M
            summary.genderCode.flatMap { IntakeSchema.standard.field(.gender)!.label(of: $0, in: context.language).first.map(String.init) } ?? ""
        }),
        CaseListColumn(title: { $0.columnAge }, width: .fixed(3), alignment: .right,
                       cell: { summary, context in summary.age(on: context.today).map(String.init) ?? "" },
                       sortNumber: { summary, context in summary.age(on: context.today) ?? -1 }),
        CaseListColumn(title: { $0.columnCitizenship }, width: .fixed(5),
                       cell: { summary, _ in summary.citizenshipCodes.joined(separator: ",") }),
        CaseListColumn(title: { $0.columnExploitation }, width: .flex(1), shedPriority: 3, cell: { summary, context in
            let codes = summary.exploitationCodes
            guard let first = codes.first else { return "" }
            let label = IntakeSchema.standard.field(.exploitationTypes)!.label(of: first, in: context.language)
            return codes.count > 1 ? "\(label) +\(codes.count - 1)" : label
        }),
        CaseListColumn(title: { $0.columnStatus }, width: .fixed(0), widest: { language in CaseStatus.allCases.map(AppStrings(language).statusInList) },
                       cell: { summary, context in
            AppStrings(context.language).statusInList(summary.status)
        }),
        // "28 Nov 2026" in English, where a day number alone could be read as a month.
        CaseListColumn(title: { $0.columnIntake }, width: .fixed(0),
                       widest: CaseText.daysOfEveryWidth,
                       cell: { summary, context in Words(context.language).day(summary.intakeDate) },
                       sortNumber: { summary, _ in summary.intakeDate.dayNumber }),
        CaseListColumn(title: { $0.columnCaseworker }, width: .flex(1), shedPriority: 1,
                       cell: { summary, _ in summary.caseworker }),
        CaseListColumn(title: { $0.columnCompleteness }, width: .fixed(4), alignment: .right, shedPriority: 2,
                       cell: { summary, _ in "\(summary.completenessPercent)" }, sortNumber: { summary, _ in summary.completenessPercent }),
        // Last, so that the columns before keep their places: "!" for a high risk or immediate
        // danger, then how many follow-ups are overdue (9 at most).
        CaseListColumn(title: { $0.columnMarker }, width: .fixed(2), shedPriority: -1, cell: { summary, context in marker(summary, context) },
                       sortNumber: { summary, context in
                           (summary.flags.isDisjoint(with: [.highRisk, .immediateDanger]) ? 0 : 100)
                               + summary.overdueFollowUpCount(on: context.today)
                       }),
    ]
}

extension CaseListColumn {
    static func marker(_ summary: CaseSummary, _ context: Context) -> String {
        let alarm = summary.flags.isDisjoint(with: [.highRisk, .immediateDanger]) ? "" : "!"
        let overdue = summary.overdueFollowUpCount(on: context.today)
        return alarm + (overdue == 0 ? "" : String(min(overdue, 9)))
    }
}
