import Testing
@testable import CaseModel

@Suite struct StatisticsTests {
    /// Twelve people in 2026 (6 women, 5 men, 1 transgender person), one in 2025, one who refused
    /// statistics. Male and minors sit exactly at the boundary (5); Kyrgyz citizens just under it (4).
    static func caseload(minorMen: Int = 2) -> CaseStore {
        var people: [[FieldKey: FieldValue]] = []
        for (index, age) in [18, 19, 20, 21, 22, 23].enumerated() {
            people.append(Fixtures.person(family: "W\(index)", gender: "female", age: age,
                                          citizenship: [index == 5 ? "KZ" : "UZ"], exploitation: ["sexualExploitation"],
                                          countries: [index == 5 ? "AE" : "TR"], ageAtExploitation: index < 3 ? 16 : 18,
                                          referral: index == 5 ? "ngo" : "police"))
        }
        for (index, age) in [20, 25, 30, 35, 40].enumerated() {
            people.append(Fixtures.person(family: "M\(index)", gender: "male", age: age,
                                          citizenship: [index == 0 ? "UZ" : "KG"], exploitation: ["forcedLabour"],
                                          sector: "agriculture", countries: ["RU"],
                                          ageAtExploitation: index < minorMen ? 17 : 20,
                                          referral: index == 4 ? "hotline" : "police"))
        }
        people.append(Fixtures.person(family: "T", gender: "transgender", age: 27, citizenship: ["TJ"],
                                      exploitation: ["forcedBegging"]))
        people.append(Fixtures.person(family: "Old", intake: "2025-06-01", age: 30, citizenship: ["UZ"]))
        var refused = Fixtures.person(family: "No", age: 30, citizenship: ["UZ"])
        refused[.consentToStatistics] = .code("no")
        people.append(refused)
        return Fixtures.store(people)
    }

    static let year2026 = StatisticsQuery(from: Fixtures.date("2026-01-01"), to: Fixtures.date("2026-12-31"))

