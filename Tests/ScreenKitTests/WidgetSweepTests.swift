import Foundation
import Testing
import Terminal
@testable import ScreenKit

/// Every widget, with awkward content, drawn into small areas: nothing outside, nothing split.
@Suite struct WidgetSweepTests {
    static let options = [ChoiceOption(code: "kz", label: "Қазақстан Республикасы"), ChoiceOption(code: "cn", label: "中华人民共和国")]

    static func widgets() -> [(String, any Widget)] {
        let checked = MultiChoiceField(options, checkedCodes: ["cn"])
        let table = TableView(columns: [TableColumn("Имя"), TableColumn("N", width: .fixed(6), alignment: .right)], dataSource: NumberedRows(1000))
        return [
            ("label", Label("Очень длинная метка 漢字漢字 е\u{0301}")),
            ("paragraph", Paragraph("Длинный абзац текста, который переносится по словам 漢字漢字漢字 и не помещается целиком")),
            ("text", TextField("Республика 漢字 👍🏽 е\u{0301}")),
            ("masked", TextField("secret", masked: true)),
            ("area", TextArea("строка один\nстрока два 漢字漢字漢字\nтри")),
            ("date", DateField(CalendarDate(year: 2026, month: 3, day: 8))),
            ("number", NumberField(123456, range: 1...10)),
            ("choice", ChoiceField(options, selectedCode: "cn")),
            ("multi", checked),
            ("table", table),
            ("tabs", TabView([("Личные данные", Label("первая")), ("漢字", Label("вторая"))])),
            ("options", OptionList(options)),
        ]
    }

    @Test(arguments: [Rect(x: 3, y: 2, width: 9, height: 3), Rect(x: 1, y: 1, width: 1, height: 1), Rect(x: 4, y: 4, width: 0, height: 0), Rect(x: 2, y: 1, width: 5, height: 6)])
    func drawsOnlyInsideItsArea(area: Rect) {
        for (name, widget) in Self.widgets() {
            for focused in [false, true] {
                let canvas = Canvas(size: Size(width: 16, height: 8), theme: .monochrome, strings: .english, focused: focused ? widget : nil)
                widget.draw(in: area, on: canvas)
                for y in 0..<8 {
                    for x in 0..<16 where !area.contains(Point(x: x, y: y)) {
                        #expect(canvas.grid[x, y] == .blank, "\(name) drew at \(x),\(y)")
                    }
                }
                if let cursor = canvas.cursor { #expect(area.contains(cursor), "\(name) cursor") }
            }
        }
    }

    @Test func resizingFrom100x30To40x12AndBackKeepsEveryScreenInBounds() {
        let (app, terminal) = makeApp(width: 100, height: 30)
        app.marker = "READ-ONLY"
        app.globalBindings = [Binding(.function(1), label: "Help") { app.showHelp() }, Binding(.function(10), label: "Quit") { app.quit() }]
        let stack = Stack(.vertical, Self.widgets().map { (.auto, $0.1) })
        app.push(Screen(title: "Все виджеты — очень длинный заголовок экрана", root: stack))
        app.push(FormScreen(FormTests.intake) { _ in })
        for size in [Size(width: 100, height: 30), Size(width: 40, height: 12), Size(width: 39, height: 11), Size(width: 41, height: 13), Size(width: 100, height: 30)] {
            terminal.resize(to: size)
            terminal.press(.tab, .character("ж"), .function(1))
            app.runUntilIdle()
            #expect(terminal.rows.count == size.height)
            #expect(terminal.rows.allSatisfy { DisplayWidth.of($0) <= size.width })
            terminal.press(.escape)
            app.runUntilIdle()
        }
        #expect(terminal.row(0).hasSuffix("READ-ONLY"))
        #expect(terminal.shows("Page 1/2 · Person"))
    }

    @Test func everyFieldEditorShowsItsErrorStateUnlessFocused() {
        let editors: [any FieldEditor] = [TextField("x"), TextArea("x"), DateField(), NumberField(5), ChoiceField(Self.options, selectedCode: "kz"),
                                          MultiChoiceField(Self.options)]
        for editor in editors {
            editor.hasError = true
            for focused in [false, true] {
                let canvas = Canvas(size: Size(width: 20, height: 3), theme: .monochrome, focused: focused ? editor : nil)
                editor.draw(in: Rect(x: 0, y: 0, width: 20, height: 3), on: canvas)
                #expect(canvas.grid[0, 0].style == Theme.monochrome[focused ? .focused : .error], "\(type(of: editor)) focused: \(focused)")
            }
        }
    }

    @Test func paragraphWrapsAndEndsInEllipsisWhenCut() {
        let canvas = Canvas(size: Size(width: 12, height: 3), theme: .monochrome, strings: .english, focused: nil)
        Paragraph("Мама мыла раму, папа читал газету").draw(in: Rect(x: 0, y: 0, width: 12, height: 2), on: canvas)
        #expect(canvas.grid.rows == ["Мама мыла   ", "раму, папа …", "            "])
    }

    @Test func tabsSwitchWithF8AndF7AndOnlyTheSelectedSectionIsFocusable() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        let first = TextField("первая"), second = TextField("вторая")
        let tabs = TabView([("Личное", first), ("Дело", second)])
        let screen = Screen(title: "Case", root: tabs)
        app.push(screen)
        app.runUntilIdle()
        #expect(terminal.row(1) == " Личное │ Дело │")
        #expect(terminal.row(2) == "первая")
        #expect(terminal.row(11).contains("7Prev") && terminal.row(11).contains("8Next"))
        terminal.press(.function(8))
        app.runUntilIdle()
        #expect(terminal.row(2) == "вторая")
        #expect(screen.focused === second)
        terminal.press(.function(7), .function(7))
        app.runUntilIdle()
        #expect(tabs.selected == 1)
    }

