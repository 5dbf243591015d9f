import Foundation
@testable import CaseModel

/// Shared test data: a fixed "today" and helpers that build events without wall-clock time.
enum Fixtures {
    static let today = CalendarDate(year: 2026, month: 6, day: 15)!
    static let context = ValidationContext(today: today)
    static let device = DeviceID(high: 1, low: 1)

    static func date(_ iso: String) -> CalendarDate {
        guard case .success(let date) = DateParser.parse(iso) else { fatalError("bad date \(iso)") }
        return date
    }

    /// A factory whose wall clock stands still at `millis` (the HLC counter orders its events).
    static func factory(author: String = "aigul", seed: UInt64 = 1, millis: UInt64 = 1_750_000_000_000,
                        device: DeviceID = device) -> EventFactory {
        EventFactory(author: author, device: device, seed: seed, wallMillis: { millis })
    }

    static func person(family: String? = nil, given: String? = nil, gender: String = "female",
                       intake: String = "2026-03-01", age: Int? = nil, birth: String? = nil,
                       citizenship: [String] = [], exploitation: [String] = [], sector: String? = nil,
                       countries: [String] = [], ageAtExploitation: Int? = nil, referral: String? = nil)
        -> [FieldKey: FieldValue]
    {
        var values: [FieldKey: FieldValue] = [.gender: .code(gender), .intakeDate: .date(date(intake))]
        if let family { values[.familyName] = .text(family) }
        if let given { values[.givenName] = .text(given) }
        if let age { values[.ageAtIntake] = .number(age) }
        if let birth { values[.birthDate] = .date(date(birth)) }
        if !citizenship.isEmpty { values[.citizenship] = .codes(citizenship) }
        if !exploitation.isEmpty { values[.exploitationTypes] = .codes(exploitation) }
        if let sector { values[.labourSector] = .code(sector) }
        if !countries.isEmpty { values[.countriesOfExploitation] = .codes(countries) }
        if let ageAtExploitation { values[.ageAtExploitation] = .number(ageAtExploitation) }
        if let referral { values[.referralSource] = .code(referral) }
        return values
    }

    /// A store holding one case per entry of `people`.
    static func store(_ people: [[FieldKey: FieldValue]], statuses: [CaseStatus] = []) -> CaseStore {
        var factory = factory()
        var events: [Event] = []
        for (index, values) in people.enumerated() {
            let caseID: CaseID = factory.nextID()
            events += factory.openCase(values: values, openedOn: today, caseID: caseID)
            if index < statuses.count, statuses[index] != .active {
                events.append(factory.make(.statusChanged(caseID: caseID, status: statuses[index], reason: "test")))
            }
        }
        return CaseStore.replay(events)
    }
}
