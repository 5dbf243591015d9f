/// Numbers for cases opened one after another before any of them is folded (an import): one past
/// the highest number each year holds, counting the numbers claimed here.
public struct CaseNumbering: Sendable {
    private let store: CaseStore
    private var lastClaimed: [Int: Int] = [:]

    public init(after store: CaseStore) { self.store = store }

    public mutating func claim(year: Int) -> CaseNumber {
        let number = lastClaimed[year].map { CaseNumber(year: year, sequence: $0 + 1) } ?? store.nextCaseNumber(year: year)
        lastClaimed[year] = number.sequence
        return number
    }
}
