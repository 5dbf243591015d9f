import Foundation

/// Turns a cell as spreadsheets hold it into the spelling the form's parser reads: code-list
/// answers by code or by label (English, Russian, Kazakh, or the HTCDS templates' picklist
/// wording), countries by ISO code or name, dates as Excel serial numbers or `d.m.yy`, and several
/// answers separated by `;` or `,`. Comparison ignores case and spaces. What it cannot translate
/// is passed on unchanged, for the parser to refuse with its usual message.
struct ImportValues: Sendable {
    private var codesByLabel: [FieldKey: [String: String]] = [:]

    /// The HTCDS 2.0 picklist wordings that differ from Refuge's own labels.
    private static let htcdsPicklists: [FieldKey: [String: String]] = [
        .gender: ["Feminine": "female", "Masculine": "male", "TransgenderFeminine": "transgender",
                  "TransgenderMasculine": "transgender", "NonConforming": "transgender",
                  "NonSpecifiedUnknown": "unknown", "жен": "female", "муж": "male", "ж": "female", "м": "male"],
        .consentToStatistics: ["true": "yes", "false": "no", "1": "yes", "0": "no"],
        .exploitationTypes: ["Child labour": "childLabour", "Servitude": "servitude",
                             "Forced military (by non-state actors)": "other", "Forced adoption": "other",
                             "Surrogacy": "other"],
    ]

    /// Countries by name in English, Russian and Kazakh (Foundation's ICU data).
    private static let countriesByName: [String: String] = {
        var names: [String: String] = [:]
        for code in Countries.codes {
            for language in Language.allCases { names[fold(Countries.name(of: code, in: language))] = code }
        }
        for (name, code) in everydayCountryNames { names[fold(name)] = code }
        return names
    }()

    /// Names people and the HTCDS country picklist use beside the ones shown (`Countries.name`):
    /// older or everyday forms ("Turkey", "Киргизия", "ОАЭ").
    private static let everydayCountryNames = [
        "Turkey": "TR", "Турция": "TR", "Киргизия": "KG", "Қырғызстан": "KG", "Kirghizia": "KG", "UAE": "AE",
        "ОАЭ": "AE", "БАӘ": "AE", "Moldova": "MD", "Молдавия": "MD", "Белоруссия": "BY", "Russian Federation": "RU",
        "Российская Федерация": "RU", "South Korea": "KR", "Южная Корея": "KR", "Czech Republic": "CZ",
    ]

    init(schema: IntakeSchema) {
        for field in schema.fields {
            guard let list = field.codeList else { continue }
            var labels: [String: String] = [:]
            for code in list.codes {
                for label in [code.code, code.label.en, code.label.ru, code.label.kk] where !label.isEmpty {
                    labels[Self.fold(label)] = labels[Self.fold(label)] ?? code.code
                }
            }
            for (label, code) in Self.htcdsPicklists[field.key] ?? [:] { labels[Self.fold(label)] = code }
            if field.kind == .yesNoUnknown {
                for (label, code) in ["true": "yes", "false": "no", "да": "yes", "нет": "no"] { labels[label] = labels[label] ?? code }
            }
            codesByLabel[field.key] = labels
        }
    }

    /// The cell in the parser's spelling for `field`.
    func translate(_ cell: String, for field: Field) -> String {
        if field.kind == .text || field.kind == .longText || field.kind == .number { return cell }
        let trimmed = cell.trimmingWhitespace()
        guard !trimmed.isEmpty else { return cell }
        switch field.kind {
        case .date:
            return Self.date(trimmed) ?? cell
        case .country, .countries:
            return pieces(trimmed, field).map { Self.countriesByName[Self.fold($0)] ?? Self.alpha3[$0.uppercased()] ?? $0 }
                .joined(separator: ";")
        case .singleChoice, .multipleChoice, .yesNoUnknown:
            let labels = codesByLabel[field.key] ?? [:]
            return pieces(trimmed, field).map { labels[Self.fold($0)] ?? $0 }.joined(separator: ";")
        case .text, .longText, .number:
            return cell
        }
    }

    /// A whole cell first (a label may itself hold a comma), then its parts split by `;` or `,`.
    private func pieces(_ cell: String, _ field: Field) -> [String] {
        if field.kind == .country || field.kind == .singleChoice || field.kind == .yesNoUnknown { return [cell] }
        return cell.split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmingWhitespace() }
    }

    /// An Excel serial day (1 = 1900-01-01, with Excel's phantom 29 February 1900, so counted from
    /// 1899-12-30) or `d.m.yy` (a two-digit year is the latest such year not in the future) as ISO.
    static func date(_ text: String, today: Date = Date()) -> String? {
        if let serial = Double(text), serial >= 1, serial <= 73_051, serial == serial.rounded(.down) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
            let day = calendar.date(byAdding: .day, value: Int(serial), to: epoch)!
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        guard text.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let parts = text.split(separator: ".")
        if parts.count == 3, parts[2].count == 2, let short = Int(parts[2]), Int(parts[0]) != nil, Int(parts[1]) != nil {
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: today)
            let year = 2000 + short <= thisYear ? 2000 + short : 1900 + short
            return "\(parts[0]).\(parts[1]).\(year)"
        }
        return nil
    }

    /// ISO 3166 alpha-3 codes of the region's countries and those most often met (ICU has no
    /// alpha-3 lookup in Foundation).
    static let alpha3: [String: String] = [
        "UZB": "UZ", "KAZ": "KZ", "KGZ": "KG", "TJK": "TJ", "TKM": "TM", "RUS": "RU", "TUR": "TR", "ARE": "AE",
        "UKR": "UA", "BLR": "BY", "MDA": "MD", "AZE": "AZ", "ARM": "AM", "GEO": "GE", "AFG": "AF", "CHN": "CN",
        "KOR": "KR", "THA": "TH", "IND": "IN", "PAK": "PK", "SAU": "SA", "QAT": "QA", "KWT": "KW", "ISR": "IL",
        "DEU": "DE", "POL": "PL", "CZE": "CZ", "ITA": "IT", "ESP": "ES", "GRC": "GR", "CYP": "CY", "USA": "US",
        "GBR": "GB", "FRA": "FR", "MNG": "MN", "IRN": "IR", "EGY": "EG", "MYS": "MY", "JPN": "JP", "LTU": "LT",
    ]

    static func fold(_ text: String) -> String {
        if let folded = text.asciiFolded(dropping: [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "/")]) {
            return folded
        }
        return String(text.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" && $0 != "/" })
    }
}
