/// Flags a caseworker sets on a case and clears again ("safety risk"), each an event. The list's
/// codes have labels in every language; an organisation may use its own words, stored as typed.
public enum UserFlags {
    public static let codeList = CodeList(id: "userFlag", codes: [
        Code("safetyRisk", en: "Safety risk", ru: "Угроза безопасности", kk: "Қауіпсіздікке қатер"),
        Code("doNotContactFamily", en: "Do not contact family", ru: "Не связываться с семьёй", kk: "Отбасымен байланыспау"),
        Code("needsInterpreter", en: "Needs an interpreter", ru: "Нужен переводчик", kk: "Аудармашы қажет"),
    ])

    /// Longest organisation-defined flag, in characters: it is shown on the case file's flag line.
    public static let maxLength = 40

    public static func label(of flag: String, in language: Language) -> String {
        codeList.label(of: flag, in: language) ?? flag
    }
}
