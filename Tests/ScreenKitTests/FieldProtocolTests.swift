import Testing
import Terminal
@testable import ScreenKit

/// The form engine reaches its fields through `FormInput` (huh's Field): value, validation and
/// "skip me" belong to the field, focus and blur to its editor, and a new kind of editor is one
/// `EditorKind` declaration beside its widget.
@Suite struct FieldProtocolTests {
    static let today = CalendarDate(year: 2026, month: 3, day: 8)!

    /// A kind of editor the engine has never seen: a row of stars, Right adds one.
    final class StarsField: FieldEditor {
        var stars = 0
        var onChange: (() -> Void)?
        var hasError = false
        var canFocus: Bool { true }
        var value: FormValue {
            get { stars == 0 ? .none : .number(stars) }
            set { if case .number(let n) = newValue { stars = n } else { stars = 0 } }
        }
        func draw(in area: Rect, on canvas: Canvas) { canvas.line(String(repeating: "*", count: stars), in: area.row(0), role: .field) }
        func handle(_ event: InputEvent, app: Application) -> Bool {
            guard event == .key(.right) else { return false }
            stars += 1
            onChange?()
            return true
        }
    }

    @Test func aNewKindOfEditorIsOneDeclarationAndTheEngineDrivesIt() {
        let stars = EditorKind { _ in StarsField() }
        let (app, terminal) = makeApp(width: 60, height: 12)
        var saved: [FormValues] = []
        let screen = FormScreen(FormDescription(title: "Rate", pages: [FormPage(title: "Rate", fields: [
            FormField("rating", "Rating", stars, required: true),
            FormField("why", "Why", .text(), relevantWhen: .answered("rating")),
        ])]), today: { Self.today }) { saved.append($0.relevantValues) }
        app.push(screen)
        app.runUntilIdle()
        #expect(!terminal.shows("Why"), "skipped until the rating is answered")
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(saved.isEmpty)
        #expect(screen.form.errors["rating"] == "Required")
        terminal.press(.right, .right)
        app.runUntilIdle()
        #expect(terminal.shows("**") && terminal.shows("Why"))
        #expect(screen.form.errors["rating"] == nil, "the error goes as soon as the value is fixed")
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(saved == [["rating": .number(2)]])
    }

    @Test func aFieldSkipsItselfByItsDeclaredRelevanceAndChecksOnlyWhenItApplies() {
        let field = FormField("count", "How many", .number(range: 1...20), required: true, relevantWhen: .contains("children", code: "yes"))
        let input = FieldInput(field, value: .none, strings: .english, today: { Self.today })
        #expect(input.skips(given: [:]))
        #expect(input.problem(given: [:], strings: .english) == nil)
        #expect(!input.skips(given: ["children": .choice("yes")]))
        #expect(input.problem(given: ["children": .choice("yes")], strings: .english) == "Required")
        input.value = .number(30)
        #expect(input.problem(given: ["children": .choice("yes"), "count": .number(30)], strings: .english) != nil, "the editor's own range")
    }

    /// The date's dd.mm.yyyy form is settled when the focus leaves (huh's Blur), not by drawing:
    /// before, `DateField.draw` rewrote the text, so nothing changed until a frame was drawn.
    @Test func aTypedDateIsNormalisedWhenTheFocusLeavesBeforeAnythingIsDrawn() {
        let first = DateField(today: { Self.today })
        let second = DateField(today: { Self.today })
        let screen = Screen(title: "D", root: Stack(.vertical, [(.fixed(1), first), (.fixed(1), second)]))
        screen.focus(first)
        first.field.text = "1.2.2026"
        screen.focus(second)
        #expect(first.field.text == "01.02.2026")
    }

    /// The bug issue 18 named: a save that found no answer returned as if it had saved, closing
    /// the form and losing what was typed. Reading through a `FormKey` throws instead, and the form
    /// stays open with the message at that field — even where the field is not marked required.
    @Test func aSaveThatFindsNoAnswerKeepsTheFormOpenWithAMessageAtTheField() {
        enum Keys {
            static let kind = FormKey.code("kind")
            static let note = FormKey.text("note")
        }
        let (app, terminal) = makeApp(width: 60, height: 12)
        app.push(Screen(title: "Cases", root: Label("case list")))
        var saved: [String] = []
        let screen = FormScreen(FormDescription(title: "Service", pages: [FormPage(title: "Service", fields: [
            FormField(Keys.note, "Note", .text()),
            FormField(Keys.kind, "Kind", .choice([ChoiceOption(code: "legal", label: "Legal")])),
        ])]), today: { Self.today }) { form in
            saved.append(try form.answer(Keys.kind) + (form.optionalAnswer(Keys.note) ?? ""))
            app.pop()
        }
        app.push(screen)
        app.runUntilIdle()
        terminal.type("typed")
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(saved.isEmpty)
        #expect(app.topScreen === screen, "the form stays open")
        #expect(screen.form.value("note") == .text("typed"), "nothing typed is lost")
        #expect(screen.form.errors["kind"] == "Required")
        #expect(screen.focused === screen.editor("kind"))
        #expect(terminal.row(0).contains("Kind: Required"))

        screen.editor("kind")?.value = .choice("nonsense")  // a code no option has (a draft of an older list)
        screen.form.errors["kind"] = nil
        terminal.press(.function(2))
        app.runUntilIdle()
        #expect(saved.isEmpty && app.topScreen === screen)
        #expect(screen.form.errors["kind"] != nil)
    }
}
