import Testing
@testable import CaseModel

@Suite struct ValidationTests {
    let schema = IntakeSchema.standard
    let validator = CaseValidator(context: Fixtures.context)

    func problems(_ values: [FieldKey: FieldValue]) -> [ValidationIssue.Problem] {
        validator.validate(values).map(\.problem)
    }

    func parse(_ input: String, _ key: FieldKey) -> FieldInputParser.Parsed {
        FieldInputParser.parse(input, for: schema.field(key)!)
    }

    // MARK: dates

    @Test(arguments: [("08.03.2026", "2026-03-08"), ("8.3.2026", "2026-03-08"), ("2026-03-08", "2026-03-08"),
                      (" 29.02.2024 ", "2024-02-29"), ("31.12.1999", "1999-12-31")])
    func readsDottedAndISODates(input: String, iso: String) {
        #expect(parse(input, .birthDate).value == .date(Fixtures.date(iso)))
    }

    @Test(arguments: ["08/03/2026", "8.3.26", "2026-3", "вчера", "08.03.2026.", "2026-03-08T10:00", "١٢.٠٣.٢٠٢٦"])
    func refusesUnreadableDates(input: String) {
        let parsed = parse(input, .birthDate)
        #expect(parsed.value == nil)
        guard case .unreadableDate = parsed.issues.first?.problem else {
            Issue.record("\(input): \(parsed.issues)")
            return
        }
    }

    @Test(arguments: ["31.02.2026", "29.02.2025", "2026-13-01", "00.01.2026", "31.04.2026"])
    func refusesImpossibleDates(input: String) {
        #expect(parse(input, .intakeDate).issues.map(\.problem) == [.impossibleDate(input)])
        #expect(ValidationIssue(field: .intakeDate, problem: .impossibleDate(input)).message(in: .ru).contains("Такого дня нет"))
    }