    @Test func countsAndSuppressesAHandMadeCaseload() {
        let report = StatisticsBuilder.report(for: Self.caseload().records, query: Self.year2026)
        #expect(report.total == 12)
        #expect(report.excludedWithoutConsent == 1)
        #expect(report.byGender == [
            GenderCell(code: "female", count: 6, ageMin: 18, ageMax: 23),
            GenderCell(code: "male", count: 5, ageMin: 20, ageMax: 40),
            GenderCell(code: "other", count: nil, ageMin: nil, ageMax: nil),
        ])
        #expect(report.minorsAtExploitation == 5)
        #expect(report.byCitizenship == [StatisticsCell(code: "UZ", count: 6), StatisticsCell(code: "other", count: 6)])
        #expect(report.byLabourSector == [StatisticsCell(code: "agriculture", count: 5)])
        #expect(report.byStatus == [StatisticsCell(code: "active", count: 12)])
    }

    @Test func theJSONContractIsExact() {
        let report = StatisticsBuilder.report(for: Self.caseload().records, query: Self.year2026)
        let expected = """
            {"from":"2026-01-01","to":"2026-12-31","minCell":5,"total":12,"episodes":12,\
            "byGender":[{"code":"female","count":6,"ageMin":18,"ageMax":23},{"code":"male","count":5,"ageMin":20,"ageMax":40},\
            {"code":"other","count":null,"ageMin":null,"ageMax":null,"suppressed":true}],\
            "minorsAtExploitation":5,\
            "byCitizenship":[{"code":"UZ","count":6},{"code":"other","count":6}],\
            "byExploitation":[{"code":"sexualExploitation","count":6},{"code":"forcedLabour","count":5},{"code":"other","count":null,"suppressed":true}],\
            "byExploitationOfEpisodes":[{"code":"sexualExploitation","count":6},{"code":"forcedLabour","count":5},{"code":"other","count":null,"suppressed":true}],\
            "byLabourSector":[{"code":"agriculture","count":5}],\
            "byCountryOfExploitation":[{"code":"RU","count":5},{"code":"TR","count":5},{"code":"other","count":null,"suppressed":true}],\
            "byReferralSource":[{"code":"police","count":9},{"code":"other","count":null,"suppressed":true}],\
            "byStatus":[{"code":"active","count":12}]}

            """
        #expect(StatisticsJSONRenderer.render(report) == expected)
    }

    @Test func fourIsSuppressedFiveIsShown() {
        let four = StatisticsBuilder.report(for: Self.caseload(minorMen: 1).records, query: Self.year2026)
        #expect(four.minorsAtExploitation == nil)
        #expect(StatisticsJSONRenderer.render(four).contains("\"minorsAtExploitation\":null"))
        #expect(SmallCellSuppression.cells(["A": 4], minCell: 5) == [StatisticsCell(code: "other", count: nil)])
        #expect(SmallCellSuppression.cells(["A": 5], minCell: 5) == [StatisticsCell(code: "A", count: 5)])
        #expect(SmallCellSuppression.cells(["A": 4, "B": 1, "C": 9], minCell: 5)
            == [StatisticsCell(code: "C", count: 9), StatisticsCell(code: "other", count: 5)])
        #expect(SmallCellSuppression.cells(["other": 3, "A": 4, "B": 0], minCell: 5) == [StatisticsCell(code: "other", count: 7)])
        #expect(SmallCellSuppression.cells(["A": 1, "B": 2], minCell: 1)
            == [StatisticsCell(code: "B", count: 2), StatisticsCell(code: "A", count: 1)])
        #expect(SmallCellSuppression.figure(0, minCell: 5) == 0)
    }

    @Test func suppressionCanBeLoweredAndThePeriodFilters() {
        let open = StatisticsBuilder.report(for: Self.caseload().records,
                                            query: StatisticsQuery(from: Self.year2026.from, to: Self.year2026.to, minCell: 1))
        #expect(open.byGender.last == GenderCell(code: "transgender", count: 1, ageMin: 27, ageMax: 27))
        #expect(open.byCitizenship.contains(StatisticsCell(code: "KG", count: 4)))
        let all = StatisticsBuilder.report(for: Self.caseload().records, query: StatisticsQuery(minCell: 1))
        #expect(all.total == 13)
        let only2025 = StatisticsBuilder.report(for: Self.caseload().records,
                                                query: StatisticsQuery(to: Fixtures.date("2025-12-31")))
        #expect(only2025.total == 1 && only2025.byGender == [GenderCell(code: "other", count: nil, ageMin: nil, ageMax: nil)])
    }

    @Test func mergedOtherGroupShowsItsAgeRangeWhenLargeEnough() {
        var people: [[FieldKey: FieldValue]] = []
        for age in [30, 31, 32] { people.append(Fixtures.person(family: "U", gender: "unknown", age: age)) }
        for age in [40, 41] { people.append(Fixtures.person(family: "T", gender: "transgender", age: age)) }
        let report = StatisticsBuilder.report(for: Fixtures.store(people).records)
        #expect(report.byGender == [GenderCell(code: "other", count: 5, ageMin: 30, ageMax: 41)])
    }

    /// Issue 12, item 10: merged small groups say what they are, in Russian and English; an open
    /// period reads "for all time".
    @Test func mergedGroupsAndAnOpenPeriodAreSaidPlainly() {
        var people: [[FieldKey: FieldValue]] = []
        for age in [30, 31] { people.append(Fixtures.person(family: "W", gender: "female", age: age)) }
        for age in [40, 41] { people.append(Fixtures.person(family: "M", gender: "male", age: age)) }
        let report = StatisticsBuilder.report(for: Fixtures.store(people).records)
        let russian = StatisticsTextRenderer.render(report, in: .ru)
        #expect(russian.contains("Статистика за всё время"))
        #expect(russian.contains("4 человека: менее 5 — в малых группах."))
        #expect(!russian.contains("другой или не указанный пол") && !russian.contains("…–…"))
        let english = StatisticsTextRenderer.render(report, in: .en)
        #expect(english.contains("Statistics for all time"))
        #expect(english.contains("4 people: a few in smaller groups (fewer than 5 in all)."))
        #expect(StatisticsTextRenderer.render(report, in: .kk).contains("4 адам: шағын топтарда <5."))
    }

    @Test func textReadsLikeTheShelterReport() {
        let report = StatisticsBuilder.report(for: Self.caseload().records, query: Self.year2026)
        let english = StatisticsTextRenderer.render(report, in: .en)
        #expect(english.contains("12 people: 6 women aged 18–23, 5 men aged 20–40, a few in smaller groups (fewer than 5 in all)."))
        #expect(english.contains("5 of them were first exploited under 18."))
        #expect(english.contains("Citizenship: Uzbekistan 6, 6 in smaller groups."))
        #expect(english.contains("Labour sector (forced labour): Agriculture 5."))
        let russian = StatisticsTextRenderer.render(report, in: .ru)
        #expect(russian.contains("12 человек: 6 женщин в возрасте 18–23 лет, 5 мужчин в возрасте 20–40 лет"))
        #expect(russian.contains("Гражданство: Узбекистан 6, в малых группах вместе 6."))
        let kazakh = StatisticsTextRenderer.render(report, in: .kk)
        #expect(kazakh.contains("12 адам: 6 әйел, жасы 18–23, 5 ер адам, жасы 20–40"))
        #expect(kazakh.contains("Азаматтығы: Өзбекстан 6, біріктірілген шағын топтарда 6."))
        #expect(kazakh.contains("Еңбек саласы (мәжбүрлі еңбек): Ауыл шаруашылығы 5."))
    }

    @Test func csvHasOneRowPerCell() {
        let report = StatisticsBuilder.report(for: Self.caseload().records, query: Self.year2026)
        let lines = StatisticsCSVRenderer.render(report).split(separator: "\r\n")
        #expect(lines.first == "\u{FEFF}dimension,code,count,suppressed,ageMin,ageMax,note")
        #expect(lines.contains("byGender,female,6,,18,23,"))
        #expect(lines.contains("byGender,other,,true,,,"))
        #expect(lines.contains("minorsAtExploitation,under18,5,,,,under 18 when first exploited"))
        #expect(lines.contains("byReferralSource,other,,true,,,"))
    }

    /// Issue 19: the file names its period, minimum group size, a code on every row, and that
    /// multiple-choice counts add up to more than the total — in the chosen language.
    @Test func csvSaysHowToReadIt() {
        let report = StatisticsBuilder.report(for: Self.caseload().records, query: Self.year2026)
        let english = StatisticsCSVRenderer.render(report).split(separator: "\r\n").map(String.init)
        #expect(english.contains("period,2026-01-01/2026-12-31,,,,,cases by intake date from 2026-01-01 to 2026-12-31"))
        #expect(english.contains { $0.hasPrefix("minCell,,\(report.minCell),") && $0.contains("suppressed") })
        #expect(english.contains { $0.hasPrefix("total,all,12,") })
        #expect(english.first { $0.hasPrefix("byExploitation,") }?
            .hasSuffix(",\"A person can have several answers here, so these counts can add up to more than the number of people.\"") == true)
        #expect(english.first { $0.hasPrefix("byLabourSector,") }?.hasSuffix(",") == true)  // one answer each
        // Episodes are counted, not people: the note says so rather than speak of a person's answers.
        #expect(english.first { $0.hasPrefix("byExploitationOfEpisodes,") }?
            .hasSuffix(",\"Episodes, not people: a person can have several episodes, and an episode several types, so these counts can add up to more than the number of people.\"") == true)
        let russian = StatisticsCSVRenderer.render(report, in: .ru)
        #expect(russian.contains("дела по дате приёма с 2026-01-01 по 2026-12-31"))
        #expect(russian.contains("У человека может быть несколько ответов, поэтому сумма может быть больше числа людей."))
        #expect(russian.contains("Эпизоды, а не люди: у человека может быть несколько эпизодов"))
        let kazakh = StatisticsCSVRenderer.render(report, in: .kk)
        #expect(kazakh.contains("Бір адамның бірнеше жауабы болуы мүмкін, сондықтан қосынды адамдар санынан көп болуы мүмкін."))
        #expect(kazakh.contains("Адамдар емес, эпизодтар:"))
        #expect(russian.hasPrefix("\u{FEFF}dimension,code,count"))  // column names stay keys for tools
    }
}
