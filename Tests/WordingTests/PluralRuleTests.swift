import Testing
import Wording

/// CLDR's plural rules for whole numbers, and the forms every count takes through the catalogs.
struct PluralRuleTests {
    @Test func russianFollowsCLDR() {
        let expected: [Int: PluralCategory] = [
            0: .many, 1: .one, 2: .few, 4: .few, 5: .many, 11: .many, 12: .many, 14: .many,
            21: .one, 22: .few, 25: .many, 101: .one, 111: .many, 112: .many, 122: .few,
        ]
        for (count, category) in expected {
            #expect(Language.ru.pluralCategory(of: count) == category, "ru \(count)")
        }
    }

    @Test func kazakhAndEnglishHaveOneAndOther() {
        for language in [Language.kk, .en] {
            for count in [0, 2, 5, 11, 21, 22, 25, 101] {
                #expect(language.pluralCategory(of: count) == .other, "\(language) \(count)")
            }
            #expect(language.pluralCategory(of: 1) == .one)
        }
    }

    /// "1 дело / 2 дела / 5 дел": the sentence a count makes, through the real catalogs.
    @Test func countsInRussianTakeTheirForm() {
        let ru = Words(.ru)
        let people = [1: "1 человек", 2: "2 человека", 5: "5 человек", 11: "11 человек",
                      21: "21 человек", 22: "22 человека", 25: "25 человек", 122: "122 человека"]
        for (count, text) in people { #expect(ru("statistics.people", count: count) == text) }
        let women = [1: "1 женщина", 2: "2 женщины", 5: "5 женщин", 11: "11 женщин",
                     21: "21 женщина", 22: "22 женщины", 25: "25 женщин"]
        for (count, text) in women { #expect(ru("statistics.group.female", count: count) == text) }
        let ages = [1: "1 года", 2: "2 лет", 5: "5 лет", 11: "11 лет", 21: "21 года", 22: "22 лет", 25: "25 лет"]
        for (count, text) in ages { #expect(ru("statistics.ages.single", count: count) == text) }
        #expect(ru("reports.exported", count: 1, ["path": "a.csv"]) == "Записано 1 дело, файл a.csv.")
        #expect(ru("reports.exported", count: 22, ["path": "a.csv"]) == "Записано 22 дела, файл a.csv.")
        #expect(ru("reports.exported", count: 25, ["path": "a.csv"]) == "Записано 25 дел, файл a.csv.")
    }

    @Test func countsInKazakhKeepTheSingularNoun() {
        let kk = Words(.kk)
        for count in [1, 2, 5, 11, 21, 22, 25] {
            #expect(kk("statistics.people", count: count) == "\(count) адам")
            #expect(kk("statistics.group.female", count: count) == "\(count) әйел")
            #expect(kk("reports.exported", count: count, ["path": "a.csv"]) == "a.csv файлына \(count) іс жазылды.")
        }
    }

    /// Counts the import, the agenda and `verify` once gave as bare numbers ("1 cases imported",
    /// "На 1 дней", "размер файла: 2 байт") go through the plural forms like every other.
    @Test func importAgendaAndFileSizeCountsTakeTheirForm() {
        let ru = Words(.ru), kk = Words(.kk), en = Words(.en)
        let cases = [1: "1 дело", 2: "2 дела", 5: "5 дел", 11: "11 дел", 21: "21 дело", 22: "22 дела", 25: "25 дел"]
        for (count, text) in cases {
            #expect(ru("import.imported", count: count) == "Импортировано \(text).")
            #expect(ru("import.importReady", count: count).hasPrefix("Готово к импорту: \(text)."))
        }
        let problems = [1: "1 ошибка", 2: "2 ошибки", 5: "5 ошибок", 11: "11 ошибок", 21: "21 ошибка", 22: "22 ошибки", 25: "25 ошибок"]
        for (count, text) in problems { #expect(ru("import.importProblems", count: count).hasPrefix("\(text) —")) }
        let days = [1: "На 1 день", 2: "На 2 дня", 5: "На 5 дней", 11: "На 11 дней", 21: "На 21 день", 22: "На 22 дня", 25: "На 25 дней"]
        for (count, text) in days { #expect(ru("casework.agendaNextDays", count: count) == text) }
        let bytes = [1: "1 байт", 2: "2 байта", 5: "5 байт", 11: "11 байт", 21: "21 байт", 22: "22 байта", 25: "25 байт"]
        for (count, text) in bytes { #expect(ru("log.verify.fileSize", count: count) == "размер файла: \(text)") }
        for count in [1, 2, 5, 11, 21, 22, 25] {
            #expect(kk("import.imported", count: count) == "\(count) іс импортталды.")
            #expect(kk("import.importReady", count: count).hasPrefix("Импортқа \(count) іс дайын."))
            #expect(kk("import.importProblems", count: count).hasPrefix("\(count) қате —"))
            #expect(kk("casework.agendaNextDays", count: count) == "Алдағы \(count) күн")
            #expect(kk("log.verify.fileSize", count: count) == "файл өлшемі: \(count) байт")
        }
        #expect(en("import.imported", count: 1) == "1 case imported.")
        #expect(en("import.importProblems", count: 1).hasPrefix("1 problem:"))
        #expect(en("casework.agendaNextDays", count: 1) == "Next 1 day")
        #expect(en("import.importReady", count: 21).hasPrefix("21 cases are ready."))
    }

    @Test func countsInEnglish() {
        let en = Words(.en)
        #expect(en("reports.exported", count: 1, ["path": "a.csv"]) == "1 case written to a.csv.")
        #expect(en("reports.exported", count: 2, ["path": "a.csv"]) == "2 cases written to a.csv.")
        #expect(en("statistics.people", count: 1) == "1 person")
        #expect(en("statistics.people", count: 21) == "21 people")
    }

    @Test func numbersAreGroupedTheLanguagesWay() {
        #expect(Words(.en).number(1234567) == "1,234,567")
        #expect(Words(.ru).number(12345) == "12\u{00A0}345")
        #expect(Words(.kk).number(999) == "999")
        #expect(Words(.en).number(-1000) == "-1,000")
        #expect(Words(.ru)("statistics.people", count: 1021) == "1\u{00A0}021 человек")
    }
}
