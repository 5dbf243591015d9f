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
