import Testing
import Terminal
@testable import ScreenKit

@Suite struct DateNumberFieldTests {
    let today = CalendarDate(year: 2026, month: 3, day: 8)!

    @Test func parsesTheThreeFormsAndRejectsImpossibleDates() {
        #expect(CalendarDate(parsing: "08.03.2026") == today)
        #expect(CalendarDate(parsing: "8.3.2026") == today)
        #expect(CalendarDate(parsing: "2026-03-08") == today)
        #expect(CalendarDate(parsing: "29.02.2024") != nil)
        for bad in ["31.02.2026", "29.02.2026", "31.04.2026", "00.01.2026", "1.13.2026", "8.3.26", "2026-3", "", "abc", "08.03.2026.1", "１.３.2026"] {
            #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(today.dotted == "08.03.2026")
        #expect(CalendarDate(year: 2026, month: 12, day: 31)! > today)
    }

    @Test func typedDateIsShownNormalisedAfterLeavingAndTodayKeyWorksInBothLayouts() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        let first = DateField(today: { today })
        let second = DateField(today: { today })
        let screen = Screen(title: "D", root: Stack(.vertical, [(.fixed(1), first), (.fixed(1), second)]))
        app.push(screen)
        app.runUntilIdle()
        #expect(terminal.row(2) == "dd.mm.yyyy")
        #expect(terminal.style(x: 0, y: 2) == app.theme[.muted])
        terminal.type("1.2.2026")
        terminal.press(.tab)
        terminal.type("т")
        app.runUntilIdle()
        #expect(terminal.row(1) == "01.02.2026")
        #expect(second.date == today)
        #expect(terminal.row(2) == "08.03.2026")
        for key in ["t", "Т", "е"] {
            second.field.text = ""
            terminal.type(key)
            app.runUntilIdle()
            #expect(second.date == today, "\(key)")
        }
    }

    @Test func impossibleDateIsInvalidButKept() {
        let field = DateField(today: { today })
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "D", root: field))
        terminal.type("31.02.2026x")
        app.runUntilIdle()
        #expect(field.field.text == "31.02.2026")  // letters other than t are not taken
        #expect(field.isInvalid)
        #expect(field.date == nil)
        #expect(field.inputProblem(.english) == "Not a valid date (dd.mm.yyyy)")
        #expect(field.inputProblem(.russian) == "Неверная дата (дд.мм.гггг)")
    }

    @Test func numberFieldTakesDigitsOnlyAndChecksItsRange() {
        let field = NumberField(range: 1...20)
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "N", root: field))
        terminal.type("1a2б")
        app.runUntilIdle()
        #expect(field.number == 12)
        #expect(terminal.row(1) == "12")
        terminal.enqueue(.paste("5 0"))
        app.runUntilIdle()
        #expect(field.number == 1250)
        #expect(field.problem(.english) == "Must be between 1 and 20")
        field.number = nil
        #expect(field.problem(.english) == nil)
        #expect(field.value == .none)
    }
}
