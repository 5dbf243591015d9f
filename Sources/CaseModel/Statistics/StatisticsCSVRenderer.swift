/// The statistics as one CSV table: `dimension,code,count,suppressed,ageMin,ageMax,note`.
/// Dimensions are the JSON keys (`total`, `byGender`, `minorsAtExploitation`, `byCitizenship`, ...).
/// The file says what a reader needs to read it right, in the chosen language: the period (a
/// `period` row), the minimum group size (a `minCell` row), a code on every row (`all` for the
/// total, `under18` for minors), and, on the first row of each breakdown where one person may have
/// several answers, that its counts add up to more than the total.
public enum StatisticsCSVRenderer {
    public static let header = ["dimension", "code", "count", "suppressed", "ageMin", "ageMax", "note"]

    public static func render(_ report: StatisticsReport, in language: Language = .en) -> String {
        let text = { (en: String, ru: String) in LocalizedText(en: en, ru: ru).text(in: language) }
        let from = report.from?.iso ?? "", to = report.to?.iso ?? ""
        var rows: [[String]] = [
            ["period", "\(from)/\(to)", "", "", "", "",
             report.from == nil && report.to == nil ? text("all cases, by intake date", "все дела, по дате приёма")
                : text("cases by intake date from \(from.isEmpty ? "the first" : from) to \(to.isEmpty ? "the last" : to)",
                       "дела по дате приёма с \(from.isEmpty ? "первого" : from) по \(to.isEmpty ? "последнее" : to)")],
            ["minCell", "", String(report.minCell), "", "", "",
             text("groups smaller than \(report.minCell) are suppressed: count empty, suppressed true",
                  "группы меньше \(report.minCell) скрыты: число пусто, suppressed = true")],
            ["total", "all", String(report.total), "", "", "", text("people in the period", "человек за период")],
        ]
        for cell in report.byGender {
            rows.append(["byGender", cell.code, number(cell.count), cell.isSuppressed ? "true" : "",
                         number(cell.ageMin), number(cell.ageMax), ""])
        }
        rows.append(["minorsAtExploitation", "under18", number(report.minorsAtExploitation),
                     report.minorsAtExploitation == nil ? "true" : "", "", "",
                     text("under 18 when first exploited", "младше 18 лет в начале эксплуатации")])
        for breakdown in report.breakdowns {
            let isMultiple = breakdown.dimension.field.flatMap { IntakeSchema.standard.field($0)?.kind }
                .map(\.isMultiple) ?? false
            for (index, cell) in breakdown.cells.enumerated() {
                let note = index == 0 && isMultiple
                    ? text("one person may have several answers: these counts add up to more than the total",
                           "у одного человека может быть несколько ответов: сумма больше общего числа")
                    : ""
                rows.append([breakdown.dimension.rawValue, cell.code, number(cell.count), cell.isSuppressed ? "true" : "",
                             "", "", note])
            }
        }
        return CSVText.document(header: header, rows: rows)
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}
