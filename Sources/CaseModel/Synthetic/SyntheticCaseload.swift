/// A realistic, entirely invented caseload for `refuge demo`, training and benchmarks.
/// Deterministic: the same seed and count give the same events, byte for byte.
///
/// Distributions follow docs/data-dictionary.md and the domain notes: about 80 % women aged
/// 18-30, mostly sexually exploited abroad (Turkey, UAE, Greece, ...); men aged 20-40 in forced
/// labour in Russia and on Kazakh farms; about 20 % first exploited under 18; citizens of
/// Uzbekistan first, then Kazakhstan, Kyrgyzstan, Tajikistan and a few others. Names are in
/// Uzbek, Kazakh, Kyrgyz, Tajik and Russian styles, a quarter of them romanised.
public struct SyntheticCaseload: Sendable {
    public let seed: UInt64
    /// Intake years, inclusive.
    public let years: ClosedRange<Int>
    public let device: DeviceID

    public static let coordinator = "coordinator"
    public static let caseworkers = ["aigul", "madina", "olga", "zarina"]

    public init(seed: UInt64, years: ClosedRange<Int> = 2020...2025) {
        self.seed = seed
        self.years = years
        var generator = SeededGenerator(seed: seed ^ 0xD1CE)
        self.device = .random(using: &generator)
    }

    /// The organisation, its users and `caseCount` cases, in merge order.
    public func events(caseCount: Int) -> [Event] {
        var all = setupEvents()
        all.reserveCapacity(caseCount * 16 + all.count)
        for index in 0..<caseCount { all += caseEvents(index: index) }
        all.sort { $0.mergeKey < $1.mergeKey }
        return all
    }

    /// The organisation and its users, dated before the first intake.
    public func setupEvents() -> [Event] {
        var generator = SeededGenerator(seed: seed)
        let start = UInt64(CalendarDate(year: years.lowerBound, month: 1, day: 1)!.dayNumber - 1) * Self.day
        var counter: UInt32 = 0
        func event(_ body: EventBody) -> Event {
            counter += 1
            return Event(id: .random(using: &generator), author: Self.coordinator,
                         time: HLCTimestamp(wallMillis: start, counter: counter), device: device, body: body)
        }
        return [event(.organisationConfigured(name: "DEMO shelter"))]
            + [event(.userAdded(name: Self.coordinator, role: .coordinator))]
            + Self.caseworkers.map { event(.userAdded(name: $0, role: .caseworker)) }
    }

    /// The 13 to 17 events of case number `index`; each case has its own random stream, so a
    /// case does not change when the count does.
    public func caseEvents(index: Int) -> [Event] {
        // Hash the index into a start state: streams started at seed + k·γ would overlap, since
        // SplitMix64 itself steps by γ.
        var mixer = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xA24B_AED4_963E_E407))
        let random = SeededGenerator(seed: mixer.next())
        var script = CaseScript(device: device, random: random, years: years)
        return script.build()
    }

    static let day: UInt64 = 86_400_000
}

/// Writes one invented case as the events a caseworker would have produced.
private struct CaseScript {
    let device: DeviceID
    var random: SeededGenerator
    let years: ClosedRange<Int>
    private var time: UInt64 = 0
    private var author = ""
    private var caseID = CaseID(high: 0, low: 0)
    private var events: [Event] = []

    init(device: DeviceID, random: SeededGenerator, years: ClosedRange<Int>) {
        self.device = device
        self.random = random
        self.years = years
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// Picks by weight: `[("UZ", 40), ("KZ", 25)]`.
    private mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0...items.reduce(0) { $0 + $1.1 } - 1)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    private mutating func emit(_ body: EventBody, after minutes: ClosedRange<Int> = 1...30) {
        time += UInt64(int(minutes)) * 60_000
        events.append(Event(id: .random(using: &random), author: author, time: HLCTimestamp(wallMillis: time),
                            device: device, body: body))
    }

    private mutating func set(_ values: [FieldKey: FieldValue], current: inout [FieldKey: FieldValue], after minutes: ClosedRange<Int> = 1...30) {
        var next = current
        for (key, value) in values { next[key] = value }
        let changes = EventFactory.changes(from: current, to: next)
        current = next
        if !changes.isEmpty { emit(.fieldsSet(caseID: caseID, changes: changes), after: minutes) }
    }

