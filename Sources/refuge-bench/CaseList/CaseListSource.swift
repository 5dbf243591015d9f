import CaseModel
import ScreenKit

/// The rows of a case list over a replayed `CaseStore`, optionally narrowed to search results.
/// Rows are made only for the lines on screen, as the app's list will.
final class CaseListSource: TableDataSource {
    private(set) var store: CaseStore
    /// The cases a search left, in opening order; nil shows every case.
    private(set) var filter: [CaseID]?

    static let columns = [
        TableColumn("Number", width: .fixed(10)), TableColumn("Name"), TableColumn("Status", width: .fixed(9)),
        TableColumn("Intake", width: .fixed(10)), TableColumn("From", width: .fixed(4)),
    ]

    init(store: CaseStore) { self.store = store }

    var rowCount: Int { filter?.count ?? store.caseCount }

    func record(atRow row: Int) -> CaseRecord? {
        if let filter { return store[filter[row]] }
        return store.records[row]
    }

    func cells(forRow row: Int) -> [String] {
        guard let record = record(atRow: row) else { return [] }
        return [record.number.description, record.displayName, record.status.rawValue,
                record.intakeDate.description, record[.citizenship]?.code ?? ""]
    }

    /// Narrows the list to a search result (or, with nil, shows every case again).
    func show(_ ids: [CaseID]?) { filter = ids }
}
