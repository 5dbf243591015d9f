import Foundation

/// A day in the calendar, with no time and no time zone: a date of birth or of arrival is the
/// same day wherever it is read.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Nil for an impossible date such as 31.02.2026.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `dd.mm.yyyy`, `d.m.yyyy` and `yyyy-mm-dd`; nil for other text and impossible dates.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func numbers(_ separator: Character) -> [Int]? {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
            let values = parts.compactMap { Int($0) }
            return values.count == 3 ? values : nil
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if let n = numbers("."), parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 {
            self.init(year: n[2], month: n[1], day: n[0])
        } else if let n = numbers("-"), trimmed.split(separator: "-")[0].count == 4 {
            self.init(year: n[0], month: n[1], day: n[2])
        } else {
            return nil
        }
    }

    /// `dd.mm.yyyy`, the form used in Kazakhstan and Russia.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yyyy = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(two(day)).\(two(month)).\(yyyy)"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today on this computer's calendar. Apps and tests inject their own "today" where it matters.
    public static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
