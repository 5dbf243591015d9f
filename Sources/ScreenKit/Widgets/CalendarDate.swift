@_exported import CalendarDay
import Foundation

/// What a date field needs of the shared `CalendarDate` (module CalendarDay): reading what was
/// typed, and today. It shows dates `dotted`, the form used in Kazakhstan and Russia.
extension CalendarDate {
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

    /// Today on this computer's calendar. Apps and tests inject their own "today" where it matters.
    public static func today() -> CalendarDate { CalendarDate(Date()) }
}
