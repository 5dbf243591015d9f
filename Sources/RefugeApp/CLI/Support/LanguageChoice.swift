import CaseModel

/// The interface language: `--lang`, else the locale variables (`LC_ALL`, then `LANG`):
/// `ru…` gives Russian, `kk…` Kazakh, anything else English.
enum LanguageChoice {
    static func resolve(_ option: Language?, environment: CommandEnvironment) -> Language {
        if let option { return option }
        for name in ["LC_ALL", "LANG"] {
            guard let locale = environment[name] else { continue }
            if locale.hasPrefix("ru") { return .ru }
            if locale.hasPrefix("kk") { return .kk }
            return .en
        }
        return .en
    }
}
