import Testing
import Terminal
@testable import ScreenKit

@Suite struct TextFieldTests {
    /// A field `width` columns wide at the top left of the body.
    func fieldApp(_ field: TextField, width: Int = 20, termWidth: Int = 40) -> (Application, VirtualTerminal) {
        let (app, terminal) = makeApp(width: termWidth, height: 12)
        app.push(Screen(title: "T", root: Stack(.horizontal, [(.fixed(width), field), (.flex(1), Label("|rest"))])))
        app.runUntilIdle()
        return (app, terminal)
    }

    @Test func typesCyrillicKazakhAndUzbekAndPlacesTheCursor() {
        let field = TextField()
        let (app, terminal) = fieldApp(field)
        terminal.type("Әлия Қасымова")
        app.runUntilIdle()
        #expect(terminal.row(1) == "Әлия Қасымова       |rest")
        #expect(terminal.frame.cursor == Point(x: 13, y: 1))
        field.text = ""
        terminal.type("ғңөұүһі o‘g‘li")
        app.runUntilIdle()
        #expect(field.text == "ғңөұүһі o‘g‘li")
    }

    @Test func combiningMarksMoveAndDeleteAsOneGrapheme() {
        let field = TextField()
        let (app, terminal) = fieldApp(field)
        terminal.type("е\u{0301}ж")
        terminal.press(.character("е"), .character("\u{0301}"))  // the mark typed on its own joins its letter
        app.runUntilIdle()
        #expect(field.text == "е\u{0301}же\u{0301}")
        #expect(field.editor.characters.count == 3)
        terminal.press(.left, .left, .backspace)
        app.runUntilIdle()
        #expect(field.text == "же\u{0301}")
        terminal.press(.delete, .delete)
        app.runUntilIdle()
        #expect(field.text == "")
    }

    @Test func movesByGraphemeAndWord() {
        let field = TextField("один два три")
        let (app, terminal) = fieldApp(field)
        terminal.press(.wordLeft)
        app.runUntilIdle()
        #expect(field.editor.cursor == 9)
        terminal.press(.wordLeft, .wordLeft)
        app.runUntilIdle()
        #expect(field.editor.cursor == 0)
        terminal.press(.wordRight)
        app.runUntilIdle()
        #expect(field.editor.cursor == 5)
        terminal.press(.end, .left)
        terminal.type("X")
        terminal.press(.home)
        terminal.type("Y")
        app.runUntilIdle()
        #expect(field.text == "Yодин два трXи")
        #expect(terminal.frame.cursor == Point(x: 1, y: 1))
    }

    @Test func wideGraphemesScrollWithoutBeingSplit() {
        let field = TextField()
        let (app, terminal) = fieldApp(field, width: 10)
        terminal.type("漢字漢字漢字")
        app.runUntilIdle()
        #expect(terminal.row(1) == "漢字漢字  |rest")
        #expect(terminal.frame.cursor == Point(x: 8, y: 1))
        terminal.press(.home)
        app.runUntilIdle()
        #expect(terminal.row(1) == "漢字漢字漢|rest")
        field.text = "a👍🏽b漢字漢字"
        terminal.press(.home, .right, .right, .right, .right, .right, .right)
        app.runUntilIdle()
        #expect(!terminal.rows[1].contains("\u{FFFD}"))
        #expect(terminal.rows[1].hasSuffix("|rest" + String(repeating: " ", count: 25)))
    }

    @Test func longTextScrollsHorizontallyToKeepTheCursorVisible() {
        let field = TextField()
        let (app, terminal) = fieldApp(field, width: 10)
        terminal.type("Республика Казахстан")
        app.runUntilIdle()
        #expect(terminal.row(1) == "Казахстан |rest")
        terminal.press(.home)
        app.runUntilIdle()
        #expect(terminal.row(1) == "Республика|rest")
        #expect(terminal.frame.cursor == Point(x: 0, y: 1))
    }

    /// Left, a long value shows its beginning, cut with "…": in the 80x24 walk a long other name
    /// ("王芳 Ли 王芳王芳…") went on showing its scrolled tail after Tab, its start hidden unmarked.
    @Test func aFieldLeftShowsItsBeginningCutWithAnEllipsis() {
        let long = TextField(), next = TextField()
        let (app, terminal) = makeApp(width: 40, height: 12)
        let fields = Stack(.vertical, [(.fixed(1), long), (.fixed(1), next)])
        app.push(Screen(title: "T", root: Stack(.horizontal, [(.fixed(10), fields), (.flex(1), Label("|rest"))])))
        app.runUntilIdle()
        terminal.type("王芳 Ли Республика")
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(terminal.row(1) == "王芳 Ли Р…|rest", "\(terminal.row(1))")
        terminal.press(.backTab)
        app.runUntilIdle()
        #expect(terminal.row(1) == "еспублика |rest", "the cursor's neighbourhood again while editing")
    }

