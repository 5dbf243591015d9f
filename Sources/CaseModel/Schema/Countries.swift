import Foundation
import Wording

/// ISO 3166-1 alpha-2 countries, named by Foundation's locale data in the interface language.
/// The countries most shelter clients come from or are exploited in come first.
public enum Countries {
    /// Shown first in every country list: the region's origin and destination countries.
    public static let priority = ["UZ", "KZ", "KG", "TJ", "RU", "TR", "AE"]

    /// Region codes Foundation knows that are not ISO 3166-1 countries (unions, reserved codes,
    /// territories with exceptional reservations).
    private static let notCountries: Set<String> = [
        "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XK",
    ]

    /// All country codes, sorted by code.
    public static let codes: [String] = Locale.Region.isoRegions
        .map(\.identifier)
        .filter { code in
            code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }
                && !notCountries.contains(code)
        }
        .sorted()

    private static let known = Set(codes)

    public static func isKnown(_ code: String) -> Bool { known.contains(code) }

    /// The country's name in `language`: the catalog's `country.CODE` where ICU's name is not the
    /// official form used in the region (ICU says "Киргизия" for Kyrgyzstan, "ОАЭ", "China
    /// mainland"), else Foundation's (ICU) name; the code itself if unnamed.
    public static func name(of code: String, in language: Language) -> String {
        let words = Words(language)
        if words.catalog.entries["country.\(code)"] != nil { return words("country.\(code)") }
        return Locale(identifier: language.localeIdentifier).localizedString(forRegionCode: code) ?? code
    }

    /// Codes for a picker: the priority countries, then all others by their localized name.
    public static func ordered(in language: Language) -> [String] {
        let locale = Locale(identifier: language.localeIdentifier)
        let rest = codes.filter { !priority.contains($0) }
            .map { (code: $0, name: name(of: $0, in: language)) }
            .sorted { $0.name.compare($1.name, locale: locale) == .orderedAscending }
            .map(\.code)
        return priority + rest
    }
}
