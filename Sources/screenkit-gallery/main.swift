// Shows every ScreenKit widget on the real terminal, for reviewing the look (e.g. at 80x24 under
// tmux). Run: swift run screenkit-gallery [--ru] [--mono]
import Foundation
import ScreenKit
import Terminal

/// 200,000 generated rows, sorted by reversing the order.
final class GeneratedRows: TableDataSource {
    private var descending = false
    var rowCount: Int { 200_000 }
    func cells(forRow row: Int) -> [String] {
        let n = descending ? 199_999 - row : row
        return [String(format: "%06d", n), ["Әлия", "Бауыржан", "Гүлнара", "Дильноза", "Ivan", "王芳"][n % 6], "\(n % 97)"]
    }
    func sort(byColumn column: Int, ascending: Bool) { descending = !ascending }
}

let arguments = CommandLine.arguments
let strings: ScreenKitStrings = arguments.contains("--ru") ? .russian : arguments.contains("--kk") ? .kazakh : .english
let terminal: CursesTerminal
do { terminal = try CursesTerminal() } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
defer { terminal.close() }
let app = Application(terminal: terminal, theme: arguments.contains("--mono") ? .monochrome : nil, strings: strings)
app.marker = "DEMO"

let sexes = [ChoiceOption(code: "f", label: "Женский / Female"), ChoiceOption(code: "m", label: "Мужской / Male")]
let countries = [ChoiceOption(code: "KZ", label: "Казахстан"), ChoiceOption(code: "UZ", label: "Oʻzbekiston"),
                 ChoiceOption(code: "KG", label: "Кыргызстан"), ChoiceOption(code: "TJ", label: "Тоҷикистон")]
    + (1...246).map { ChoiceOption(code: "C\($0)", label: "Country \($0)") }

func row(_ label: String, _ widget: any Widget, _ height: Length = .fixed(1)) -> (Length, any Widget) {
    (height, Stack(.horizontal, spacing: 1, [(.fixed(14), Label(label, role: .muted)), (.flex(1), widget)]))
}

let fields = Stack(.vertical, [
    row("Label", Label("Plain label, cut with an ellipsis when it is far too long for the column")),
    row("Text", TextField("Әлия Қасымова", helpText: "A text field: Left/Right/Home/End, Ctrl-Left/Right.")),
    row("Passphrase", TextField("secret", masked: true)),
    row("Date", DateField(today: CalendarDate.today, helpText: "dd.mm.yyyy, d.m.yyyy or yyyy-mm-dd; t for today.")),
    row("Number", NumberField(3, range: 1...20)),
    row("Choice", ChoiceField(sexes, title: "Sex")),
    row("Country", ChoiceField(countries, selectedCode: "KZ", title: "Country")),
    row("Yes/No/Unk.", ChoiceField.yesNoUnknown(strings)),
    row("Languages", MultiChoiceField([ChoiceOption(code: "ru", label: "Русский"), ChoiceOption(code: "kk", label: "Қазақша"),
                                       ChoiceOption(code: "uz", label: "Oʻzbekcha"), ChoiceOption(code: "en", label: "English")], rows: 3), .fixed(3)),
    row("Notes", TextArea("Multi-line notes wrap by word.\nEnter makes a new line.", rows: 3), .fixed(3)),
    (.fixed(1), Spacer()),
    (.auto, Paragraph("F3 opens a form, F4 a message, F5 a question, F9 a prompt, Ctrl-P a progress dialog; F7/F8 switch sections; F1 is help.", role: .muted)),
])
let table = TableView(columns: [TableColumn("Number", width: .fixed(8)), TableColumn("Name"), TableColumn("Score", width: .fixed(6), alignment: .right)],
                      dataSource: GeneratedRows(), strings: strings)
let text = Paragraph(String(repeating: "A wrapped paragraph in Русский, Қазақша and Oʻzbekcha, with 漢字 and е\u{0301}. ", count: 12), scrollable: true)
let tabs = TabView([("Fields", fields), ("Table (200,000 rows)", table), ("Paragraph", text)], strings: strings)
app.push(Screen(title: "ScreenKit gallery", root: tabs))

let intake = FormDescription(title: "Intake (demo)", pages: [
    FormPage(title: "Person", fields: [
        FormField("surname", "Surname", .text(maxLength: 60), required: true, help: "As written in the passport, if any."),
        FormField("born", "Date of birth", .date),
        FormField("sex", "Sex", .choice(sexes)),
        FormField("children", "Children", .yesNoUnknown),
        FormField("count", "How many", .number(range: 1...20), required: true, relevantWhen: .contains("children", code: "yes")),
    ]),
    FormPage(title: "Consent", fields: [
        FormField("consent", "Consent", .multiChoice([ChoiceOption(code: "data", label: "Store data"), ChoiceOption(code: "photo", label: "Photo")]), required: true),
        FormField("notes", "Notes", .notes()),
    ]),
])

app.globalBindings = [
    Binding(.function(1), label: strings.help) { app.showHelp() },
    Binding(.function(10), .control("q"), label: "Quit") { app.quit() },
    Binding(.control("l"), label: "Lock", showInBar: false) { app.showInfo("Locked (demo)") },
]
app.bindings = [
    Binding(.function(3), label: "Form") {
        app.push(FormScreen(intake, strings: strings) { form in
            app.pop()
            app.showInfo("Saved: " + form.changedKeys.sorted().joined(separator: ", "))
        })
    },
    Binding(.function(4), label: "Msg") { app.push(MessageDialog(title: "Message", message: "Данные сохранены. Деректер сақталды.")) },
    Binding(.function(5), label: "Ask") {
        app.push(ConfirmDialog(title: "Question", message: "Delete the draft?") { app.showInfo($0 ? "Yes" : "No") })
    },
    Binding(.function(9), .control("o"), label: "Prompt") {
        app.push(PromptDialog(title: "Prompt", label: "Your name:") { name in name.map { app.showInfo("Hello, \($0)") } })
    },
    Binding(.control("p"), label: "Progress", showInBar: false) {
        let progress = ProgressDialog(title: "Import", message: "Reading…")
        app.push(progress)
        for step in 1...50 where !progress.isCancelled {
            Thread.sleep(forTimeInterval: 0.04)
            progress.update(fraction: Double(step) / 50, message: "Record \(step * 20) of 1000")
            app.runUntilIdle()
        }
        app.dismiss(progress)
        app.showInfo(progress.isCancelled ? "Import cancelled" : "Import done")
    },
]
app.onIdle(after: .seconds(300)) { app.showInfo("Idle for 5 minutes: the app would lock now") }
app.run()