    /// Issue 12, item 4: the readline keys a caseworker who used a shell expects.
    @Test func readlineKeysMoveAndDelete() {
        let field = TextField("Ахмедова Гульнара")
        let (app, terminal) = fieldApp(field)
        terminal.press(.control("a"))
        terminal.type("Х")
        terminal.press(.control("e"), .control("w"))
        app.runUntilIdle()
        #expect(field.text == "ХАхмедова ")
        terminal.press(.control("a"), .right, .control("k"))
        app.runUntilIdle()
        #expect(field.text == "Х")
        terminal.type("абв")
        terminal.press(.left, .control("u"))
        app.runUntilIdle()
        #expect(field.text == "в")
        #expect(field.editor.cursor == 0)
    }

    /// Issue 12, item 4: moving back into a long value keeps what is before the cursor in sight.
    @Test func movingBackThroughALongValueKeepsItsNeighbourhoodVisible() {
        let field = TextField()
        let (app, terminal) = fieldApp(field, width: 12)
        terminal.type("Республика Казахстан, Алматы")
        for _ in 0..<2 {  // drawn after each key, as on a terminal
            app.runUntilIdle()
            terminal.press(.wordLeft)
        }
        app.runUntilIdle()
        #expect(field.editor.cursor == 11)  // before "Казахстан"
        let cursor = try! #require(terminal.frame.cursor)
        #expect(cursor.x >= 3)  // not pinned to the left edge: "ика " stays visible before it
        #expect(terminal.row(1).contains("Каз"))
    }

    /// Issue 12, item 9: a paste's escape sequences go whole and the screen says so.
    @Test func pastedEscapeSequencesAreRemovedWholeAndSaid() {
        let field = TextField()
        let (app, terminal) = fieldApp(field, width: 30, termWidth: 70)
        terminal.enqueue(.paste("Нигора\u{1B}[31m красный\u{1B}[0m"))
        app.runUntilIdle()
        #expect(field.text == "Нигора красный")
        #expect(terminal.row(0).contains(ScreenKitStrings.english.pasteCleaned))
    }

    @Test func pasteTurnsNewlinesIntoSpacesAndRespectsMaxLength() {
        let field = TextField(maxLength: 12)
        let (app, terminal) = fieldApp(field)
        terminal.enqueue(.paste("ул. Абая\r\n10\nкв. 5"))
        app.runUntilIdle()
        #expect(field.text == "ул. Абая 10 ")
        let wide = TextField()
        let (app2, terminal2) = fieldApp(wide)
        terminal2.enqueue(.paste(String(repeating: "Алматы\n", count: 500)))
        app2.runUntilIdle()
        #expect(wide.text.count == 3500)
        #expect(!wide.text.contains("\n"))
        #expect(terminal2.row(1).hasSuffix("Алматы    |rest") || terminal2.row(1).contains("Алматы"))
    }

    @Test func maskedFieldShowsOneDotPerGrapheme() {
        let field = TextField(masked: true)
        let (app, terminal) = fieldApp(field)
        terminal.type("пароль е\u{0301}")
        app.runUntilIdle()
        #expect(terminal.row(1) == "••••••••            |rest")
        #expect(field.text == "пароль е\u{0301}")
    }

    @Test func normalFocusedErrorAndPlaceholderStates() {
        let focused = TextField("Иванова")
        let normal = TextField("Петрова")
        let empty = TextField(placeholder: "Фамилия")
        let error = TextField("?")
        error.hasError = true
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "T", root: Stack(.vertical, [(.fixed(1), focused), (.fixed(1), normal), (.fixed(1), empty), (.fixed(1), error)])))
        app.runUntilIdle()
        #expect(Array(body(terminal).prefix(4)) == ["Иванова", "Петрова", "Фамилия", "?"])
        #expect(terminal.style(x: 0, y: 1) == app.theme[.focused])
        #expect(terminal.style(x: 39, y: 1) == app.theme[.focused])
        #expect(terminal.style(x: 0, y: 2) == app.theme[.field])
        #expect(terminal.style(x: 0, y: 3) == app.theme[.muted])
        #expect(terminal.style(x: 0, y: 4) == app.theme[.error])
    }

    @Test func narrowFieldNeverDrawsOutsideItsArea() {
        let field = TextField("Очень длинное имя漢字")
        let canvas = Canvas(size: Size(width: 20, height: 5), theme: .monochrome, strings: .english, focused: field)
        let area = Rect(x: 3, y: 2, width: 4, height: 1)
        field.layout(in: area, focused: field)
        field.draw(in: area, on: canvas)
        #expect(canvas.grid.trimmedRow(2) == "   字")
        for (y, row) in canvas.grid.rows.enumerated() {
            for (x, c) in row.enumerated() where !(y == 2 && (3..<7).contains(x)) { #expect(c == " ") }
        }
        #expect(canvas.cursor == Point(x: 5, y: 2))
    }
}
