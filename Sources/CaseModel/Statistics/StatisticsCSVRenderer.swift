/// The statistics as one CSV table: `dimension,code,count,suppressed,ageMin,ageMax,note`.
/// Dimensions are the JSON keys (`total`, `byGender`, `minorsAtExploitation`, `byCitizenship`, ...).
/// The file says what a reader needs to read it right, in the chosen language: the period (a
/// `period` row), the minimum group size (a `minCell` row), a code on every row (`all` for the
/// total, `under18` for minors), and, on the first row of each breakdown where one person may have
/// several answers (or several episodes), that its counts can add up to more than the people.
public enum StatisticsCSVRenderer {
    public static let header = ["dimension", "code", "count", "suppressed", "ageMin", "ageMax", "note"]

    public static func render(_ report: StatisticsReport, in language: Language = .en) -> String {
        let w = Words(language)
        let from = report.from?.iso ?? "", to = report.to?.iso ?? ""
        let period = switch (report.from, report.to) {
        case (nil, nil): w("statistics.csv.period.all")
        case (_?, nil): w("statistics.csv.period.since", ["from": .text(from)])
        case (nil, _?): w("statistics.csv.period.upTo", ["to": .text(to)])
        case (_?, _?): w("statistics.csv.period.between", ["from": .text(from), "to": .text(to)])
        }
        var rows: [[String]] = [
            ["period", "\(from)/\(to)", "", "", "", "", period],
            ["minCell", "", String(report.minCell), "", "", "", w("statistics.csv.minCell", ["minCell": .number(report.minCell)])],
            ["total", "all", String(report.total), "", "", "", w("statistics.csv.total")],
            ["episodes", "all", String(report.episodes), "", "", "", w("statistics.csv.episodes")],
        ]
        for cell in report.byGender {
            rows.append(["byGender", cell.code, number(cell.count), cell.isSuppressed ? "true" : "",
                         number(cell.ageMin), number(cell.ageMax), ""])
        }
        rows.append(["minorsAtExploitation", "under18", number(report.minorsAtExploitation),
                     report.minorsAtExploitation == nil ? "true" : "", "", "",
                     w("statistics.csv.minors")])
        for breakdown in report.breakdowns {
            let isMultiple = breakdown.dimension.field.flatMap { IntakeSchema.standard.field($0)?.kind }
                .map(\.isMultiple) ?? false
            for (index, cell) in breakdown.cells.enumerated() {
                let note = index > 0 || !isMultiple ? ""
                    : breakdown.dimension == .byExploitationOfEpisodes ? w("statistics.csv.severalEpisodes")
                    : w("statistics.csv.severalAnswers")
                rows.append([breakdown.dimension.rawValue, cell.code, number(cell.count), cell.isSuppressed ? "true" : "",
                             "", "", note])
            }
        }
        return CSVText.document(header: header, rows: rows)
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}
