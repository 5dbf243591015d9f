/// A language the user interface can speak. Kazakh text falls back to Russian wherever a
/// correct Kazakh label has not been written yet.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case en, ru, kk

    /// The Foundation locale identifier used for country names and date formats.
    public var localeIdentifier: String {
        switch self {
        case .en: "en_GB"
        case .ru: "ru_RU"
        case .kk: "kk_KZ"
        }
    }
}

/// A short text in every interface language. `kk` is optional: it falls back to Russian.
public struct LocalizedText: Sendable, Hashable {
    public let en: String
    public let ru: String
    public let kk: String?

    public init(en: String, ru: String, kk: String? = nil) {
        self.en = en
        self.ru = ru
        self.kk = kk
    }

    /// The text in `language`, falling back from Kazakh to Russian.
    public func text(in language: Language) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk ?? ru
        }
    }

    public static let empty = LocalizedText(en: "", ru: "")
}
