/// The statistics as JSON, in the documented contract's key order:
/// `{"from","to","minCell","total","episodes","byGender":[{"code","count","ageMin","ageMax"}],
/// "minorsAtExploitation","byCitizenship":[{"code","count"}],"byExploitation","byExploitationOfEpisodes","byLabourSector",
/// "byCountryOfExploitation","byReferralSource","byStatus"}`. A suppressed cell is
/// `{"code":"other","count":null,"suppressed":true}` (a gender cell also has null ages);
/// a suppressed `minorsAtExploitation` is `null`.
public enum StatisticsJSONRenderer {
    public static func render(_ report: StatisticsReport) -> String {
        JSONText.object([
            ("from", JSONText.optionalString(report.from?.iso)),
            ("to", JSONText.optionalString(report.to?.iso)),
            ("minCell", String(report.minCell)),
            ("total", String(report.total)),
            ("episodes", String(report.episodes)),
            ("byGender", JSONText.array(report.byGender.map(gender))),
            ("minorsAtExploitation", JSONText.number(report.minorsAtExploitation)),
        ] + report.breakdowns.map { ($0.dimension.rawValue, cells($0.cells)) }) + "\n"
    }

    private static func gender(_ cell: GenderCell) -> String {
        var members = [
            ("code", JSONText.string(cell.code)), ("count", JSONText.number(cell.count)),
            ("ageMin", JSONText.number(cell.ageMin)), ("ageMax", JSONText.number(cell.ageMax)),
        ]
        if cell.isSuppressed { members.append(("suppressed", "true")) }
        return JSONText.object(members)
    }

    private static func cells(_ cells: [StatisticsCell]) -> String {
        JSONText.array(cells.map { cell in
            var members = [("code", JSONText.string(cell.code)), ("count", JSONText.number(cell.count))]
            if cell.isSuppressed { members.append(("suppressed", "true")) }
            return JSONText.object(members)
        })
    }
}
