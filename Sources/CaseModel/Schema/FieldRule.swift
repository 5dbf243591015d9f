/// A validation rule attached to a field in the schema. The checks themselves live in
/// `CaseValidator`; messages come from `ValidationIssue`.
public enum FieldRule: Sendable, Hashable {
    /// A number must lie in the range.
    case range(ClosedRange<Int>)
    /// A date may not lie after today.
    case notInFuture
    /// A birth date may not make the person older than this many years.
    case maximumAge(Int)
    /// A date may not lie before the date in another field (admission before intake).
    case notBefore(FieldKey)
    /// An age may not exceed the person's current age (age at exploitation).
    case notAboveCurrentAge
}
