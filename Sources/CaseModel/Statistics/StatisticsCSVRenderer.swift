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
        let dimensions: [(String, [StatisticsCell])] = [
            ("byCitizenship", report.byCitizenship), ("byExploitation", report.byExploitation),
            ("byLabourSector", report.byLabourSector), ("byCountryOfExploitation", report.byCountryOfExploitation),
            ("byReferralSource", report.byReferralSource), ("byStatus", report.byStatus),
        ]
        for (dimension, cells) in dimensions {
            for cell in cells {
                rows.append([dimension, cell.code, number(cell.count), cell.isSuppressed ? "true" : "", "", ""])
            }
        }
        return CSVText.document(header: header, rows: rows)
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}
