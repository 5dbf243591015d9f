/// CLDR's plural categories, as far as whole numbers use them.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other
}

extension Language {
    /// The plural forms a catalog gives for this language, in the order of its `msgstr[n]`
    /// (gettext's order, which the catalogs' `Plural-Forms` header states).
    public var pluralCategories: [PluralCategory] {
        switch self {
        case .en, .kk: [.one, .other]
        case .ru: [.one, .few, .many]
        }
    }

    /// CLDR's rule for a whole number (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
    /// Kazakh distinguishes one and other; its nouns after a numeral keep the singular, so the two
    /// forms usually read alike ("1 іс", "5 іс").
    public func pluralCategory(of count: Int) -> PluralCategory {
        let n = count.magnitude
        switch self {
        case .en, .kk:
            return n == 1 ? .one : .other
        case .ru:
            let last = n % 10, lastTwo = n % 100
            if last == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        }
    }
}
