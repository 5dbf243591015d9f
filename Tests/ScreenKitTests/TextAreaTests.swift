import Testing
import Terminal
@testable import ScreenKit

@Suite struct TextAreaTests {
    func areaApp(_ area: TextArea) -> (Application, VirtualTerminal) {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "Notes", root: Stack(.vertical, [(.auto, Stack(.horizontal, [(.fixed(16), area), (.flex(1), Label("|"))]))])))
        app.runUntilIdle()
        return (app, terminal)
    }

    @Test func wrapsByWordEnterMakesNewLinesAndScrolls() {
        let area = TextArea(rows: 3)
        let (app, terminal) = areaApp(area)
        terminal.type("Прибыла из Шымкента вечером")
        terminal.press(.enter)
        terminal.type("ребёнок 5 лет")
        app.runUntilIdle()
        #expect(area.text == "Прибыла из Шымкента вечером\nребёнок 5 лет")
        #expect(Array(body(terminal).prefix(3)) == ["Прибыла из      |", "Шымкента вечером", "ребёнок 5 лет"])
        #expect(terminal.frame.cursor == Point(x: 13, y: 3))
        terminal.press(.enter)
        terminal.type("нужен врач")
        app.runUntilIdle()
        #expect(Array(body(terminal).prefix(3)) == ["Шымкента вечером|", "ребёнок 5 лет", "нужен врач"])
    }

    @Test func upAndDownMoveByVisualLineAndLeaveAtTheEnds() {
        let area = TextArea("первая строка\nвторая", rows: 4)
        let next = TextField()
        let (app, terminal) = makeApp(width: 40, height: 12)
        let screen = Screen(title: "N", root: Stack(.vertical, [(.fixed(4), area), (.fixed(1), next)]))
        app.push(screen)
        app.runUntilIdle()
        terminal.press(.up)
        app.runUntilIdle()
        #expect(area.cursor == 6)  // column 6 in the first line
        terminal.press(.up)
        app.runUntilIdle()
        #expect(screen.focused === next)  // Up on the first line goes back round the ring
        screen.focus(area)
        terminal.press(.home, .down, .down)
        app.runUntilIdle()
        #expect(screen.focused === next)
    }

    @Test func pasteKeepsLineBreaksAndCombiningText() {
        let area = TextArea(rows: 4)
        let (app, terminal) = areaApp(area)
        terminal.enqueue(.paste("one\r\ntwo\rthree е\u{0301}"))
        app.runUntilIdle()
        #expect(area.text == "one\ntwo\nthree е\u{0301}")
        #expect(Array(body(terminal).prefix(3)) == ["one             |", "two", "three е\u{0301}"])
        terminal.press(.backspace)
        app.runUntilIdle()
        #expect(area.text == "one\ntwo\nthree ")
    }
}
