/// The anonymised export shaped like IOM's Counter Trafficking Data Collaborative (CTDC) data
/// set: its column names, English labels joined by `;` in the `…Concatenated` columns, 1/0 flags.
struct CTDCExport {
    let schema: IntakeSchema

    private static let exploitFlags: [(column: String, code: String)] = [
        ("isForcedLabour", "forcedLabour"), ("isSexualExploit", "sexualExploitation"),
        ("isForcedMarriage", "forcedMarriage"), ("isOrganRemoval", "organRemoval"),
        ("isSlaveryAndPractices", "servitude"),
    ]

    private static let recruiterColumns: [(column: String, code: String)] = [
        ("recruiterRelationIntimatePartner", "intimatePartner"), ("recruiterRelationFriend", "friend"),
        ("recruiterRelationFamily", "family"), ("recruiterRelationOther", "other"),
        ("recruiterRelationUnknown", "unknown"),
    ]

    var header: [String] {
        ["yearOfRegistration", "gender", "ageBroad", "majorityStatus", "majorityStatusAtExploit", "citizenship",
         "typeOfExploitConcatenated"] + Self.exploitFlags.map(\.column)
            + ["isOtherExploit", "typeOfLabourConcatenated", "typeOfSexConcatenated", "meansOfControlConcatenated",
               "isAbduction"] + Self.recruiterColumns.map(\.column) + ["CountryOfExploitation"]
    }

    /// One row per person: several episodes are joined in the person's cells (CTDC counts victims).
    func row(_ record: CaseRecord) -> [String] {
        let answers = record.answersAcrossEpisodes
        let exploitation = answers[.exploitationTypes]
        let known = Set(Self.exploitFlags.map(\.code))
        let other = exploitation.map { $0.codeList.contains { !known.contains($0) } }
        var cells = [
            String(record.intakeDate.year),
            labels(.gender, answers),
            AgeBands.ctdc(record.ageAtIntake),
            majority(record.ageAtIntake),
            majority(answers[.ageAtExploitation]?.number),
            record[.citizenship]?.exchangeText ?? "",
            labels(.exploitationTypes, answers),
        ]
        cells += Self.exploitFlags.map { flag(exploitation, $0.code) }
        cells.append(other.map { $0 ? "1" : "0" } ?? "")
        cells += [labels(.labourSector, answers), labels(.sexualExploitationType, answers),
                  labels(.meansOfControl, answers), yesNo(answers[.abduction]?.code)]
        cells += Self.recruiterColumns.map { flag(answers[.recruiterRelation], $0.code) }
        cells.append(answers[.countriesOfExploitation]?.exchangeText ?? "")
        return cells
    }

    private func labels(_ key: FieldKey, _ answers: [FieldKey: FieldValue]) -> String {
        guard let field = schema.field(key), let value = answers[key] else { return "" }
        return value.codeList.map { field.label(of: $0, in: .en) }.joined(separator: ";")
    }

    private func majority(_ age: Int?) -> String {
        guard let age else { return "Unknown" }
        return age < 18 ? "Minor" : "Adult"
    }

    private func flag(_ value: FieldValue?, _ code: String) -> String {
        guard let value else { return "" }
        return value.contains(code) ? "1" : "0"
    }

    private func yesNo(_ code: String?) -> String {
        switch code {
        case "yes": "1"
        case "no": "0"
        default: ""
        }
    }
}