    /// Seven tabs in 40 columns: the strip shows whole titles around the selected one and marks
    /// that more are to the left or right (it was cut to "… │ На" in a case file at 40x12).
    @Test func aStripWiderThanItsAreaShowsWholeTitlesAroundTheSelectedOne() {
        let titles = ["Обзор", "История", "Заметки", "Услуги", "Направления", "План", "Оценки"]
        let tabs = TabView(titles.map { ($0, Label($0) as any Widget) })
        func strip(selected: Int) -> String {
            tabs.select(selected)
            let canvas = Canvas(size: Size(width: 40, height: 2), theme: .monochrome, strings: .english, focused: nil)
            tabs.draw(in: Rect(x: 0, y: 0, width: 40, height: 2), on: canvas)
            return canvas.grid.rows[0]
        }
        for selected in titles.indices {
            let row = strip(selected: selected)
            #expect(row.contains(" \(titles[selected]) "), "\(row)")
            let shown = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "‹› ")) }.filter { !$0.isEmpty }
            #expect(shown.allSatisfy(titles.contains), "a title cut: \(row)")
        }
        #expect(strip(selected: 0).hasSuffix("›") || strip(selected: 0).trimmingCharacters(in: .whitespaces).hasSuffix("›"))
        #expect(strip(selected: 6).hasPrefix("‹"))
    }

    @Test func monochromeKeepsTheCoreRolesDistinct() {
        let core: [Role] = [.normal, .muted, .header, .focused, .selection, .error]
        for theme in [Theme.monochrome, Theme.color] {
            #expect(Set(core.map { theme[$0] }).count == core.count)
        }
        for role in Role.allCases {
            let style = Theme.monochrome[role]
            #expect(style.foreground == .default && style.background == .default)
        }
        #expect(Theme.standard(for: .monochrome)[.focused] == Theme.monochrome[.focused])
        #expect(Theme.standard(for: .eightColors)[.focused] == Theme.color[.focused])
        let (app, _) = makeApp(colors: .monochrome)
        #expect(app.theme[.error] == Theme.monochrome[.error])
    }
}
