/// The statistics as prose, like the shelter's own report:
/// "150 people: 119 women aged 18–30, 31 men aged 20–40. 29 of them were first exploited under 18."
/// Every sentence is one catalog entry (`statistics.*`); counts take the language's plural forms.
public enum StatisticsTextRenderer {
    public static func render(_ report: StatisticsReport, in language: Language = .en) -> String {
        let w = Words(language)
        var lines: [String] = []
        let period: String
        switch (report.from.map(w.day), report.to.map(w.day)) {
        case let (from?, to?): period = w("statistics.period.between", ["from": .text(from), "to": .text(to)])
        case let (from?, nil): period = w("statistics.period.since", ["from": .text(from)])
        case let (nil, to?): period = w("statistics.period.upTo", ["to": .text(to)])
        case (nil, nil): period = w("statistics.period.allTime")
        }
        var heading = w("statistics.heading", ["period": .text(period)])
        if report.minCell > 1 { heading += " " + w("statistics.headingSuppression", count: report.minCell) }
        lines.append(heading)
        let groups = report.byGender.map { genderPhrase($0, minCell: report.minCell, words: w) }
        let people = w("statistics.people", count: report.total)
        lines.append(groups.isEmpty ? w("statistics.sentence", ["text": .text(people)])
            : w("statistics.list", ["title": .text(people), "items": .text(groups.joined(separator: ", "))]))
        if report.episodes > report.total { lines.append(w("statistics.episodes", count: report.episodes)) }
        switch report.minorsAtExploitation {
        case let minors?: lines.append(w("statistics.minors", count: minors))
        case nil: lines.append(w("statistics.minorsFewerThan", count: report.minCell))
        }
        for breakdown in report.breakdowns where !breakdown.cells.isEmpty {
            let items = breakdown.cells.map { cell in
                let count = cell.count.map(w.number) ?? w("statistics.fewerThan", ["count": .number(report.minCell)])
                // The merged small groups are no category: said as a phrase, not as a label, and
                // as the gender line says them when they are themselves too few to count.
                guard cell.code == StatisticsCell.otherCode else {
                    return w("statistics.item", ["label": .text(breakdown.dimension.label(of: cell.code, in: language)), "count": .text(count)])
                }
                return cell.count == nil ? w("statistics.group.mergedFewerThan", ["minCell": .number(report.minCell)])
                    : w("statistics.item.merged", ["count": .text(count)])
            }
            lines.append(w("statistics.list", ["title": .text(breakdown.dimension.title.text(in: language)),
                                                "items": .text(items.joined(separator: ", "))]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "119 women aged 18–30": the group's count and noun in one entry per sex, then its ages.
    private static func genderPhrase(_ cell: GenderCell, minCell: Int, words w: Words) -> String {
        if cell.code == StatisticsCell.otherCode {  // not a gender: the small groups, merged
            guard let count = cell.count else { return w("statistics.group.mergedFewerThan", ["minCell": .number(minCell)]) }
            return w("statistics.group.merged", ["amount": .text(w.number(count)), "minCell": .number(minCell)])
        }
        let sex = ["female", "male", "transgender", "unknown"].contains(cell.code) ? cell.code : "other"
        let group = if let count = cell.count {
            w("statistics.group.\(sex)", count: count)
        } else {
            w("statistics.group.\(sex).fewerThan", count: minCell)
        }
        guard let low = cell.ageMin, let high = cell.ageMax else { return group }
        let ages = low == high ? w("statistics.ages.single", count: high)
            : w("statistics.ages.range", count: high, ["low": .number(low)])
        return w("statistics.aged", ["group": .text(group), "ages": .text(ages)])
    }
}

extension StatisticsBreakdown.Dimension {
    /// The heading of this breakdown, the same on the reports screen and in every report.
    public var title: LocalizedText { LocalizedText("statistics.\(rawValue)") }
}
