/// Flags a caseworker sets on a case and clears again ("safety risk"), each an event. The list's
/// codes have labels in every language; an organisation may use its own words, stored as typed.
public enum UserFlags {
    public static let codeList = CodeList(id: "userFlag", codes: [
        Code("safetyRisk", label: "codeList.userFlag.safetyRisk"),
        Code("doNotContactFamily", label: "codeList.userFlag.doNotContactFamily"),
        Code("needsInterpreter", label: "codeList.userFlag.needsInterpreter"),
    ])

    /// Longest organisation-defined flag, in characters: it is shown on the case file's flag line.
    public static let maxLength = 40

    public static func label(of flag: String, in language: Language) -> String {
        codeList.label(of: flag, in: language) ?? flag
    }
}
