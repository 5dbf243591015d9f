/// A person's age as the answers give it: from the date of birth when it is known, else from the
/// age estimated at intake. The one place of these rules, for the case list, the statistics, the
/// validator and the duplicate finder.
struct PersonAge: Sendable, Hashable {
    var birthDate: CalendarDate?
    var estimatedAtIntake: Int?
    var intakeDate: CalendarDate

    /// Completed years on `day`; an estimate grows by the whole years since intake.
    func on(_ day: CalendarDate) -> Int? {
        if let birthDate { return birthDate.age(on: day) }
        guard let estimatedAtIntake else { return nil }
        return estimatedAtIntake + max(0, intakeDate.age(on: day))
    }

    /// Age in years at intake.
    var atIntake: Int? { on(intakeDate) }

    /// Year of birth, exact or estimated from the age at intake (± 1).
    var birthYear: Int? { birthDate?.year ?? estimatedAtIntake.map { intakeDate.year - $0 } }
}

extension FieldKey {
    /// The names search and the duplicate finder look at, in this order.
    static let personNames: [FieldKey] = [.familyName, .givenName, .patronymic, .alias]
}

extension [FieldKey: FieldValue] {
    /// The answered names among `FieldKey.personNames`, in that order.
    var personNames: [String] { FieldKey.personNames.compactMap { self[$0]?.text } }

    /// The intake date answered, else `fallback` (a case's opening day; today for a new form).
    func intakeDate(or fallback: CalendarDate) -> CalendarDate { self[.intakeDate]?.date ?? fallback }

    /// The person's age from these answers, `fallback` standing in for an unanswered intake date.
    func personAge(intakeDateOr fallback: CalendarDate) -> PersonAge {
        PersonAge(birthDate: self[.birthDate]?.date, estimatedAtIntake: self[.ageAtIntake]?.number,
                  intakeDate: intakeDate(or: fallback))
    }
}
