/// When a field is shown (XLSForm "relevant"). A field that is not relevant is hidden, skipped,
/// not validated and not counted for completeness; its stored value is kept, never erased.
public indirect enum Relevance: Sendable, Hashable {
    case always
    /// Shown when a choice field holds `code` (single or multiple choice).
    case contains(FieldKey, String)
    /// Shown unless a choice field holds `code` (the status form's reason, unless "duplicate").
    case lacks(FieldKey, String)
    /// Shown when the field has any answer.
    case answered(FieldKey)
    /// Shown while the field has no answer (an estimated age only without a birth date).
    case unanswered(FieldKey)
    /// Shown while the person is under 18 at intake (`PersonAge`: the date of birth on the intake
    /// date, else the estimated age), as the MINOR flag says: a child's consent is a guardian's.
    case minorAtIntake

    /// The fields the condition reads.
    public var referencedFields: [FieldKey] {
        switch self {
        case .always: []
        case .contains(let key, _), .lacks(let key, _), .answered(let key), .unanswered(let key): [key]
        case .minorAtIntake: [.birthDate, .ageAtIntake, .intakeDate]
        }
    }

    /// Whether the condition holds for `values`. `intakeDateOr` stands in for an unanswered intake
    /// date (a case's opening day; today for a form being typed): without either, a date of birth
    /// alone does not make a minor.
    public func isSatisfied(by values: [FieldKey: FieldValue], intakeDateOr fallback: CalendarDate? = nil) -> Bool {
        switch self {
        case .always: true
        case .contains(let key, let code): values[key]?.contains(code) ?? false
        case .lacks(let key, let code): !(values[key]?.contains(code) ?? false)
        case .answered(let key): values[key] != nil
        case .unanswered(let key): values[key] == nil
        case .minorAtIntake: Self.isMinorAtIntake(values, intakeDateOr: fallback)
        }
    }

    /// `PersonAge`'s rule on answers that may lack the intake date: the date of birth first, else
    /// the estimated age (which is the age at intake whatever the day).
    private static func isMinorAtIntake(_ values: [FieldKey: FieldValue], intakeDateOr fallback: CalendarDate?) -> Bool {
        if let birth = values[.birthDate]?.date {
            guard let day = values[.intakeDate]?.date ?? fallback else { return false }
            return birth.age(on: day) < 18
        }
        return (values[.ageAtIntake]?.number).map { $0 < 18 } ?? false
    }
}
