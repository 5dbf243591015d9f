import Testing
import Terminal
@testable import ScreenKit

@Suite struct ChoiceFieldTests {
    let sexes = [ChoiceOption(code: "f", label: "Женский"), ChoiceOption(code: "m", label: "Мужской"), ChoiceOption(code: "x", label: "Другое")]

    /// ~250 countries, Kazakhstan among them.
    var countries: [ChoiceOption] {
        (1...249).map { ChoiceOption(code: "C\($0)", label: "Страна \($0)") } + [ChoiceOption(code: "KZ", label: "Казахстан")]
    }

    @Test func typeAheadMatchesLabelsAndCodes() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        let field = ChoiceField(sexes)
        app.push(Screen(title: "C", root: field))
        terminal.type("ж")
        app.runUntilIdle()
        #expect(field.selectedCode == "f")
        #expect(terminal.row(1) == "Женский    ▾")
        terminal.type("m")
        app.runUntilIdle()
        #expect(field.selectedCode == "m")
        terminal.type("f")
        app.runUntilIdle()
        #expect(field.selectedCode == "f")
        terminal.type("д")
        app.runUntilIdle()
        #expect(field.selectedCode == "x")
        terminal.press(.left)
        app.runUntilIdle()
        #expect(field.selectedCode == "m")
        terminal.press(.delete)
        app.runUntilIdle()
        #expect(field.selected == nil)
        #expect(terminal.row(1) == "           ▾")
    }

    @Test func dropDownFiltersLongListsAndPicks() {
        let (app, terminal) = makeApp()
        let field = ChoiceField(countries, title: "Гражданство")
        app.push(Screen(title: "C", root: field))
        terminal.press(.enter)  // Enter belongs to the form (next field), not to the list
        app.runUntilIdle()
        #expect(!(app.topScreen is ChooseDialog))
        terminal.press(.character(" "))
        app.runUntilIdle()
        #expect(app.topScreen is ChooseDialog)
        #expect(terminal.shows("Гражданство"))
        #expect(terminal.shows("Страна 1 "))
        terminal.type("каз")
        app.runUntilIdle()
        #expect(terminal.shows("Казахстан"))
        #expect(!terminal.shows("Страна 1 "))
        terminal.press(.enter)
        app.runUntilIdle()
        #expect(field.selectedCode == "KZ")
        #expect(!(app.topScreen is ChooseDialog))
        // By code, with Down and End.
        terminal.press(.character(" "))
        terminal.type("c24")
        terminal.press(.down, .enter)
        app.runUntilIdle()
        #expect(field.selectedCode == "C240")
    }

    @Test func escClosesTheDropDownWithoutChange() {
        let (app, terminal) = makeApp()
        let field = ChoiceField(countries, selectedCode: "C7")
        app.push(Screen(title: "C", root: field))
        terminal.press(.altDown, .down, .down)
        app.runUntilIdle()
        #expect(terminal.row(terminal.size.height - 1).contains("Esc"))
        terminal.press(.escape)
        app.runUntilIdle()
        #expect(field.selectedCode == "C7")
        #expect(app.screens.count == 1)
    }

    @Test func dropDownScrollsToTheHighlightedOptionAndPages() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        let list = ChooseDialog(title: "T", options: countries, selectedCode: "C100") { _ in }
        app.push(Screen(title: "S", root: Label("under")))
        app.push(list)
        app.runUntilIdle()
        #expect(terminal.shows("Страна 100"))
        terminal.press(.end)
        app.runUntilIdle()
        #expect(list.list.highlightedOption?.code == "KZ")
        #expect(terminal.shows("Казахстан"))
        terminal.press(.home, .pageDown)
        app.runUntilIdle()
        #expect(list.list.highlighted == 7)  // a page is the 7 visible rows
    }

    @Test func yesNoUnknownIsAChoiceOfThree() {
        let field = ChoiceField.yesNoUnknown(.russian)
        #expect(field.options.map(\.code) == ["yes", "no", "unknown"])
        #expect(field.options.map(\.label) == ["Да", "Нет", "Неизвестно"])
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "Y", root: field))
        terminal.type("н")
        app.runUntilIdle()
        #expect(field.selectedCode == "no")
        terminal.type("u")
        app.runUntilIdle()
        #expect(field.selectedCode == "unknown")
    }

    @Test func multiChoiceTogglesWithSpaceAndJumpsByTyping() {
        let options = [ChoiceOption(code: "ru", label: "Русский"), ChoiceOption(code: "kk", label: "Қазақша"),
                       ChoiceOption(code: "uz", label: "O‘zbekcha"), ChoiceOption(code: "en", label: "English")]
        let field = MultiChoiceField(options, rows: 3)
        let after = TextField()
        let (app, terminal) = makeApp(width: 40, height: 12)
        let screen = Screen(title: "M", root: Stack(.vertical, [(.auto, field), (.fixed(1), after)]))
        app.push(screen)
        terminal.press(.character(" "))
        terminal.type("қ")
        terminal.press(.character(" "))
        app.runUntilIdle()
        #expect(field.checkedCodes == ["ru", "kk"])
        #expect(Array(body(terminal).prefix(3)) == ["[x] Русский", "[x] Қазақша", "[ ] O‘zbekcha"])
        terminal.type("en")
        terminal.press(.character(" "))
        app.runUntilIdle()
        #expect(field.checkedCodes == ["ru", "kk", "en"])
        #expect(Array(body(terminal).prefix(3)) == ["[x] Қазақша", "[ ] O‘zbekcha", "[x] English"])
        terminal.type("р")
        terminal.press(.character(" "))
        app.runUntilIdle()
        #expect(field.checkedCodes == ["kk", "en"])
        terminal.press(.up)
        app.runUntilIdle()
        #expect(screen.focused === after)
        #expect(terminal.style(x: 0, y: 1) == app.theme[.normal])
    }
}
