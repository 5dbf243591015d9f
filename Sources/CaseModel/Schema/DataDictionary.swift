/// Writes the field and code-list tables of docs/data-dictionary.md from the schema itself, so the
/// document cannot drift from the code (a test compares them).
public enum DataDictionary {
    public static let beginMarker = "<!-- generated fields: begin -->"
    public static let endMarker = "<!-- generated fields: end -->"

    public static func markdown(for schema: IntakeSchema = .standard) -> String {
        var out = ""
        for section in schema.sections {
            out += "\n### \(section.title.en) / \(section.title.ru) (`\(section.id)`)\n\n"
            out += "| key | type | label en / ru | codes | shown when | required to save | for reporting | max length | CTDC |\n"
            out += "|---|---|---|---|---|---|---|---|---|\n"
            for field in section.fields {
                let codes = switch field.kind {
                case .country, .countries: "ISO 3166-1"
                default: field.codeList.map { "`\($0.id)`" } ?? ""
                }
                let cells = [
                    "`\(field.key)`", field.kind.rawValue, "\(field.label.en) / \(field.label.ru)", codes,
                    relevance(field.relevance), field.requiredForSave ? "yes" : "",
                    field.requiredForReporting ? "yes" : "", field.maxLength.map(String.init) ?? "",
                    field.ctdcName.map { "`\($0)`" } ?? "",
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        out += "\n### Code lists\n"
        for list in CodeLists.all {
            out += "\n#### `\(list.id)`\n\n| code | English | Russian |\n|---|---|---|\n"
            for code in list.codes {
                out += "| `\(code.code)` | \(code.label.en) | \(code.label.ru) |\n"
            }
        }
        return out
    }

    private static func relevance(_ relevance: Relevance) -> String {
        switch relevance {
        case .always: "always"
        case .contains(let key, let code): "`\(key)` contains `\(code)`"
        case .answered(let key): "`\(key)` answered"
        case .unanswered(let key): "`\(key)` not answered"
        }
    }
}