    @Test func refusesFutureDates() {
        let tomorrow = Fixtures.date("2026-06-16")
        #expect(problems([.familyName: .text("A"), .gender: .code("female"), .intakeDate: .date(tomorrow)])
            == [.futureDate(tomorrow)])
        #expect(problems([.familyName: .text("A"), .gender: .code("female"), .intakeDate: .date(Fixtures.today)]).isEmpty)
    }

    @Test func refusesBirthDatesGivingAnAgeOver110() {
        let old = Fixtures.date("1915-06-14")  // 111 today
        #expect(problems([.alias: .text("A"), .gender: .code("male"), .birthDate: .date(old)])
            == [.ageAboveMaximum(age: 111, maximum: 110)])
        #expect(problems([.alias: .text("A"), .gender: .code("male"), .birthDate: .date(Fixtures.date("1916-06-15"))]).isEmpty)
    }

    @Test func refusesAnAgeAtExploitationAboveTheCurrentAge() {
        let base: [FieldKey: FieldValue] = [.givenName: .text("A"), .gender: .code("female"),
                                            .birthDate: .date(Fixtures.date("2006-06-16"))]  // 19 today
        var values = base
        values[.ageAtExploitation] = .number(20)
        #expect(problems(values) == [.exploitationAgeAboveCurrentAge(ageAtExploitation: 20, currentAge: 19)])
        values[.ageAtExploitation] = .number(19)
        #expect(problems(values).isEmpty)
        // Without a birth date: estimated age at intake plus the years since.
        let estimated: [FieldKey: FieldValue] = [.givenName: .text("A"), .gender: .code("female"), .ageAtIntake: .number(20),
                                                 .intakeDate: .date(Fixtures.date("2024-01-01")), .ageAtExploitation: .number(23)]
        #expect(problems(estimated) == [.exploitationAgeAboveCurrentAge(ageAtExploitation: 23, currentAge: 22)])
    }

    @Test func refusesAnAdmissionBeforeIntake() {
        let values: [FieldKey: FieldValue] = [.givenName: .text("A"), .gender: .code("female"),
                                              .intakeDate: .date(Fixtures.date("2026-03-10")),
                                              .admissionDate: .date(Fixtures.date("2026-03-09"))]
        let issues = validator.validate(values)
        #expect(issues.map(\.field) == [.admissionDate])
        #expect(issues.first?.message(in: .en) == "9 Mar 2026 is before “Intake date” (10 Mar 2026).")
        #expect(issues.first?.message(in: .kk) == "09.03.2026 күні «Қабылдау күні» (10.03.2026) күнінен ерте.")
        #expect(issues.first?.message(in: .ru) == "09.03.2026 раньше, чем «Дата приёма» (10.03.2026).")
    }

    // MARK: text

    @Test func stripsControlCharactersAndWarns() {
        let parsed = parse("Kari\u{0}mo\u{7}va\u{202E}", .familyName)
        #expect(parsed.value == .text("Karimova"))
        #expect(parsed.issues.map(\.problem) == [.controlCharactersRemoved])
        #expect(parsed.issues.first?.severity == .warning)
        #expect(!parsed.hasErrors)
    }

    @Test func oneLineFieldsTurnTabsAndLineBreaksIntoSingleSpaces() {
        #expect(parse("  Dilnoza\t\tKarimova\r\n  ", .familyName).value == .text("Dilnoza Karimova"))
        #expect(parse("Dilnoza\t\tKarimova", .familyName).issues.isEmpty)
    }

    @Test func longTextKeepsLineBreaksAndNormalisesThem() {
        #expect(parse("line one  \r\nline\ttwo\rthree", .riskNotes).value == .text("line one\nline two\nthree"))
    }

    @Test func rawControlCharactersInStoredValuesAreRefused() {
        let values: [FieldKey: FieldValue] = [.familyName: .text("A\u{1B}[2J"), .gender: .code("female")]
        #expect(problems(values) == [.controlCharacters])
        #expect(problems([.familyName: .text("A\nB"), .gender: .code("female")]) == [.controlCharacters])
        #expect(problems([.riskNotes: .text("A\nB"), .familyName: .text("A"), .gender: .code("female")]).isEmpty)
    }

    @Test func refusesTextOverTheFieldsMaximumLength() {
        let long = String(repeating: "Ж", count: 101)
        #expect(parse(long, .familyName).issues.map(\.problem) == [.tooLong(length: 101, maximum: 100)])
        #expect(parse(String(long.dropFirst()), .familyName).value != nil)
        #expect(problems([.familyName: .text(long), .gender: .code("female")]) == [.tooLong(length: 101, maximum: 100)])
    }

    // MARK: codes and numbers

    @Test func refusesUnknownCodes() {
        #expect(parse("femme", .gender).issues.map(\.problem) == [.unknownCode("femme")])
        #expect(parse("UZ;XX", .citizenship).issues.map(\.problem) == [.unknownCode("XX")])
        #expect(parse("female;male", .gender).hasErrors)
        #expect(problems([.familyName: .text("A"), .gender: .code("woman")]) == [.unknownCode("woman")])
        #expect(problems([.familyName: .text("A"), .gender: .code("female"), .citizenship: .codes(["ZZ"])]) == [.unknownCode("ZZ")])
    }

    @Test func normalisesCodeSpellingAndDuplicates() {
        #expect(parse(" Female ", .gender).value == .code("female"))
        #expect(parse("uz; kz;UZ", .citizenship).value == .codes(["UZ", "KZ"]))
        #expect(parse("forcedLabour,sexualExploitation", .exploitationTypes).value == .codes(["forcedLabour", "sexualExploitation"]))
    }

    @Test func refusesNonNumbersAndOutOfRangeNumbers() {
        #expect(parse("двадцать", .ageAtIntake).issues.map(\.problem) == [.notANumber("двадцать")])
        #expect(problems([.alias: .text("A"), .gender: .code("female"), .ageAtIntake: .number(111)]) == [.outOfRange(111, 0...110)])
    }

    @Test func wrongKindOfValueIsRefused() {
        #expect(problems([.alias: .text("A"), .gender: .text("female")]) == [.wrongKind])
    }

    // MARK: what a first save needs

    @Test func aFirstSaveNeedsANameOrAliasAndGender() {
        #expect(problems([:]) == [.nameRequired, .required])
        #expect(problems([.gender: .code("female")]) == [.nameRequired])
        #expect(problems([.alias: .text("Red scarf")]) == [.required])
        for key in [FieldKey.familyName, .givenName, .alias] {
            #expect(problems([key: .text("X"), .gender: .code("unknown")]).isEmpty)
        }
    }

    @Test func irrelevantFieldsAreNotValidatedButKept() {
        let values: [FieldKey: FieldValue] = [.alias: .text("A"), .gender: .code("female"),
                                              .exploitationTypes: .codes(["sexualExploitation"]),
                                              .labourSector: .code("nonsense")]
        #expect(problems(values).isEmpty)
    }

    @Test func everyMessageExistsInEnglishRussianAndKazakh() {
        let all: [ValidationIssue.Problem] = [
            .unreadableDate("x"), .impossibleDate("x"), .futureDate(Fixtures.today), .ageAboveMaximum(age: 120, maximum: 110),
            .exploitationAgeAboveCurrentAge(ageAtExploitation: 30, currentAge: 20),
            .dateBefore(Fixtures.today, otherLabel: LocalizedText("field.intakeDate"), otherDate: Fixtures.today),
            .controlCharactersRemoved, .controlCharacters, .tooLong(length: 5, maximum: 4), .unknownCode("x"),
            .notANumber("x"), .outOfRange(5, 0...4), .wrongKind, .nameRequired, .required,
        ]
        for problem in all {
            let issue = ValidationIssue(field: nil, problem: problem)
            #expect(!issue.message(in: .en).isEmpty && issue.message(in: .ru) != issue.message(in: .en))
            #expect(!issue.message(in: .kk).isEmpty && issue.message(in: .kk) != issue.message(in: .ru))
        }
    }
}
