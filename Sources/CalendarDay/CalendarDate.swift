import Foundation

/// A day in the Gregorian calendar with no time and no time zone: birth dates, intake dates. The
/// same day wherever it is read; ages and bands are derived when reporting. One type for the forms
/// (ScreenKit, which adds typing a date) and the case model (CaseModel).
///
/// Stored as one 32-bit number, year, month and day packed so that numeric order is calendar
/// order: a caseload holds millions of dates (every case's summary, follow-up and answer), and
/// four bytes a date instead of three words keeps a 200,000-case open within its memory target
/// (docs/performance.md).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// year << 9 | month << 5 | day: month and day fit in the low 9 bits.
    private let packed: Int32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int((packed >> 5) & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// Returns nil for a day that does not exist (31.02, 29.02 of a common year, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// A day already known to exist, from the calendar's own arithmetic.
    private init(checkedYear year: Int, month: Int, day: Int) {
        packed = Int32(clamping: year) << 9 | Int32(month) << 5 | Int32(day)
    }

    /// The calendar day of `date` in `timeZone`.
    public init(_ date: Date, timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(checkedYear: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Days in a month, with the Gregorian leap-year rule.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// ISO 8601 form, `2026-03-08`: used in CSV, JSON and statistics.
    public var iso: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The form caseworkers type and read, `08.03.2026`.
    public var dotted: String {
        pad(day, 2) + "." + pad(month, 2) + "." + pad(year, 4)
    }

    public var description: String { iso }

    /// Completed years from `self` (a birth date) to `date`.
    public func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// The same day `years` later (29.02 becomes 28.02 in a common year).
    public func adding(years: Int) -> CalendarDate {
        let newYear = year + years
        return CalendarDate(year: newYear, month: month, day: min(day, Self.daysIn(month: month, year: newYear)))!
    }

    /// Days since 1970-01-01 (proleptic Gregorian): for date arithmetic without Foundation.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(checkedYear: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: doy - (153 * mp + 2) / 5 + 1)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.packed < rhs.packed }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// The form dates had when they were three stored numbers (drafts and snapshots hold it): year,
/// month and day by name.
extension CalendarDate: Codable {
    private enum CodingKeys: String, CodingKey { case year, month, day }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .year)
        let month = try container.decode(Int.self, forKey: .month)
        let day = try container.decode(Int.self, forKey: .day)
        guard (1...12).contains(month), (1...31).contains(day), abs(year) < 1 << 22 else {
            throw DecodingError.dataCorruptedError(forKey: .day, in: container, debugDescription: "not a calendar day")
        }
        self.init(checkedYear: year, month: month, day: day)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(day, forKey: .day)
    }
}
