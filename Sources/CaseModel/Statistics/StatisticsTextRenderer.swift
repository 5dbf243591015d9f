/// The statistics as prose, like the shelter's own report:
/// "150 people: 119 women aged 18–30, 31 men aged 20–40. 29 of them were first exploited under 18."
/// English or Russian (Kazakh uses Russian until translated).
public enum StatisticsTextRenderer {
    public static func render(_ report: StatisticsReport, in language: Language = .en) -> String {
        let ru = language != .en
        var lines: [String] = []
        let period: String
        switch (report.from?.dotted, report.to?.dotted) {
        case let (from?, to?): period = ru ? "за период \(from)–\(to)" : "for \(from)–\(to)"
        case let (from?, nil): period = ru ? "с \(from)" : "since \(from)"
        case let (nil, to?): period = ru ? "по \(to)" : "up to \(to)"
        case (nil, nil): period = ru ? "за всё время" : "for all time"
        }
        if ru {
            lines.append("Статистика \(period) (по дате приёма)."
                + (report.minCell > 1 ? " Группы меньше \(report.minCell) человек объединены или не показаны, чтобы никого нельзя было узнать." : ""))
        } else {
            lines.append("Statistics \(period) (by intake date)."
                + (report.minCell > 1 ? " Groups of fewer than \(report.minCell) people are merged or not shown, so that nobody can be recognised." : ""))
        }
        let groups = report.byGender.map { genderPhrase($0, minCell: report.minCell, ru: ru) }
        let people = ru ? "\(report.total) \(plural(report.total, "человек", "человека", "человек"))"
            : "\(report.total) \(report.total == 1 ? "person" : "people")"
        lines.append(people + (groups.isEmpty ? "." : ": " + groups.joined(separator: ", ") + "."))
        switch report.minorsAtExploitation {
        case let minors?:
            lines.append(ru ? "\(minors) из них впервые подверглись эксплуатации до 18 лет."
                : "\(minors) of them were first exploited under 18.")
        case nil:
            lines.append(ru ? "Менее \(report.minCell) из них впервые подверглись эксплуатации до 18 лет."
                : "Fewer than \(report.minCell) of them were first exploited under 18.")
        }
        for breakdown in report.breakdowns where !breakdown.cells.isEmpty {
            let items = breakdown.cells.map { cell in
                "\(breakdown.dimension.label(of: cell.code, in: language)) \(cell.count.map(String.init) ?? (ru ? "менее \(report.minCell)" : "fewer than \(report.minCell)"))"
            }
            lines.append(title(of: breakdown.dimension).text(in: language) + ": " + items.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func title(of dimension: StatisticsBreakdown.Dimension) -> LocalizedText {
        switch dimension {
        case .byCitizenship: LocalizedText(en: "Citizenship", ru: "Гражданство")
        case .byExploitation: LocalizedText(en: "Exploitation", ru: "Виды эксплуатации")
        case .byLabourSector: LocalizedText(en: "Labour sector (forced labour)", ru: "Сфера труда (принудительный труд)")
        case .byCountryOfExploitation: LocalizedText(en: "Country of exploitation", ru: "Страна эксплуатации")
        case .byReferralSource: LocalizedText(en: "Referred by", ru: "Кем направлены")
        case .byStatus: LocalizedText(en: "Status", ru: "Статус")
        }
    }

    private static func genderPhrase(_ cell: GenderCell, minCell: Int, ru: Bool) -> String {
        let count = cell.count ?? 0
        let amount = cell.count.map(String.init) ?? (ru ? "менее \(minCell)" : "fewer than \(minCell)")
        if cell.code == StatisticsCell.otherCode {  // not a gender: the small groups, merged
            return ru ? "\(amount) — группы меньше \(minCell) человек объединены"
                : "\(amount) — groups of fewer than \(minCell) merged"
        }
        let noun: String
        switch (cell.code, ru) {
        case ("female", false): noun = count == 1 ? "woman" : "women"
        case ("male", false): noun = count == 1 ? "man" : "men"
        case ("transgender", false): noun = "transgender or non-conforming"
        case ("unknown", false): noun = "of unknown gender"
        case (_, false): noun = "of other or unrecorded gender"
        case ("female", true): noun = cell.count == nil ? "женщин" : plural(count, "женщина", "женщины", "женщин")
        case ("male", true): noun = cell.count == nil ? "мужчин" : plural(count, "мужчина", "мужчины", "мужчин")
        case ("transgender", true): noun = "трансгендерных или небинарных"
        case ("unknown", true): noun = "пол не указан"
        case (_, true): noun = "другой или не указанный пол"
        }
        var phrase = "\(amount) \(noun)"
        if let low = cell.ageMin, let high = cell.ageMax {
            let range = low == high ? "\(low)" : "\(low)–\(high)"
            let years = low == high ? plural(high, "год", "года", "лет") : "лет"
            phrase += ru ? " в возрасте \(range) \(years)" : " aged \(range)"
        }
        return phrase
    }

    /// Russian plural: 1 женщина, 2 женщины, 5 женщин, 21 женщина, 11 женщин.
    static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let lastTwo = n % 100
        let last = n % 10
        if (11...14).contains(lastTwo) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }
}
