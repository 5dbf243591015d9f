/// The small-cell rule: a category of 1 to `minCell - 1` people is never shown. Such categories
/// are merged into `other` (with any real "other" answers); if `other` is still below `minCell`,
/// it is shown as suppressed (no count). Empty categories are not listed.
enum SmallCellSuppression {
    struct Partition {
        /// Categories shown with their own count, largest first (ties by code).
        var shown: [String]
        /// Categories merged into `other` (including a genuine `other`).
        var merged: [String]
        var otherCount: Int
        var otherSuppressed: Bool { otherCount > 0 && otherCount < minCell }
        let minCell: Int
    }

    static func partition(_ counts: [String: Int], minCell: Int) -> Partition {
        let nonEmpty = counts.filter { $0.value > 0 }
        let ordered = nonEmpty.keys.sorted { (nonEmpty[$0]!, $1) > (nonEmpty[$1]!, $0) }
        guard minCell > 1 else {
            return Partition(shown: ordered, merged: [], otherCount: 0, minCell: minCell)
        }
        var shown: [String] = []
        var merged: [String] = []
        var otherCount = 0
        for code in ordered {
            let count = nonEmpty[code]!
            if count >= minCell && code != StatisticsCell.otherCode {
                shown.append(code)
            } else {
                merged.append(code)
                otherCount += count
            }
        }
        return Partition(shown: shown, merged: merged, otherCount: otherCount, minCell: minCell)
    }

    static func cells(_ counts: [String: Int], minCell: Int) -> [StatisticsCell] {
        let partition = partition(counts, minCell: minCell)
        var cells = partition.shown.map { StatisticsCell(code: $0, count: counts[$0]) }
        if partition.otherCount > 0 {
            cells.append(StatisticsCell(code: StatisticsCell.otherCode,
                                        count: partition.otherSuppressed ? nil : partition.otherCount))
        }
        return cells
    }

    /// A single figure: shown when 0 or at least `minCell`, else suppressed (nil).
    static func figure(_ count: Int, minCell: Int) -> Int? {
        count == 0 || count >= minCell ? count : nil
    }
}
