import CaseModel
import ScreenKit

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
/// any column. The table asks only for the rows it shows, so 200,000 cases scroll like 20.
final class CaseListSource: TableDataSource {
    private let strings: AppStrings
    private let today: () -> CalendarDate
    private var records: [CaseRecord] = []
    /// Indices into `records`, in display order.
    private var rows: [Int] = []
    private var sortOrder: (column: Int, ascending: Bool)?

    var filter: StatusFilter = .all
    var query = ""
    /// Names shown as initials only, for work where others can see the screen.
    var masksNames = false
    /// The organisation's follow-up rules, for the overdue marker.
    private var settings = CaseworkSettings.standard

    init(strings: AppStrings, today: @escaping () -> CalendarDate) {
        self.strings = strings
        self.today = today
    }

    /// The table's columns, from `CaseListColumn.all`.
    func columns() -> [TableColumn] {
        CaseListColumn.all.map { TableColumn($0.title(strings), width: $0.width, alignment: $0.alignment, shedPriority: $0.shedPriority) }
    }

    /// Takes the cases as they are now and re-applies filter, search and sort.
    func load(_ store: CaseStore) {
        records = Array(store.records)
        settings = store.caseworkSettings
        refresh(store)
    }

    /// Re-applies filter and search (the store answers the search across scripts) and the sort.
    func refresh(_ store: CaseStore) {
        let candidates: [Int]
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            candidates = Array(records.indices)
        } else {
            // Positions in the store are positions in `records` (cases are only appended); a case
            // opened since `load` is not listed yet.
            candidates = store.search(trimmed).compactMap { store.position(of: $0) }.filter { $0 < records.count }
        }
        rows = candidates.filter { filter.admits(records[$0].status) }
        applySort()
    }

    var rowCount: Int { rows.count }

    func record(at row: Int) -> CaseRecord? { rows.indices.contains(row) ? records[rows[row]] : nil }

    /// Counts by status over all cases, for the header.
    func counts() -> (active: Int, followUp: Int, closed: Int) {
        var counts = (active: 0, followUp: 0, closed: 0)
        for record in records {
            switch record.status {
            case .active: counts.active += 1
            case .followUp: counts.followUp += 1
            case .closed, .closedReferred: counts.closed += 1
            }
        }
        return counts
    }

    /// Follow-ups past their day over all cases, for the header.
    func overdueCount() -> Int {
        let today = today()
        return records.reduce(0) { $0 + $1.overdueFollowUpCount(settings: settings, on: today) }
    }

    func cells(forRow row: Int) -> [String] {
        guard let record = record(at: row) else { return [] }
        let context = cellContext
        return CaseListColumn.all.map { $0.cell(record, context) }
    }

    func sort(byColumn column: Int, ascending: Bool) {
        sortOrder = (column, ascending)
        applySort()
    }

    private func applySort() {
        guard let (column, ascending) = sortOrder, CaseListColumn.all.indices.contains(column) else { return }
        let context = cellContext
        let sortKey = CaseListColumn.all[column].sortKey
        let keyed = rows.map { (index: $0, key: sortKey(records[$0], context)) }
        rows = keyed.sorted { ascending ? $0.key < $1.key : $1.key < $0.key }.map(\.index)
    }

    private var cellContext: CaseListColumn.Context {
        CaseListColumn.Context(language: strings.language, today: today(), masksNames: masksNames, settings: settings)
    }

    /// "Гульнара Ахмедова" → "Г. А.": enough to tell rows apart, not enough to recognise anyone.
    static func initials(_ name: String) -> String {
        name.split(separator: " ").compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }
}

/// One column of the case list, declared once: title, width, the cell it shows and how it sorts.
struct CaseListColumn: Sendable {
    /// What a cell depends on besides its case.
    struct Context: Sendable {
        let language: Language
        let today: CalendarDate
        /// Names shown as initials only.
        let masksNames: Bool
        let settings: CaseworkSettings
    }

    enum SortKey: Comparable {
        case number(Int)
        case text(String)
    }

