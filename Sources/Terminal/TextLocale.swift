import CNcurses

/// The process-wide character locale. Width measurement and ncurses both need a UTF-8 `LC_CTYPE`;
/// in the C locale `wcwidth` answers -1 for every non-ASCII character.
public enum TextLocale {
    public enum Failure: Error, CustomStringConvertible {
        case noUTF8Locale(current: String)
        public var description: String {
            switch self {
            case .noUTF8Locale(let current):
                return "Refuge needs a UTF-8 locale, but the terminal's locale is \"\(current)\" and C.UTF-8 is not installed. Set LANG=C.UTF-8 (or ru_RU.UTF-8) and start again."
            }
        }
    }

    /// Takes the user's locale from the environment and makes sure its character set is UTF-8,
    /// falling back to C.UTF-8. Throws when no UTF-8 locale exists on this machine.
    @discardableResult
    public static func adoptUTF8() throws -> String {
        setlocale(LC_ALL, "")
        if isUTF8 { return codeset }
        let before = codeset
        if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8 { return codeset }
        if setlocale(LC_CTYPE, "en_US.UTF-8") != nil, isUTF8 { return codeset }
        throw Failure.noUTF8Locale(current: before)
    }

    /// The character set of the current `LC_CTYPE`, e.g. "UTF-8" or "ANSI_X3.4-1968".
    public static var codeset: String { String(cString: nl_langinfo(nl_item(CODESET))) }

    public static var isUTF8: Bool {
        let name = codeset.uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Evaluated once, on first width measurement, so tests and tools measure like the program does.
    static let utf8Ready: Bool = (try? adoptUTF8()) != nil
}