    mutating func build() -> [Event] {
        caseID = .random(using: &random)
        author = pick(SyntheticCaseload.caseworkers)
        let year = int(years.lowerBound...years.upperBound)
        let intake = CalendarDate(year: year, month: int(1...12), day: int(1...28))!
        time = UInt64(intake.dayNumber) * SyntheticCaseload.day + 9 * 3_600_000

        let woman = chance(80)
        let gender = woman ? "female" : (chance(97) ? "male" : pick(["transgender", "unknown"]))
        let citizenship = weighted([("UZ", 40), ("KZ", 25), ("KG", 15), ("TJ", 12), ("MD", 2), ("UA", 2),
                                    ("BY", 1), ("RU", 2), ("TM", 1)])
        let style: NamePools.Style = switch citizenship {
        case "UZ", "TM": chance(90) ? .uzbek : .russian
        case "KZ": chance(80) ? .kazakh : .russian
        case "KG": chance(90) ? .kyrgyz : .russian
        case "TJ": .tajik
        default: .russian
        }
        let pool = NamePools.pool(style)
        var family = pick(pool.family)
        var given = pick(woman ? pool.female : pool.male)
        if woman { family = NamePools.feminine(family) }
        if chance(25) {
            family = NamePools.romanised(family)
            given = NamePools.romanised(given)
        }
        let age = woman ? (chance(92) ? int(18...30) : int(31...45)) : int(20...40)
        let minorAtExploitation = chance(20)
        let ageAtExploitation = minorAtExploitation ? int(13...17) : max(18, age - int(0...3))

        emit(.caseOpened(caseID: caseID, openedOn: intake), after: 0...5)
        var values: [FieldKey: FieldValue] = [:]
        var identity: [FieldKey: FieldValue] = [
            .familyName: .text(family), .givenName: .text(given), .gender: .code(gender),
            .citizenship: .codes([citizenship]),
            .languages: .codes(Array(Set([languageCode(citizenship), "rus"])).sorted()),
        ]
        if chance(60) {
            let birth = CalendarDate(year: intake.year - age - 1, month: int(1...12), day: int(1...28))!
            identity[.birthDate] = .date(birth.age(on: intake) > age ? birth.adding(years: 1) : birth)
        } else {
            identity[.ageAtIntake] = .number(age)
        }
        if style == .russian || chance(30) { identity[.patronymic] = .text(pick(["Алишеровна", "Сергеевна", "Бахтиёровна", "Маратовна", "Ивановна"])) }
        set(identity, current: &values)

        var consent: [FieldKey: FieldValue] = [:]
        for key in [FieldKey.consentToInterview, .informedOfPurpose, .informedOfUse, .informedOfResearchUse,
                    .informedOfRightToAccess, .informedOfStoragePeriod, .informedOfWithdrawal] {
            consent[key] = .code("yes")
        }
        consent[.consentToStatistics] = .code(chance(95) ? "yes" : "no")
        consent[.consentToShareWithPartners] = .code(chance(70) ? "yes" : "no")
        set(consent, current: &values)

        set(situation(woman: woman, citizenship: citizenship, ageAtExploitation: ageAtExploitation, age: age),
            current: &values, after: 10...60)

        let referralSource = weighted([("police", 30), ("ngo", 25), ("hotline", 15), ("embassy", 10), ("iom", 10),
                                       ("self", 5), ("family", 3), ("medical", 2)])
        set([.referralSource: .code(referralSource),
             .referralDate: .date(CalendarDate(dayNumber: intake.dayNumber - int(0...5))),
             .intakeDate: .date(intake), .admissionDate: .date(intake),
             .assignedCaseworker: .text(author)], current: &values)

        emit(.serviceRecorded(caseID: caseID, service: ServiceEntry(kind: .shelterAdmission, date: intake)))
        emit(.recordViewed(caseID: caseID), after: 60...600)
        emit(.noteAdded(caseID: caseID, text: pick(Self.notes)), after: 60...1440)
        emit(.serviceRecorded(caseID: caseID, service: ServiceEntry(
            kind: .medical, date: CalendarDate(dayNumber: intake.dayNumber + int(1...7)), note: "")), after: 1440...10_000)
        emit(.serviceRecorded(caseID: caseID, service: ServiceEntry(
            kind: .psychological, date: CalendarDate(dayNumber: intake.dayNumber + int(2...14)))), after: 1440...10_000)
        set([.maritalStatus: .code(weighted([("single", 55), ("married", 15), ("divorced", 20), ("widowed", 5), ("separated", 5)])),
             .numberOfChildren: .number(weighted([(0, 50), (1, 25), (2, 15), (3, 10)])),
             .education: .code(weighted([("isced1", 10), ("isced2", 30), ("isced3", 40), ("isced4", 10), ("isced6", 10)]))],
            current: &values, after: 1440...20_000)
        if chance(60) {
            emit(.serviceRecorded(caseID: caseID, service: ServiceEntry(
                kind: pick([.legal, .documentsRecovery]), date: CalendarDate(dayNumber: intake.dayNumber + int(7...40)))),
                 after: 1440...20_000)
        }
        if chance(70) { emit(.noteAdded(caseID: caseID, text: pick(Self.notes)), after: 1440...20_000) }
        if chance(50) {
            emit(.referralMade(caseID: caseID, referral: ReferralEntry(
                organisationType: pick(["legalAid", "iom", "embassy", "medical", "employment"]),
                date: CalendarDate(dayNumber: intake.dayNumber + int(10...60)), reason: "Follow-up support")),
                 after: 1440...20_000)
        }
        emit(.recordViewed(caseID: caseID), after: 60...20_000)
        // About one person in ten is still in the shelter: a training file needs active cases.
        guard chance(90) else { return events }
        let stay = int(30...120)
        emit(.serviceRecorded(caseID: caseID, service: ServiceEntry(
            kind: .shelterDischarge, date: CalendarDate(dayNumber: intake.dayNumber + stay))), after: 1440...(stay * 1440))
        emit(.statusChanged(caseID: caseID, status: .followUp, reason: "Left the shelter"), after: 1...60)
        if chance(60) {
            emit(.statusChanged(caseID: caseID, status: chance(80) ? .closed : .closedReferred,
                                reason: "Reintegrated"), after: 20_000...200_000)
        }
        return events
    }

