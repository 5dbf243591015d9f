/// Writes the field and code-list tables of docs/data-dictionary.md from the schema itself, so the
/// document cannot drift from the code (a test compares them).
public enum DataDictionary {
    public static let beginMarker = "<!-- generated fields: begin -->"
    public static let endMarker = "<!-- generated fields: end -->"

    public static func markdown(for schema: IntakeSchema = .standard) -> String {
        var out = sections(schema.sections)
        out += "\n### Code lists\n" + codeLists(CodeLists.all)
        out += "\n### Case work forms\n\nThe support plan, assessment and follow-up forms (`CaseworkSchemas`). Their answers are "
            + "not stored as a case's answers: each save is one event (see Events, 30–49).\n"
        out += sections(CaseworkSchemas.all.flatMap(\.sections))
        out += "\n### Case work code lists\n" + codeLists(CaseworkCodeLists.all)
        out += "\n### Episode, legal proceeding and hearing forms\n\nAn exploitation episode (`EpisodeForms`): the intake's "
            + "episode keeps these answers among the case's own (the situation page, and the four only an episode has); any "
            + "later episode keeps them in its `episodeSet` events. Proceedings and hearings (`LegalForms`) are events of "
            + "their own (see Events, 57–60).\n"
        out += sections(EpisodeForms.episode.sections + LegalForms.proceeding.sections + LegalForms.hearing.sections)
        out += "\n### Episode, family and legal code lists\n"
            + codeLists([EpisodeEnding.codeList, FamilyRelation.codeList, ProceedingKind.codeList, ProceedingRole.codeList])
        return out
    }

    private static func sections(_ sections: [Section]) -> String {
        var out = ""
        for section in sections {
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
        return out
    }

    private static func codeLists(_ lists: [CodeList]) -> String {
        var out = ""
        for list in lists {
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
        case .lacks(let key, let code): "`\(key)` does not contain `\(code)`"
        case .answered(let key): "`\(key)` answered"
        case .unanswered(let key): "`\(key)` not answered"
        case .minorAtIntake: "under 18 at intake"
        }
    }
}
