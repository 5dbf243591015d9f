import Testing
import CalendarDay
import Foundation
import Wording

/// Every key in every catalog, with the same placeholders and every plural form: a translator's
/// gap fails here, naming the keys, instead of reaching a caseworker as an English word.
struct CatalogCompletenessTests {
    static let english = Words.catalogs[.en]!

    @Test(arguments: Language.allCases)
    func everyKeyIsTranslated(_ language: Language) {
        let catalog = Words.catalogs[language]!
        let missing = Self.english.entries.keys.filter { catalog.entries[$0] == nil }.sorted()
        #expect(missing.isEmpty, "\(language).po lacks: \(missing.joined(separator: ", "))")
        let unknown = catalog.entries.keys.filter { Self.english.entries[$0] == nil }.sorted()
        #expect(unknown.isEmpty, "\(language).po has keys English does not: \(unknown.joined(separator: ", "))")
    }

    @Test(arguments: Language.allCases)
    func placeholdersMatchTheEnglish(_ language: Language) {
        let catalog = Words.catalogs[language]!
        var mismatched: [String] = []
        // `date.format` is a pattern: each language picks its own from the same placeholders.
        for (key, source) in Self.english.entries where key != "date.format" {
            guard let entry = catalog.entries[key] else { continue }
            let expected = Set(source.forms.flatMap(Catalog.placeholders(in:)))
            for form in entry.forms where Set(Catalog.placeholders(in: form)).subtracting(["count"]) != expected.subtracting(["count"]) {
                mismatched.append(key)
            }
        }
        #expect(mismatched.isEmpty, "\(language).po: placeholders differ from English in \(Set(mismatched).sorted().joined(separator: ", "))")
    }

    @Test(arguments: Language.allCases)
    func pluralEntriesHaveEveryForm(_ language: Language) {
        let catalog = Words.catalogs[language]!
        let incomplete = catalog.entries.values.filter { entry in
            Self.english.entries[entry.key]?.isPlural == true
                && (!entry.isPlural || entry.forms.count != language.pluralCategories.count)
        }.map(\.key).sorted()
        #expect(incomplete.isEmpty, "\(language).po: plural forms missing in \(incomplete.joined(separator: ", "))")
    }

    /// A translation made from an older English text is stale: its msgid must be today's.
    @Test(arguments: [Language.ru, .kk])
    func translationsAreOfTodaysEnglish(_ language: Language) {
        let catalog = Words.catalogs[language]!
        let stale = catalog.entries.values.filter { entry in
            Self.english.entries[entry.key].map { $0.source != entry.source } ?? false
        }.map(\.key).sorted()
        #expect(stale.isEmpty, "\(language).po translates an older English text in \(stale.joined(separator: ", "))")
    }

    @Test func missingKeysAreNamed() {
        let partial = Catalog(po: """
            msgctxt "a.one"
            msgid "One"
            msgstr "Бір"

            msgctxt "a.two"
            msgid "Two"
            msgstr ""
            """)
        #expect(partial.entries.keys.sorted() == ["a.one"])
    }