    private mutating func situation(woman: Bool, citizenship: String, ageAtExploitation: Int, age: Int) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [
            .traffickingStatus: .code(weighted([("actual", 85), ("possible", 15)])),
            .statusDecidedBy: .code(weighted([("police", 50), ("ngo", 35), ("courtOrProsecution", 10), ("otherGovernment", 5)])),
            .ageAtExploitation: .number(min(ageAtExploitation, age)),
            .exploitationMonths: .number(int(1...36)),
            .abduction: .code(weighted([("no", 85), ("yes", 5), ("unknown", 10)])),
            .recruitmentMethods: .codes([weighted([("jobOffer", 60), ("socialNetwork", 20), ("friendsOrFamily", 10),
                                                    ("marriageOrPartner", 7), ("abduction", 3)])]),
            .recruiterRelation: .codes([weighted([("friend", 30), ("other", 40), ("family", 10),
                                                   ("intimatePartner", 10), ("unknown", 10)])]),
            .meansOfControl: .codes(Array(Set([pick(["withholdsDocuments", "debtBondage", "threats"]),
                                               pick(["restrictsMovement", "takesEarnings", "physicalAbuse",
                                                     "psychologicalAbuse", "falsePromises"])])).sorted()),
        ]
        if woman && chance(85) {
            values[.exploitationTypes] = .codes(["sexualExploitation"])
            values[.sexualExploitationType] = .code(weighted([("prostitution", 85), ("privateSexualServices", 10), ("pornography", 5)]))
            values[.countriesOfExploitation] = .codes([weighted([("TR", 35), ("AE", 25), ("GR", 10), ("PH", 5), ("RU", 10),
                                                                 ("KZ", 10), ("CY", 3), ("KR", 2)])])
            values[.countriesOfTransit] = .codes([pick(["KZ", "RU", "TR"])])
        } else {
            values[.exploitationTypes] = .codes(woman ? ["forcedLabour", "servitude"] : ["forcedLabour"])
            values[.labourSector] = .code(woman ? pick(["domesticWork", "hospitality"])
                : weighted([("agriculture", 50), ("construction", 35), ("manufacturing", 10), ("transportation", 5)]))
            values[.countriesOfExploitation] = .codes([weighted([("RU", 55), ("KZ", 40), ("TR", 5)])])
        }
        values[.countriesOfRecruitment] = .codes([citizenship])
        return values
    }

    private func languageCode(_ citizenship: String) -> String {
        switch citizenship {
        case "UZ": "uzb"
        case "KZ": "kaz"
        case "KG": "kir"
        case "TJ": "tgk"
        case "TM": "tuk"
        case "UA": "ukr"
        case "MD": "ron"
        default: "rus"
        }
    }

    private static let notes = [
        "Прошла первичный медосмотр, жалоб нет.",
        "Беседа с психологом, спит плохо.",
        "Родственники в курсе, просит не сообщать бывшему работодателю.",
        "Documents requested from the consulate.",
        "Интересуется курсами швейного дела.",
        "Attended group session; calmer.",
    ]
}
