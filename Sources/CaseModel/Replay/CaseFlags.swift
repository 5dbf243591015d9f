/// Markers shown next to a case, derived from its state on every change.
public struct CaseFlags: Codable, OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Some consent was withdrawn: check before any sharing.
    public static let consentWithdrawn = CaseFlags(rawValue: 1 << 0)
    /// First exploited under 18.
    public static let minorAtExploitation = CaseFlags(rawValue: 1 << 1)
    /// Under 18 at intake: child-protection procedures apply.
    public static let minorAtIntake = CaseFlags(rawValue: 1 << 2)
    /// Not every reporting field is filled.
    public static let incomplete = CaseFlags(rawValue: 1 << 3)
    /// Two devices changed a field from different values: someone must choose the right one.
    public static let conflictingEdits = CaseFlags(rawValue: 1 << 4)
    /// The person said no to anonymous statistics: left out of every report.
    public static let noStatisticsConsent = CaseFlags(rawValue: 1 << 5)
    /// The latest risk assessment rates a risk high.
    public static let highRisk = CaseFlags(rawValue: 1 << 6)
    /// The latest risk assessment says the person is in immediate danger.
    public static let immediateDanger = CaseFlags(rawValue: 1 << 7)
}
