/// A language the user interface speaks. Each has a complete catalog (`Catalogs/<code>.po`).
public enum Language: String, Sendable, CaseIterable, Hashable {
    case en, ru, kk

    /// The Foundation locale identifier used for country names (ICU's data).
    public var localeIdentifier: String {
        switch self {
        case .en: "en_GB"
        case .ru: "ru_RU"
        case .kk: "kk_KZ"
        }
    }
}

/// A text of the schema or of a code list, named by its catalog key and looked up in the language
/// asked for.
public struct LocalizedText: Sendable, Hashable {
    public let key: String
    /// A name that is data, not a word (a partner organisation's name in a code list): the same
    /// in every language, never looked up.
    private let isVerbatim: Bool

    public init(_ key: String) {
        self.key = key
        isVerbatim = false
    }

    public init(verbatim text: String) {
        key = text
        isVerbatim = true
    }

    public func text(in language: Language) -> String { isVerbatim ? key : Words(language)(key) }

    public var en: String { text(in: .en) }
    public var ru: String { text(in: .ru) }
    public var kk: String { text(in: .kk) }

    /// No text (a field without help).
    public static let empty = LocalizedText("")
}