    @Test func parserReadsPluralsContinuationsAndEscapes() {
        let catalog = Catalog(po: #"""
            # comment
            msgid ""
            msgstr "Plural-Forms: nplurals=3;\n"

            #. translator comment
            msgctxt "x.plural"
            msgid "{count} case"
            msgid_plural "{count} cases"
            msgstr[0] "{count} дело"
            msgstr[1] "{count} дела"
            msgstr[2] "{count} "
            "дел"

            msgctxt "x.quote"
            msgid "say \"hi\"\n"
            msgstr "скажи «привет»\tи \\ всё"
            """#)
        #expect(catalog.entries["x.plural"]?.forms == ["{count} дело", "{count} дела", "{count} дел"])
        #expect(catalog.entries["x.plural"]?.isPlural == true)
        #expect(catalog.entries["x.quote"]?.source == "say \"hi\"\n")
        #expect(catalog.entries["x.quote"]?.forms == ["скажи «привет»\tи \\ всё"])
    }

    @Test func datesFollowTheLanguage() throws {
        let day = try #require(CalendarDate(year: 2026, month: 11, day: 3))
        #expect(Words(.en).day(day) == "3 Nov 2026")
        #expect(Words(.ru).day(day) == "03.11.2026")
        #expect(Words(.kk).day(day) == "03.11.2026")
        for month in 1...12 {
            let first = try #require(CalendarDate(year: 987, month: month, day: 1))
            #expect(Words(.en).day(first) == "1 \(Words(.en)("date.month.\(month)")) 0987")
            #expect(Words(.ru).day(first) == "01.\(month < 10 ? "0" : "")\(month).0987")
        }
    }

    /// A placeholder is filled once, from the arguments: a value is never read for placeholders,
    /// and a placeholder no argument names stays as written.
    @Test func placeholdersAreFilledInOnePass() {
        let words = Words(.en)
        let key = "caseList.countShown"
        let text = words(key, ["shown": .text("{shown}")])
        #expect(text.contains("{shown}") && !text.contains("{shown}{shown}"))
        #expect(words(key, ["other": .number(3)]) == words.catalog.entries[key]?.forms[0])
        #expect(words(key, ["shown": .number(12_345)]).contains("12,345"))
    }
}

/// Every key the code asks for by name is in the English catalog: a key lost in a merge would
/// otherwise show itself ("cli.device.abstract") in every language, which no other check sees.
struct KeysInCodeTests {
    @Test func everyKeyNamedInTheSourcesExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        let english = Words.catalogs[.en]!.entries
        let pattern = /(?:\bw|\bcli|LocalizedText|label)\(\s*"([A-Za-z]\w*\.[\w.]+)"|label: "([A-Za-z]\w*\.[\w.]+)"/
        var missing: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output.1 ?? match.output.2 ?? "")
                if english[key] == nil { missing.insert("\(key) (\(file.lastPathComponent))") }
            }
        }
        #expect(missing.isEmpty, "keys in code but in no catalog: \(missing.sorted().joined(separator: ", "))")
    }

    /// One mechanism: no word is written into the code per language (`case .ru: "…"`,
    /// `language == .ru ? "…"`, a `t(en, ru, kk)` helper) beside the catalogs.
    @Test func noWordsArePickedByLanguageInTheCode() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        let pattern = /case \.(en|ru|kk): "[^"]*\p{L}{2,} \p{L}|language [!=]= \.(en|ru|kk) \? "[^"]*\p{L}{2,} \p{L}|func t\(_ en: String/
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            found += text.matches(of: pattern).map { "\(file.lastPathComponent): \(text[$0.range])" }
        }
        #expect(found.isEmpty, "words chosen by language outside the catalogs:\n\(found.joined(separator: "\n"))")
    }
}

/// Every catalog key is asked for somewhere: a key no code names is a translator's work wasted
/// and, left behind by a rename, a word that silently differs from the one shown.
struct UnusedKeyTests {
    /// Keys the code builds from a value rather than naming them, each with where it is built.
    static let builtFamilies = [
        #"statistics\.by\w+"#,  // StatisticsBreakdown.Dimension.title: "statistics.\(rawValue)"
        #"statistics\.group\.\w+(\.fewerThan)?"#,  // StatisticsTextRenderer: "statistics.group.\(sex)"
        #"date\.month\.\d+"#,  // Words.day: "date.month.\(date.month)"
        #"cli\.help\.(overview|usage|arguments|options|subcommands)"#,  // CommandWords.translatingHelp
        #"country\.[A-Z]{2}"#,  // Countries.name: "country.\(code)"
        // Episode, FamilyLink, LegalProceeding: Code(rawValue, label: "codeList.<list>.\(rawValue)")
        #"codeList\.(episodeEnding|familyRelation|proceedingKind|proceedingRole)\.\w+"#,
    ]

    @Test func everyCatalogKeyIsUsedByTheCode() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        var text = ""
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            text += try String(contentsOf: file, encoding: .utf8)
        }
        let families = try Self.builtFamilies.map { try Regex($0) }
        let unused = Words.catalogs[.en]!.entries.keys.filter { key in
            !text.contains("\"\(key)\"") && !families.contains { key.wholeMatch(of: $0) != nil }
        }.sorted()
        #expect(unused.isEmpty, "catalog keys no code uses: \(unused.joined(separator: ", "))")
    }
}

/// A sentence is one entry: an entry that begins or ends with a space is a piece the code glues
/// to other words ("follow-up moved: " + name), which fixes English word order in every language.
struct WholeSentenceTests {
    @Test(arguments: Language.allCases)
    func noEntryIsAPieceToGlue(_ language: Language) {
        let pieces = Words.catalogs[language]!.entries.values.filter { entry in
            entry.forms.contains { $0.first?.isWhitespace == true || $0.last?.isWhitespace == true }
        }.map(\.key).sorted()
        #expect(pieces.isEmpty, "\(language).po: entries glued to other words: \(pieces.joined(separator: ", "))")
    }
}
