import Testing
@testable import CaseModel

@Suite struct SyntheticTests {
    static let caseload = SyntheticCaseload(seed: 2026)
    static let events = caseload.events(caseCount: 1_000)
    static let store = CaseStore.replay(events)

    @Test func sameSeedSameEvents() {
        #expect(SyntheticCaseload(seed: 2026).events(caseCount: 50) == Self.caseload.events(caseCount: 50))
        #expect(SyntheticCaseload(seed: 7).events(caseCount: 50) != Self.caseload.events(caseCount: 50))
        #expect(Self.caseload.caseEvents(index: 3) == SyntheticCaseload(seed: 2026).caseEvents(index: 3))
    }

    @Test func idsAreUnique() {
        #expect(Set(Self.events.map(\.id)).count == Self.events.count)
        #expect(Set(Self.store.records.map(\.id)).count == 1_000)
    }

    @Test func everyCaseReplaysCleanlyAndValidates() {
        #expect(Self.store.records.count == 1_000)
        #expect(Self.store.orphans.isEmpty && Self.store.unrecognised.isEmpty)
        #expect(Self.store.users.count == 5 && Self.store.organisationName == "DEMO shelter")
        let perCase = Double(Self.events.count - 6) / 1_000
        #expect((13...17).contains(perCase))
        let validator = CaseValidator(context: ValidationContext(today: CalendarDate(year: 2027, month: 1, day: 1)!))
        for record in Self.store.records {
            #expect(validator.validate(record.values).isEmpty, "\(record.number): \(validator.validate(record.values))")
        }
    }

    @Test func distributionsLookLikeTheShelter() {
        let cases = Array(Self.store.records)
        func share(_ predicate: (CaseRecord) -> Bool) -> Double {
            Double(cases.filter(predicate).count) / Double(cases.count)
        }
        #expect((0.75...0.85).contains(share { $0[.gender] == .code("female") }))
        #expect((0.15...0.25).contains(share { $0.isMinorAtExploitation }))
        #expect((0.35...0.45).contains(share { $0[.citizenship]?.contains("UZ") == true }))
        let women = cases.filter { $0[.gender] == .code("female") }
        let youngWomen = women.filter { ($0.ageAtIntake ?? 0) >= 18 && ($0.ageAtIntake ?? 0) <= 30 }
        #expect(Double(youngWomen.count) / Double(women.count) > 0.85)
        let men = cases.filter { $0[.gender] == .code("male") }
        #expect(men.allSatisfy { $0[.exploitationTypes]?.contains("forcedLabour") == true })
        #expect(men.allSatisfy { (20...40).contains($0.ageAtIntake ?? 0) })
        #expect(share { $0[.familyName]?.text?.unicodeScalars.first.map { $0.value < 0x80 } == true } > 0.15)
    }

    @Test func syntheticNamesAreFoundAcrossScripts() {
        let latin = Self.store.records.first { $0[.familyName]?.text?.hasPrefix("Karimova") == true }
        let cyrillic = Self.store.records.first { $0[.familyName]?.text == "Каримова" }
        #expect(latin != nil && cyrillic != nil)
        let found = Set(Self.store.search("Каримова"))
        #expect(found.contains(latin!.id) && found.contains(cyrillic!.id))
    }

    @Test func everySyntheticEventSurvivesTheCodec() {
        for event in Self.events.prefix(3_000) {
            let (type, payload) = EventCodec.encode(event)
            #expect(EventCodec.decode(recordType: type, payload: payload) == .event(event))
        }
    }
}
