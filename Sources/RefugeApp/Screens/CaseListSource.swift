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

    init(strings: AppStrings, today: @escaping () -> CalendarDate) {
        self.strings = strings
        self.today = today
    }

    static let columnCount = 10

    func columns() -> [TableColumn] {
        let s = strings
        return [
            TableColumn(s.columnNumber, width: .fixed(9)),
            TableColumn(s.columnName, width: .flex(3)),  // the name is what people look for
            TableColumn(s.columnGender, width: .fixed(3)),
            TableColumn(s.columnAge, width: .fixed(3), alignment: .right),
            TableColumn(s.columnCitizenship, width: .fixed(5)),
            TableColumn(s.columnExploitation, width: .flex(1)),
            TableColumn(s.columnStatus, width: .fixed(10)),
            TableColumn(s.columnIntake, width: .fixed(10)),
            TableColumn(s.columnCaseworker, width: .flex(1)),
            TableColumn(s.columnCompleteness, width: .fixed(4), alignment: .right),
        ]
    }

    /// Takes the cases as they are now and re-applies filter, search and sort.
    func load(_ store: CaseStore) {
        records = store.records
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

    func cells(forRow row: Int) -> [String] {
        guard let record = record(at: row) else { return [] }
        return (0..<Self.columnCount).map { cell(column: $0, of: record) }
    }

    func sort(byColumn column: Int, ascending: Bool) {
        sortOrder = (column, ascending)
        applySort()
    }

    private func applySort() {
        guard let (column, ascending) = sortOrder else { return }
        let today = today()
        let keyed = rows.map { (index: $0, key: sortKey(column: column, of: records[$0], today: today)) }
        rows = keyed.sorted { ascending ? $0.key < $1.key : $1.key < $0.key }.map(\.index)
    }

    /// Numbers sort as numbers, dates as dates, everything else by its shown text.
    private func sortKey(column: Int, of record: CaseRecord, today: CalendarDate) -> SortKey {
        switch column {
        case 0: .number(record.number.year * 1_000_000 + record.number.sequence)
        case 3: .number(record.age(on: today) ?? -1)
        case 7: .number(record.intakeDate.dayNumber)
        case 9: .number(record.completeness.percent)
        default: .text(cell(column: column, of: record).lowercased())
        }
    }

    private enum SortKey: Comparable {
        case number(Int)
        case text(String)
    }

    private func cell(column: Int, of record: CaseRecord) -> String {
        let language = strings.language
        let schema = IntakeSchema.standard
        switch column {
        case 0: return record.number.description
        case 1: return masksNames ? Self.initials(record.displayName) : record.displayName
        case 2:  // one letter of the label: Ж/М, F/M
            return record[.gender].map { schema.field(.gender)!.label(of: $0.code ?? "", in: language) }
                .flatMap { $0.first.map(String.init) } ?? ""
        case 3: return record.age(on: today()).map(String.init) ?? ""
        case 4: return record[.citizenship]?.codeList.joined(separator: ",") ?? ""
        case 5:
            let codes = record[.exploitationTypes]?.codeList ?? []
            guard let first = codes.first else { return "" }
            let label = schema.field(.exploitationTypes)!.label(of: first, in: language)
            return codes.count > 1 ? "\(label) +\(codes.count - 1)" : label
        case 6: return record.status.label.text(in: language)
        case 7: return record.intakeDate.dotted
        case 8: return record[.assignedCaseworker]?.text ?? record.openedBy
        case 9: return "\(record.completeness.percent)"
        default: return ""
        }
    }

    /// "Гульнара Ахмедова" → "Г. А.": enough to tell rows apart, not enough to recognise anyone.
    static func initials(_ name: String) -> String {
        name.split(separator: " ").compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }
}
