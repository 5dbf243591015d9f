import CalendarDay
import Foundation
import Testing

/// A date is four bytes (year, month and day packed); it must read, order and encode exactly as
/// the three numbers it stands for.
@Suite struct CalendarDateTests {
    @Test func everyDayOfTwoCenturiesReadsBackAndOrdersByItsDayNumber() {
        let first = CalendarDate(year: 1900, month: 1, day: 1)!.dayNumber
        let last = CalendarDate(year: 2100, month: 12, day: 31)!.dayNumber
        var previous: CalendarDate?
        for number in first...last {
            let date = CalendarDate(dayNumber: number)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            #expect(date.dayNumber == number)
            if let previous { #expect(previous < date && !(date < previous)) }
            previous = date
        }
    }

    @Test func itIsFourBytes() {
        #expect(MemoryLayout<CalendarDate>.size == 4)
    }

    @Test func itEncodesAsYearMonthAndDay() throws {
        let date = CalendarDate(year: 2024, month: 2, day: 29)!
        let json = String(decoding: try JSONEncoder().encode(date), as: UTF8.self)
        for part in [#""year":2024"#, #""month":2"#, #""day":29"#] { #expect(json.contains(part)) }
        #expect(try JSONDecoder().decode(CalendarDate.self, from: Data(#"{"day":8,"month":3,"year":2026}"#.utf8))
                == CalendarDate(year: 2026, month: 3, day: 8))
        for broken in [#"{"day":8,"month":13,"year":2026}"#, #"{"day":0,"month":3,"year":2026}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(CalendarDate.self, from: Data(broken.utf8)) }
        }
    }
}
