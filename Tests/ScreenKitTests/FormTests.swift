import Testing
import Terminal
@testable import ScreenKit

@Suite struct FormTests {
    static let today = CalendarDate(year: 2026, month: 3, day: 8)!

    /// Two pages: person (with a field relevant only when there are children) and consent.
    static var intake: FormDescription {
        FormDescription(title: "Intake", pages: [
            FormPage(title: "Person", fields: [
                FormField("surname", "Фамилия", .text(maxLength: 40), required: true, help: "As in the passport."),
                FormField("born", "Date of birth", .date, validate: { value, _ in
                    if case .date(let d) = value, d > today { return "In the future" }
                    return nil
                }),
                FormField("sex", "Пол", .choice([ChoiceOption(code: "f", label: "Женский"), ChoiceOption(code: "m", label: "Мужской")])),
                FormField("children", "Children", .yesNoUnknown),
                FormField("count", "How many", .number(range: 1...20), required: true, relevantWhen: .contains("children", code: "yes")),
            ]),
            FormPage(title: "Consent", fields: [
                FormField("consent", "Consent", .multiChoice([ChoiceOption(code: "data", label: "Data"), ChoiceOption(code: "photo", label: "Photo")]), required: true),
                FormField("notes", "Notes", .notes(rows: 3)),
            ]),
        ])
    }

    final class Recorder {
        var saved: [FormValues] = []
        var changed: [Set<String>] = []
        var drafts: [FormValues] = []
        var cancelled = 0
    }

    func formApp(values: FormValues = [:], width: Int = 80, height: Int = 24) -> (Application, VirtualTerminal, FormScreen, Recorder) {
        let (app, terminal) = makeApp(width: width, height: height)
        let recorder = Recorder()
        let screen = FormScreen(Self.intake, values: values, today: { Self.today }) { recorder.saved.append($0.relevantValues); recorder.changed.append($0.changedKeys) }
        screen.onDraft = { recorder.drafts.append($0) }
        screen.onCancel = { recorder.cancelled += 1; app.pop() }
        app.push(Screen(title: "Cases", root: Label("case list")))
        app.push(screen)
        app.runUntilIdle()
        return (app, terminal, screen, recorder)
    }

    @Test func rendersPageIndicatorLabelsRequiredMarksAndKeys() {
        let (_, terminal, _, _) = formApp()
        #expect(Array(body(terminal).prefix(5)) == ["Page 1/2 · Person", "Фамилия*", "Date of birth  dd.mm.yyyy", "Пол                       ▾", "Children                  ▾"])
        #expect(terminal.row(0).hasPrefix(" Intake"))
        #expect(terminal.row(23).contains("2Save") && terminal.row(23).contains("8Next") && terminal.row(23).contains("Esc Back"))
        #expect(!terminal.shows("How many"))
    }

    @Test func relevanceHidesAndSkipsFields() {
        let (app, terminal, screen, _) = formApp()
        terminal.press(.tab, .tab, .tab)
        terminal.type("y")
        app.runUntilIdle()
        #expect(terminal.shows("How many*"))
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(screen.focused === screen.editor("count"))
        terminal.press(.backTab)
        terminal.type("n")
        app.runUntilIdle()
        #expect(!terminal.shows("How many"))
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(screen.focused === screen.editor("surname"))  // wrapped round, skipping the hidden field
    }

