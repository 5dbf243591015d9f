import Testing
@testable import CaseModel

@Suite struct SearchTests {
    @Test(arguments: [
        ("Каримова", "karimova"), ("Жанар", "ianar"), ("Zhanar", "ianar"), ("Janar", "ianar"), ("Žanar", "ianar"),
        ("Хуршида", "hursida"), ("Khurshida", "hursida"), ("Hurshida", "hursida"),
        ("Юлия", "iulia"), ("Yuliya", "iulia"), ("Julia", "iulia"),
        ("Ерлан", "erlan"), ("Yerlan", "erlan"), ("Татьяна", "tatiana"), ("Tatiana", "tatiana"),
        ("Әбілқызы", "abilkizi"), ("Abilkyzy", "abilkizi"), ("Ǵalym Öztürk", "galim ozturk"),
        ("Şahin Çelik", "sahin celik"), ("Gʻulom Oʻrinov", "gulom orinov"), ("Anna-Maria", "ana maria"),
        ("Щукина", "sukina"), ("Ҷамшед", "iamsed"), ("Dzhamshed", "iamsed"), ("Ελένη", "elene"),
        ("2026-0012", "2026 0012"),
    ])
    func foldingMakesSpellingsMeet(input: String, folded: String) {
        #expect(NameFolding.fold(input) == folded)
    }

    static let store = Fixtures.store([
        Fixtures.person(family: "Каримова", given: "Дилноза"),
        Fixtures.person(family: "Abilova", given: "Zhanar"),
        Fixtures.person(family: "Омарова", given: "Жанар"),
        Fixtures.person(family: "Nurlanova", given: "Janar"),
        Fixtures.person(family: "Petrov", given: "Ivan", gender: "male"),
    ])

    func names(_ query: String) -> [String] {
        Self.store.search(query).map { Self.store[$0]!.displayName }
    }

    @Test func latinFindsCyrillicAndBack() {
        #expect(names("karimova") == ["Каримова Дилноза"])
        #expect(names("KARIM") == ["Каримова Дилноза"])
        #expect(names("Дилноза") == ["Каримова Дилноза"])
        #expect(names("Абилова") == ["Abilova Zhanar"])
    }

    @Test func zhanarJanarAndЖанарAreOneName() {
        let all = ["Abilova Zhanar", "Омарова Жанар", "Nurlanova Janar"]
        #expect(names("Жанар") == all)
        #expect(names("zhanar") == all)
        #expect(names("janar") == all)
        #expect(names("Žanar") == all)
    }

    @Test func severalWordsMustAllMatchAndCaseNumbersAreFound() {
        #expect(names("омарова janar") == ["Омарова Жанар"])
        #expect(names("2026-0005") == ["Petrov Ivan"])
        #expect(names("0005") == ["Petrov Ivan"])
        #expect(names("").count == 5)
        #expect(names("nobody").isEmpty)
    }

    @Test func searchNarrowsIncrementally() {
        let first = Self.store.searchIndex.search("an")
        let narrowed = Self.store.searchIndex.search("anar", among: first)
        #expect(narrowed.map { Self.store.summaries[$0].id } == Self.store.search("anar"))
        #expect(narrowed.count == 3)
    }

    @Test func keysFollowNameChanges() {
        var factory = Fixtures.factory()
        let caseID: CaseID = factory.nextID()
        let before = Fixtures.person(family: "Asanova")
        var events = factory.openCase(values: before, openedOn: Fixtures.today, caseID: caseID)
        var after = before
        after[.familyName] = .text("Tokтогулова")
        after[.alias] = .text("Айка")
        events.append(factory.setFields(of: caseID, from: before, to: after)!)
        let store = CaseStore.replay(events)
        #expect(store.search("asanova").isEmpty)
        #expect(store.search("aika") == [caseID])
        #expect(store.searchIndex.key(at: 0) == "2026 0001 toktogulova aika")
    }
}

@Suite struct DuplicateFinderTests {
    static let store = Fixtures.store([
        Fixtures.person(family: "Каримова", given: "Дилноза", birth: "1998-04-10"),
        Fixtures.person(family: "Karimova", given: "Nodira", birth: "1998-04-10"),
        Fixtures.person(family: "Юсупова", given: "Дилноза", intake: "2024-01-01", age: 25),
        Fixtures.person(family: "Karimova", given: "Dilnoza", birth: "1975-01-01"),
    ])

    func numbers(_ probe: DuplicateProbe) -> [String] {
        DuplicateFinder.candidates(for: probe, in: Self.store).map(\.number.description)
    }

    @Test func findsTheSamePersonAcrossScriptsAndSmallMisspellings() {
        let probe = DuplicateProbe(names: ["Karimova", "Dilnaza"], birthDate: Fixtures.date("1999-01-01"),
                                   referenceDate: Fixtures.today)
        #expect(numbers(probe) == ["2026-0001"])  // birth year ±1; 1975 is too far; Nodira is another person
    }

    @Test func anEstimatedAgeAllowsTwoYears() {
        // Юсупова, 25 at intake in 2024 → born about 1999; probe aged 29 in 2026 → about 1997.
        let probe = DuplicateProbe(names: ["Yusupova", "Dilnoza"], ageAtIntake: 29, referenceDate: Fixtures.today)
        let found = DuplicateFinder.candidates(for: probe, in: Self.store)
        #expect(found.map(\.number.description) == ["2024-0001"])
        #expect(found.first?.birthYearDifference == 2)
        let tooOld = DuplicateProbe(names: ["Yusupova", "Dilnoza"], ageAtIntake: 31, referenceDate: Fixtures.today)
        #expect(numbers(tooOld).isEmpty)
    }

    @Test func unknownAgeStillOffersNameMatchesRankedByScore() {
        let probe = DuplicateProbe(names: ["Каримова Дилноза"], referenceDate: Fixtures.today)
        let found = DuplicateFinder.candidates(for: probe, in: Self.store)
        #expect(found.map(\.number.description) == ["2026-0001", "2026-0003"])
        #expect(found.allSatisfy { $0.matchingNames == 2 && $0.birthYearDifference == nil })
    }

    @Test func aSingleNameNeedsOnlyItselfAndSwappedNamesStillMatch() {
        #expect(numbers(DuplicateProbe(names: ["Nodira"], referenceDate: Fixtures.today)) == ["2026-0002"])
        #expect(numbers(DuplicateProbe(names: ["Dilnoza", "Karimova"], birthDate: Fixtures.date("1998-01-01"),
                                       referenceDate: Fixtures.today)) == ["2026-0001"])
    }

    @Test func probeFromFormValues() {
        let values: [FieldKey: FieldValue] = [.familyName: .text("KARIMOVA"), .givenName: .text("Dilnoza"),
                                              .birthDate: .date(Fixtures.date("1997-12-31"))]
        let probe = DuplicateProbe(values: values, referenceDate: Fixtures.today)
        #expect(DuplicateFinder.candidates(for: probe, in: Self.store).map(\.number.description) == ["2026-0001"])
    }

    @Test func editDistanceGivesUpEarly() {
        #expect(EditDistance.distance(Array("karimova".utf8), Array("karimova".utf8), limit: 2) == 0)
        #expect(EditDistance.distance(Array("dilnaza".utf8), Array("dilnoza".utf8), limit: 1) == 1)
        #expect(EditDistance.distance(Array("ab".utf8), Array("abcdef".utf8), limit: 2) == 3)
    }
}
