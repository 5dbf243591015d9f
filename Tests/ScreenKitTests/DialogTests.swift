import Testing
import Terminal
@testable import ScreenKit

@Suite struct DialogTests {
    @Test func messageDialogClosesWithEnterOrEsc() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "S", root: Label("underneath")))
        var closed = 0
        app.push(MessageDialog(title: "Готово", message: "Данные сохранены.") { closed += 1 })
        app.runUntilIdle()
        #expect(terminal.shows("┌ Готово "))
        #expect(terminal.shows("│ Данные сохранены."))
        #expect(terminal.shows("[ OK ]"))
        #expect(terminal.row(1) == "underneath")
        terminal.press(.enter)
        app.push(MessageDialog(title: "Again", message: "x") { closed += 1 })
        terminal.press(.escape)
        app.runUntilIdle()
        #expect(closed == 2)
        #expect(app.screens.count == 1)
    }

    @Test func confirmDialogDefaultsKeysAndRussianStrings() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.strings = .russian
        app.push(Screen(title: "S", root: Spacer()))
        var answers: [Bool] = []
        let ask = { app.push(ConfirmDialog(title: "?", message: "Удалить?", defaultYes: true) { answers.append($0) }) }
        ask(); terminal.press(.enter); app.runUntilIdle()
        ask(); terminal.press(.right, .enter); app.runUntilIdle()
        ask(); terminal.press(.escape); app.runUntilIdle()
        ask(); terminal.type("д"); app.runUntilIdle()   // Да
        ask(); terminal.type("Н"); app.runUntilIdle()   // Нет
        ask(); terminal.type("y"); app.runUntilIdle()
        ask(); app.runUntilIdle()
        #expect(terminal.shows("[ Да ]  [ Нет ]"))
        terminal.type("т"); app.runUntilIdle()          // the N key in ЙЦУКЕН
        #expect(answers == [true, false, false, true, false, true, false])
    }

    @Test func promptDialogSubmitsOrCancels() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "S", root: Spacer()))
        var results: [String?] = []
        app.push(PromptDialog(title: "Пароль", label: "Введите пароль", masked: true) { results.append($0) })
        terminal.type("сезам")
        app.runUntilIdle()
        #expect(terminal.shows("•••••"))
        #expect(!terminal.shows("сезам"))
        terminal.enqueue(.paste("\nоткройся"))
        terminal.press(.enter)
        app.runUntilIdle()
        app.push(PromptDialog(title: "Имя", label: "Имя", text: "Ива") { results.append($0) })
        terminal.press(.escape)
        app.runUntilIdle()
        #expect(results == ["сезам откройся", nil])
    }

    /// The export's question was cut at 80 columns ("Куда записать файл (.csv, или .xlsx для
    /// Excel…"): a prompt is as wide as its label and title need, as a choice is.
    @Test func promptDialogIsWideEnoughForItsWholeLabel() {
        let (app, terminal) = makeApp(width: 80, height: 24)
        app.push(Screen(title: "S", root: Spacer()))
        let label = "Куда записать файл (.csv, или .xlsx для Excel):"
        app.push(PromptDialog(title: "Экспорт обезличенных дел", label: label, text: "/home/anna/refuge-export.csv") { _ in })
        app.runUntilIdle()
        #expect(terminal.shows("│ " + label), "\(terminal.rows.joined(separator: "\n"))")
        #expect(!terminal.shows("…"))
        // Wider than the terminal, the label wraps rather than being cut.
        let (narrowApp, narrow) = makeApp(width: 40, height: 24)
        narrowApp.push(Screen(title: "S", root: Spacer()))
        narrowApp.push(PromptDialog(title: "Экспорт", label: label) { _ in })
        narrowApp.runUntilIdle()
        #expect(!narrow.shows("…"), "\(narrow.rows.joined(separator: "\n"))")
        #expect(narrow.shows("Excel):"), "\(narrow.rows.joined(separator: "\n"))")
    }

    @Test func progressDialogUpdatesAndCanBeCancelled() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "Import", root: Spacer()))
        let progress = ProgressDialog(title: "Импорт", message: "Чтение файла…")
        app.push(progress)
        var done = 0
        for chunk in 1...10 {
            done = chunk
            progress.update(fraction: Double(chunk) / 10, message: "Запись \(chunk * 100)")
            if chunk == 4 { terminal.press(.escape) }
            app.runUntilIdle()
            if progress.isCancelled { break }
        }
        #expect(done == 4)
        #expect(terminal.shows(" 40%"))
        #expect(terminal.shows("Запись 400"))
        #expect(terminal.shows("[##########  "))
    }

    /// "Every key does what the bar says": the progress dialog's bar names F10 Cancel (Russian:
    /// "10Отмена"), so F10 cancels the work there — the global F10 (quit) gives way to it.
    @Test func progressDialogTakesF10FromQuitAndItsBarSaysCancel() {
        let (app, terminal) = makeApp(width: 60, height: 12)
        app.strings = .russian
        var quits = 0
        app.globalBindings = [Binding(.function(10), label: "Выход") { quits += 1 }]
        app.push(Screen(title: "Импорт", root: Spacer()))
        let progress = ProgressDialog(title: "Импорт", message: "Чтение файла…")
        app.push(progress)
        progress.update(fraction: 0.3)
        app.runUntilIdle()
        #expect(terminal.row(11).hasPrefix("10Отмена"), "\(terminal.row(11))")
        #expect(!terminal.row(11).contains("Выход"), "\(terminal.row(11))")
        terminal.press(.function(10))
        app.runUntilIdle()
        #expect(progress.isCancelled)
        #expect(quits == 0)
    }
}