    let title: @Sendable (AppStrings) -> String
    let width: Length
    var alignment: TableColumn.Alignment = .left
    /// Which columns a narrow screen drops first (see `TableColumn.shedPriority`): the kind of
    /// exploitation and the completeness before the caseworker, the marker of risk and overdue
    /// follow-ups last.
    var shedPriority = 0
    let cell: @Sendable (CaseRecord, Context) -> String
    /// A number to sort by where the shown text would sort wrongly (numbers, dates); nil sorts by
    /// the shown text.
    var sortNumber: (@Sendable (CaseRecord, Context) -> Int)?

    func sortKey(_ record: CaseRecord, _ context: Context) -> SortKey {
        sortNumber.map { .number($0(record, context)) } ?? .text(cell(record, context).lowercased())
    }

    static let all: [CaseListColumn] = [
        CaseListColumn(title: { $0.columnNumber }, width: .fixed(9), cell: { record, _ in record.number.description },
                       sortNumber: { record, _ in record.number.year * 1_000_000 + record.number.sequence }),
        CaseListColumn(title: { $0.columnName }, width: .flex(3),  // the name is what people look for
                       cell: { record, context in
                           // "!" before the name: a caseworker flagged the case (safety risk…); "≠": two
                           // laptops edited a field apart, to be chosen in the case file.
                           (record.userFlags.isEmpty ? "" : "! ") + (record.conflictingFields.isEmpty ? "" : "≠ ")
                               + (context.masksNames ? CaseListSource.initials(record.displayName) : record.displayName)
                       }),
        CaseListColumn(title: { $0.columnGender }, width: .fixed(3), cell: { record, context in  // one letter: Ж/М, F/M
            record[.gender].map { IntakeSchema.standard.field(.gender)!.label(of: $0.code ?? "", in: context.language) }
                .flatMap { $0.first.map(String.init) } ?? ""
        }),
        CaseListColumn(title: { $0.columnAge }, width: .fixed(3), alignment: .right,
                       cell: { record, context in record.age(on: context.today).map(String.init) ?? "" },
                       sortNumber: { record, context in record.age(on: context.today) ?? -1 }),
        CaseListColumn(title: { $0.columnCitizenship }, width: .fixed(5),
                       cell: { record, _ in record[.citizenship]?.codeList.joined(separator: ",") ?? "" }),
        CaseListColumn(title: { $0.columnExploitation }, width: .flex(1), shedPriority: 3, cell: { record, context in
            let codes = record[.exploitationTypes]?.codeList ?? []
            guard let first = codes.first else { return "" }
            let label = IntakeSchema.standard.field(.exploitationTypes)!.label(of: first, in: context.language)
            return codes.count > 1 ? "\(label) +\(codes.count - 1)" : label
        }),
        CaseListColumn(title: { $0.columnStatus }, width: .fixed(10), cell: { record, context in
            AppStrings(context.language).statusInList(record.status)
        }),
        // 11 columns: "30 Nov 2026" in English, where a day number alone could be read as a month.
        CaseListColumn(title: { $0.columnIntake }, width: .fixed(11),
                       cell: { record, context in Words(context.language).day(record.intakeDate) },
                       sortNumber: { record, _ in record.intakeDate.dayNumber }),
        CaseListColumn(title: { $0.columnCaseworker }, width: .flex(1), shedPriority: 1,
                       cell: { record, _ in record[.assignedCaseworker]?.text ?? record.openedBy }),
        CaseListColumn(title: { $0.columnCompleteness }, width: .fixed(4), alignment: .right, shedPriority: 2,
                       cell: { record, _ in "\(record.completeness.percent)" }, sortNumber: { record, _ in record.completeness.percent }),
        // Last, so that the columns before keep their places: "!" for a high risk or immediate
        // danger, then how many follow-ups are overdue (9 at most).
        CaseListColumn(title: { $0.columnMarker }, width: .fixed(2), shedPriority: -1, cell: { record, context in marker(record, context) },
                       sortNumber: { record, context in
                           (record.flags.isDisjoint(with: [.highRisk, .immediateDanger]) ? 0 : 100)
                               + record.overdueFollowUpCount(settings: context.settings, on: context.today)
                       }),
    ]
}

extension CaseListColumn {
    static func marker(_ record: CaseRecord, _ context: Context) -> String {
        let alarm = record.flags.isDisjoint(with: [.highRisk, .immediateDanger]) ? "" : "!"
        let overdue = record.overdueFollowUpCount(settings: context.settings, on: context.today)
        return alarm + (overdue == 0 ? "" : String(min(overdue, 9)))
    }
}
