/// What is known about a person at intake, to look for earlier cases of the same person.
public struct DuplicateProbe: Sendable {
    public var names: [String]
    public var birthDate: CalendarDate?
    public var ageAtIntake: Int?
    /// The day the age refers to (usually today).
    public var referenceDate: CalendarDate

    public init(names: [String], birthDate: CalendarDate? = nil, ageAtIntake: Int? = nil, referenceDate: CalendarDate) {
        self.names = names
        self.birthDate = birthDate
        self.ageAtIntake = ageAtIntake
        self.referenceDate = referenceDate
    }

    /// The probe for a form being filled in.
    public init(values: [FieldKey: FieldValue], referenceDate: CalendarDate) {
        self.init(names: values.personNames, birthDate: values[.birthDate]?.date,
                  ageAtIntake: values[.ageAtIntake]?.number, referenceDate: values.intakeDate(or: referenceDate))
    }

    /// The age rules applied to the probe, the reference date standing for the intake date.
    var personAge: PersonAge { PersonAge(birthDate: birthDate, estimatedAtIntake: ageAtIntake, intakeDate: referenceDate) }
}

/// An earlier case that may be the same person, with why it was offered.
public struct DuplicateCandidate: Sendable, Hashable {
    public let caseID: CaseID
    public let number: CaseNumber
    /// Name words of the probe found (exactly or nearly) among the case's names.
    public let matchingNames: Int
    /// Difference of birth years; nil when either side's age is unknown.
    public let birthYearDifference: Int?
    /// Higher is more likely: name matches first, then closeness of birth year.
    public let score: Int
}

/// Finds possible earlier cases of the same person: people are trafficked again, and a
/// returning client must not become a stranger. Names are compared after `NameFolding`, with a
/// small edit distance (1 for 4-7 letters, 2 from 8); the birth year must agree within one year
/// (two when either side is an estimated age) when both are known.
public enum DuplicateFinder {
    public static func candidates(for probe: DuplicateProbe, in store: CaseStore, limit: Int = 10) -> [DuplicateCandidate] {
        let probeWords = uniqueWords(probe.names)
        guard !probeWords.isEmpty else { return [] }
        let needed = min(2, probeWords.count)
        let probeYear = probe.personAge.birthYear
        let probeExact = probe.birthDate != nil
        var found: [DuplicateCandidate] = []
        // The summaries, not the cases: a case file opened or an intake checked decodes no other case.
        for (position, summary) in store.summaries.enumerated() {
            let caseWords = store.searchIndex.nameWords(at: position)
            let matching = matchCount(probeWords, caseWords)
            guard matching >= needed else { continue }
            var difference: Int?
            if let probeYear, let caseYear = summary.personAge.birthYear {
                let tolerance = probeExact && summary.personAge.birthDate != nil ? 1 : 2
                let gap = abs(probeYear - caseYear)
                guard gap <= tolerance else { continue }
                difference = gap
            }
            let score = matching * 10 + (difference.map { 5 - $0 } ?? 0)
            found.append(DuplicateCandidate(caseID: summary.id, number: summary.number, matchingNames: matching,
                                            birthYearDifference: difference, score: score))
        }
        found.sort { ($0.score, $1.number) > ($1.score, $0.number) }
        return Array(found.prefix(limit))
    }

    private static func uniqueWords(_ names: [String]) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        var words: [[UInt8]] = []
        for name in names {
            for word in NameFolding.words(name) where word.count > 1 && seen.insert(word).inserted {
                words.append(word)
            }
        }
        return words
    }

    /// Probe words that match a distinct case word, allowing a few spelling differences.
    private static func matchCount(_ probe: [[UInt8]], _ candidate: [[UInt8]]) -> Int {
        var used = Set<Int>()
        var count = 0
        for word in probe {
            let tolerance = EditDistance.tolerance(forLength: word.count)
            if let index = candidate.indices.first(where: { !used.contains($0)
                && EditDistance.distance(word, candidate[$0], limit: tolerance) <= tolerance })
            {
                used.insert(index)
                count += 1
            }
        }
        return count
    }
}

extension DuplicateFinder {
    /// Cases opened on another laptop that may register the same person as `record`, neither yet
    /// linked to the other: each laptop's intake could look only at the cases it had then. Every
    /// laptop with the same events offers the same cases.
    public static func acrossLaptops(of record: CaseRecord, in store: CaseStore) -> [DuplicateCandidate] {
        let probe = DuplicateProbe(values: record.values, referenceDate: record.intakeDate)
        return candidates(for: probe, in: store).filter { candidate in
            guard let other = store[candidate.caseID] else { return false }
            return other.id != record.id && other.openedByDevice != record.openedByDevice
                && other.duplicateOf != record.id && record.duplicateOf != other.id
        }
    }
}
