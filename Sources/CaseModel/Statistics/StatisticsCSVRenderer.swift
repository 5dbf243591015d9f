/// The statistics as one CSV table: `dimension,code,count,suppressed,ageMin,ageMax`.
/// Dimensions are the JSON keys (`total`, `byGender`, `minorsAtExploitation`, `byCitizenship`, ...).
public enum StatisticsCSVRenderer {
    public static let header = ["dimension", "code", "count", "suppressed", "ageMin", "ageMax"]

    public static func render(_ report: StatisticsReport) -> String {
        var rows: [[String]] = [["total", "", String(report.total), "", "", ""]]
        for cell in report.byGender {
            rows.append(["byGender", cell.code, number(cell.count), cell.isSuppressed ? "true" : "",
                         number(cell.ageMin), number(cell.ageMax)])
        }
        rows.append(["minorsAtExploitation", "", number(report.minorsAtExploitation),
                     report.minorsAtExploitation == nil ? "true" : "", "", ""])
        for breakdown in report.breakdowns {
            for cell in breakdown.cells {
                rows.append([breakdown.dimension.rawValue, cell.code, number(cell.count), cell.isSuppressed ? "true" : "", "", ""])
            }
        }
        return CSVText.document(header: header, rows: rows)
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}
