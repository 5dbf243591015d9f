import Foundation

/// What validation needs to know about "now". Injected, so tests can fix today's date.
public struct ValidationContext: Sendable, Hashable {
    public let today: CalendarDate

    public init(today: CalendarDate) { self.today = today }

    /// Today in the given time zone (the laptop's, by default).
    public static func current(timeZone: TimeZone = .current, now: Date = Date()) -> ValidationContext {
        ValidationContext(today: CalendarDate(now, timeZone: timeZone))
    }
}