    @Test func validatesOnLeaveShowsErrorNextToFieldAndInStatus() {
        let (app, terminal, screen, _) = formApp()
        terminal.type("Ким")
        terminal.press(.tab)
        terminal.type("31.02.2026")
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(body(terminal)[3] == "               Not a valid date (dd.mm.yyyy)")
        #expect(terminal.row(0).contains("Date of birth: Not a valid date"))
        #expect(terminal.style(x: 15, y: 4) == app.theme[.error])
        // Fixing it clears the error at once.
        screen.focus(screen.editor("born")!)
        terminal.press(.end, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        terminal.type("08.03.2025")
        app.runUntilIdle()
        #expect(!terminal.shows("Not a valid date"))
        terminal.press(.backspace)
        terminal.type("7")
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(terminal.shows("In the future"))
    }

    @Test func saveWithErrorsIsRefusedFocusesTheFirstInvalidFieldAndKeepsInput() {
        let (app, terminal, screen, recorder) = formApp()
        terminal.press(.tab)
        terminal.type("08.03.2000")
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(recorder.saved.isEmpty)
        #expect(screen.focused === screen.editor("surname"))
        #expect(terminal.row(0).contains("Фамилия: Required"))
        #expect(body(terminal)[2] == "               Required")
        #expect(screen.form.value("born") == .date(CalendarDate(year: 2000, month: 3, day: 8)!))
        terminal.type("Иванова")
        terminal.press(.control("s"))
        app.runUntilIdle()
        #expect(recorder.saved.isEmpty)
        #expect(screen.page == 1)
        #expect(screen.focused === screen.editor("consent"))
        #expect(terminal.row(1) == "Page 2/2 · Consent")
        terminal.press(.character(" "), .function(2))
        app.runUntilIdle()
        #expect(recorder.saved.count == 1)
        #expect(recorder.saved.first == ["surname": .text("Иванова"), "born": .date(CalendarDate(year: 2000, month: 3, day: 8)!), "consent": .choices(["data"])])
        #expect(!screen.form.isDirty)
    }

    @Test func enterMovesToTheNextFieldAndNeverSaves() {
        let (app, terminal, screen, recorder) = formApp()
        terminal.type("Ким")
        terminal.press(.enter)
        terminal.type("1.1.2001")
        terminal.press(.enter)
        app.runUntilIdle()
        #expect(screen.focused === screen.editor("sex"))
        #expect(recorder.saved.isEmpty)
        terminal.press(.enter)  // a choice too moves on (issue 12): Space opens its list
        app.runUntilIdle()
        #expect(!(app.topScreen is ChooseDialog))
        #expect(screen.focused !== screen.editor("sex"))
    }

    /// Enter on a page's last field goes on to the next page, not back to its first field, where
    /// the next answer would land in the family name (issue 12: a full intake without PgDn).
    @Test func enterOnThePagesLastFieldTurnsToTheNextPage() {
        let (app, terminal, screen, _) = formApp()
        terminal.type("Ким")
        terminal.press(.enter, .enter, .enter, .enter)  // born, sex, children: the last relevant field
        app.runUntilIdle()
        #expect(screen.page == 1)
        #expect(screen.focused === screen.editor("consent"))
        terminal.press(.enter, .enter)  // notes is a text area: Enter is a new line there
        app.runUntilIdle()
        #expect(screen.page == 1, "no page after the last")
        #expect(screen.form.value("surname") == .text("Ким"))
    }

    /// The bar shows a page key only where it turns a page: on the first page no "Prev" (at 40
    /// columns it used to take the place of "Next"), on the last no "Next" (issue 12).
    @Test func theBarShowsOnlyThePageKeysThatTurnAPage() {
        let (app, terminal, _, _) = formApp(width: 40, height: 12)
        app.runUntilIdle()
        #expect(terminal.row(11).contains("8Next"), "\(terminal.row(11))")
        #expect(!terminal.row(11).contains("7Prev"), "\(terminal.row(11))")
        terminal.press(.pageDown)
        app.runUntilIdle()
        #expect(terminal.row(11).contains("7Prev"), "\(terminal.row(11))")
        #expect(!terminal.row(11).contains("8Next"), "\(terminal.row(11))")
    }

    @Test func pagesTurnWithPgDnPgUpAndFKeys() {
        let (app, terminal, screen, _) = formApp()
        terminal.press(.pageDown)
        app.runUntilIdle()
        #expect(screen.page == 1)
        #expect(screen.focused === screen.editor("consent"))
        terminal.press(.pageDown)  // no further page
        terminal.press(.function(7))
        app.runUntilIdle()
        #expect(screen.page == 0)
        terminal.press(.function(8))
        app.runUntilIdle()
        #expect(screen.page == 1)
    }

    @Test func escOnChangedFormAsksBeforeDiscarding() {
        let (app, terminal, _, recorder) = formApp()
        terminal.press(.escape)
        app.runUntilIdle()
        #expect(recorder.cancelled == 1)
        let (app2, terminal2, screen2, recorder2) = formApp()
        terminal2.type("Ким")
        terminal2.press(.escape)
        app2.runUntilIdle()
        #expect(app2.topScreen is ConfirmDialog)
        #expect(terminal2.shows("Discard the changes?"))
        terminal2.press(.escape)  // No: back to the form, nothing lost
        app2.runUntilIdle()
        #expect(app2.topScreen === screen2)
        #expect(screen2.form.value("surname") == .text("Ким"))
        terminal2.press(.escape)
        terminal2.type("y")
        app2.runUntilIdle()
        #expect(recorder2.cancelled == 1)
        #expect(app2.screens.count == 1)
        _ = app
    }

    @Test func draftHookGetsTheValuesAfterEachChange() {
        let (app, terminal, _, recorder) = formApp()
        terminal.type("Ли")
        terminal.enqueue(.paste("м"))
        terminal.press(.tab, .tab)
        terminal.type("ж")
        app.runUntilIdle()
        #expect(recorder.drafts.count == 4)
        #expect(recorder.drafts.last == ["surname": .text("Лим"), "sex": .choice("f")])
    }

    @Test func initialValuesLoadAndOnlyChangedKeysAreReported() {
        let initial: FormValues = ["surname": .text("Ахметова"), "born": .date(CalendarDate(year: 1990, month: 1, day: 2)!),
                                   "children": .choice("yes"), "count": .number(2), "consent": .choices(["data"])]
        let (app, terminal, screen, recorder) = formApp(values: initial)
        #expect(body(terminal)[1] == "Фамилия*       Ахметова")
        #expect(body(terminal)[2] == "Date of birth  02.01.1990")
        #expect(terminal.shows("How many*      2"))
        #expect(!screen.form.isDirty)
        terminal.press(.end)
        terminal.type("-Ким")
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(recorder.saved.count == 1)
        #expect(recorder.changed.first == ["surname"])
    }

    @Test func narrowFormScrollsToTheFocusedField() {
        let (app, terminal, screen, _) = formApp(width: 40, height: 12)
        terminal.press(.pageDown, .tab)
        app.runUntilIdle()
        #expect(screen.focused === screen.editor("notes"))
        #expect(terminal.shows("Notes"))
        terminal.press(.pageUp)
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(terminal.rows.allSatisfy { $0.count == 40 })
        #expect(screen.focused === screen.editor("surname"))
        #expect(terminal.row(2) == "Фамилия*")
        #expect(terminal.row(3).contains("Required"))
    }

    /// Drawing only draws: the error marks of the editors are set when the form is laid out.
    @Test func drawingAFormChangesNoEditor() throws {
        let (app, terminal, screen, _) = formApp()
        let surname = try #require(screen.editor("surname"))
        screen.form.errors["surname"] = "Required"
        let canvas = Canvas(size: Size(width: 80, height: 22), theme: .monochrome, strings: .english, focused: surname)
        screen.view.draw(in: Rect(x: 0, y: 0, width: 80, height: 22), on: canvas)
        #expect(!surname.hasError)
        app.setNeedsRedraw()
        app.runUntilIdle()
        #expect(surname.hasError)
        #expect(terminal.shows("Required"))
    }

    /// A field for a child only (a guardian's consent): the age from the date of birth on the day
    /// of a date field, or on `otherwise` while that is empty, else from a number field of age.
    @Test func youngerReadsTheAgeOnTheDayOfAnotherField() {
        let relevance = FormRelevance.younger(than: 18, born: "born", age: "age", on: "day", otherwise: Self.today)
        let eighteenToday = CalendarDate(year: 2008, month: 3, day: 8)!
        #expect(relevance.holds(in: ["born": .date(CalendarDate(year: 2015, month: 1, day: 1)!)]))
        #expect(!relevance.holds(in: ["born": .date(eighteenToday)]))
        #expect(relevance.holds(in: ["born": .date(eighteenToday), "day": .date(CalendarDate(year: 2026, month: 3, day: 7)!)]))
        #expect(relevance.holds(in: ["age": .number(12)]) && !relevance.holds(in: ["age": .number(18)]))
        #expect(!relevance.holds(in: [:]), "an unknown age is no child's")
    }
}
