import Testing
import Terminal
@testable import ScreenKit

/// Widgets settle what depends on their size when laid out, and only draw when drawn (ratatui's
/// render contract): a key pressed before the first frame acts on the size the user will see, and
/// drawing twice shows the same.
@Suite struct LayoutBeforeDrawTests {
    static func numbered(_ count: Int) -> [ChoiceOption] {
        (0..<count).map { ChoiceOption(code: "\($0)", label: "Option \($0)") }
    }

    @Test func textAreaUpBeforeTheFirstDrawMovesByTheWrappedLine() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        let area = TextArea("Прибыла из Шымкента вечером", rows: 3)
        app.push(Screen(title: "Notes", root: Stack(.horizontal, [(.fixed(16), area), (.flex(1), Label("|"))])))
        terminal.press(.up)
        app.runUntilIdle()
        #expect(area.cursor < area.characters.count)  // two lines at 16 columns (one at 40): Up moved within it
    }

    @Test func optionListPageDownBeforeTheFirstDrawMovesAWholePage() {
        let (app, terminal) = makeApp()
        let list = OptionList(Self.numbered(100))
        app.push(Screen(title: "Pick", root: list))
        terminal.press(.pageDown)
        app.runUntilIdle()
        #expect(list.highlighted == 21)  // 22 body rows less the filter line
        #expect(terminal.row(22) == "Option 21")
    }

    @Test func paragraphPageDownBeforeTheFirstDrawMovesAWholePage() {
        let (app, terminal) = makeApp()
        let text = Paragraph((0..<100).map { "Line \($0)" }.joined(separator: "\n"), scrollable: true)
        app.push(Screen(title: "Read", root: text))
        terminal.press(.pageDown)
        app.runUntilIdle()
        #expect(terminal.row(1).hasPrefix("Line 21 "))  // a page is the 22 body rows less one kept for context
        #expect(terminal.row(1).hasSuffix("↑") && terminal.row(22).hasSuffix("↓"))  // more above and below
    }

    @Test func multiChoiceScrollsWhenLaidOutAndDrawingChangesNothing() {
        let (app, _) = makeApp()
        let field = MultiChoiceField(Self.numbered(20), rows: 6)
        for _ in 0..<5 { _ = field.handle(.key(.down), app: app) }
        let area = Rect(x: 0, y: 0, width: 20, height: 6)
        func picture(_ area: Rect) -> [String] {
            let canvas = Canvas(size: Size(width: 20, height: 6), theme: .monochrome, strings: .english, focused: field)
            field.draw(in: area, on: canvas)
            return canvas.grid.rows
        }
        field.layout(in: area, focused: field)
        let laidOut = picture(area)
        #expect(laidOut.first?.hasPrefix("[ ] Option 0") == true)
        _ = picture(Rect(x: 0, y: 0, width: 20, height: 3))
        #expect(picture(area) == laidOut)
        field.layout(in: Rect(x: 0, y: 0, width: 20, height: 3), focused: field)
        #expect(picture(area).first?.hasPrefix("[ ] Option 3") == true)  // the smaller area scrolled it
    }

    /// What `widget` draws in `area` of a 30x3 canvas, with `focused` focused; drawing only.
    static func picture(_ widget: any Widget, in area: Rect, focused: any Widget) -> [String] {
        let canvas = Canvas(size: Size(width: 30, height: 3), theme: .monochrome, strings: .english, focused: focused)
        widget.draw(in: area, on: canvas)
        return (0..<3).map(canvas.grid.trimmedRow)
    }

    /// Issue 18: a text field's horizontal scroll is settled in layout; drawing it in another
    /// area (twice, or before any layout) shows the same text from the same place.
    @Test func textFieldScrollsWhenLaidOutAndDrawingChangesNothing() {
        let field = TextField("Республика Казахстан")
        let area = Rect(x: 0, y: 0, width: 10, height: 1)
        field.layout(in: area, focused: field)
        let laidOut = Self.picture(field, in: area, focused: field)
        #expect(laidOut.first == "Казахстан")
        _ = Self.picture(field, in: Rect(x: 0, y: 0, width: 4, height: 1), focused: field)
        #expect(Self.picture(field, in: area, focused: field) == laidOut)
        field.layout(in: Rect(x: 0, y: 0, width: 4, height: 1), focused: field)
        #expect(Self.picture(field, in: area, focused: field).first == "тан")  // the narrower layout scrolled it
    }

    /// Issue 18: the widgets built around a text field lay it out in the area they draw it in, so
    /// its scroll is settled before drawing: a date, a number, a list's filter, a prompt.
    @Test func widgetsAroundATextFieldLayItOutWhereTheyDrawIt() {
        let date = DateField(CalendarDate(year: 2026, month: 2, day: 1))
        let number = NumberField(123456789)
        let list = OptionList(Self.numbered(3))
        list.filter.text = "Option 2 of three"
        let prompt = PromptDialog(title: "Find", label: "Text:", text: "Республика Казахстан") { _ in }
        let cases: [(widget: any Widget, focused: any Widget, area: Rect, shows: String)] = [
            (date, date, Rect(x: 0, y: 0, width: 5, height: 1), "2026"),
            (number, number, Rect(x: 0, y: 0, width: 5, height: 1), "6789"),
            (list, list, Rect(x: 0, y: 0, width: 14, height: 3), "Filter: three"),
            (prompt.root, prompt.field, Rect(x: 0, y: 0, width: 6, height: 2), "хстан"),
        ]
        for (widget, focused, area, shows) in cases {
            widget.layout(in: area, focused: focused)
            _ = Self.picture(widget, in: Rect(x: area.x, y: area.y, width: area.width - 4, height: area.height), focused: focused)
            let rows = Self.picture(widget, in: area, focused: focused)
            #expect(rows.contains(shows), "\(type(of: widget)): \(rows)")
        }
    }
}
