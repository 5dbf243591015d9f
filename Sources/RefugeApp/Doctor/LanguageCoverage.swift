import CaseModel

/// How much of each language's catalog is written, for `refuge doctor`: a translator's gap shows
/// here (and fails the completeness test) before a caseworker meets an English word.
struct LanguageCoverage {
    var lines: [String] {
        let keys = Set(Words.catalogs[.en]!.entries.keys)
        let parts = Language.allCases.map { language in
            let written = Set(Words.catalogs[language]!.entries.keys).intersection(keys).count
            let percent = keys.isEmpty ? 100 : written * 100 / keys.count
            return "\(language.rawValue) \(written)/\(keys.count) (\(percent)%)"
        }
        return [cli("cli.doctor.languages", ["coverage": .text(parts.joined(separator: ", "))])]
    }
}
