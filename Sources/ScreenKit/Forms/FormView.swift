import Terminal

/// Draws the current page of a form: the page indicator, then one row per relevant field — label
/// (with `*` when required), editor, and the error under it — and, on the last rows when there is
/// room, the focused field's help. Scrolls to keep the focused field in view. A label too long
/// for its column is cut in the middle, keeping its end, which is what tells similar labels apart
/// ("Проинформ…о праве отказаться"). Its children are the editors of the relevant fields on this
/// page, so hidden fields are also skipped by the focus ring.
public final class FormView: Widget {
    public let form: Form
    /// The form's fields, by key.
    public let inputs: [String: any FormInput]
    public internal(set) var page = 0
    private var scroll = 0

    init(form: Form, inputs: [String: any FormInput]) {
        self.form = form
        self.inputs = inputs
    }

    public var children: [any Widget] { shownInputs.map(\.editor) }

    /// The fields of this page that are not skipped, in order.
    private var shownInputs: [any FormInput] {
        guard form.description.pages.indices.contains(page) else { return [] }
        return form.description.pages[page].fields.compactMap { inputs[$0.key] }.filter { !$0.skips(given: form.values) }
    }

    /// "Page 2/5 · Consent", or the page title of a one-page form — unless the form's title, which
    /// the top line already shows, begins with it ("Note" under "Note — 2026-0001").
    func pageIndicator(_ strings: ScreenKitStrings) -> String {
        let pages = form.description.pages
        guard pages.indices.contains(page) else { return "" }
        if pages.count == 1 { return form.description.title.hasPrefix(pages[page].title) ? "" : pages[page].title }
        let title = pages[page].title
        return strings.page(page + 1, of: pages.count) + (title.isEmpty ? "" : " · " + title)
    }

    /// Marks the editors whose field has an error and scrolls to keep the focused field in view.
    public func layout(in area: Rect, focused: (any Widget)?) {
        guard area.height > 1 else { return }
        let content = fieldsArea(area, focused: focused).fields
        let rows = self.rows(width: content.width)
        if let row = rows.first(where: { $0.editor === focused }) {
            scroll = Layout.scrolled(scroll, toShow: row.y..<row.bottom, height: content.height)
        }
        scroll = max(0, min(scroll, (rows.last?.bottom ?? 0) - content.height))
        for row in rows {
            row.editor.hasError = row.hasError
            let editorArea = Rect(x: content.x + row.labelWidth, y: content.y + row.y - scroll, width: row.editorWidth, height: row.height)
            row.editor.layout(in: editorArea.intersection(content), focused: focused)
        }
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        guard area.height > 1 else { return }
        canvas.line(pageIndicator(canvas.strings), in: area.row(0), role: .header)
        let focused = children.first { canvas.isFocused($0) }
        let (content, help) = fieldsArea(area, focused: focused)
        for (index, line) in help.enumerated() {
            canvas.line(line, in: Rect(x: area.x, y: area.maxY - help.count + index, width: area.width, height: 1), role: .muted)
        }
        for row in rows(width: content.width) {
            let top = content.y + row.y - scroll
            let focused = canvas.isFocused(row.editor)
            let labelArea = Rect(x: content.x, y: top, width: row.labelWidth - 1, height: 1).intersection(content)
            if !labelArea.isEmpty {
                let mark = row.field.isRequired ? "*" : ""
                let label = Self.cutInTheMiddle(row.field.label, to: labelArea.width - mark.count)
                let used = canvas.write(label, at: labelArea.origin, role: focused ? .header : .normal, clip: labelArea)
                canvas.write(mark, at: Point(x: labelArea.x + used, y: top), role: .accent, clip: labelArea)
            }
            let editorArea = Rect(x: content.x + row.labelWidth, y: top, width: row.editorWidth, height: row.height).intersection(content)
            if !editorArea.isEmpty { row.editor.draw(in: editorArea, on: canvas) }
            if let error = form.errors[row.field.key] {
                let errorRow = Rect(x: content.x + row.labelWidth, y: top + row.height, width: row.editorWidth, height: 1).intersection(content)
                if !errorRow.isEmpty { canvas.line(error, in: errorRow, role: .error) }
            }
        }
    }

    /// The area of the fields, below the page indicator, and the lines of the focused field's help
    /// under them — only when every field still has a row of its own.
    private func fieldsArea(_ area: Rect, focused: (any Widget)?) -> (fields: Rect, help: [String]) {
        let content = area.inset(top: 1)
        guard let help = focused?.helpText, !help.isEmpty else { return (content, []) }
        let lines = Array(TextWrap.lines(help, width: content.width).prefix(3))
        guard content.height >= children.count + lines.count + 2 else { return (content, []) }
        return (content.inset(bottom: lines.count + 1), lines)
    }

    /// `text` in `width` columns: whole, or its start and end around "…".
    static func cutInTheMiddle(_ text: String, to width: Int) -> String {
        guard text.displayWidth > width else { return text }
        guard width >= 7 else { return DisplayWidth.truncate(text, to: width) }
        let head = DisplayWidth.prefix(of: text, fitting: (width - 1) / 2).text
        var tail: [Character] = []
        var room = width - 1 - head.displayWidth
        for character in text.reversed() {
            guard character.displayWidth <= room else { break }
            room -= character.displayWidth
            tail.insert(character, at: 0)
        }
        return head + "…" + String(tail)
    }

    /// Where each relevant field of the page goes, from the top of the unscrolled content: label,
    /// editor, and the error line under it when there is one.
    private func rows(width: Int) -> [FieldRow] {
        let shown = shownInputs
        // Labels may take three fifths of the width: a question cut in its middle loses its
        // meaning, while the answers beside it (a choice, a date, a name) fit in the rest.
        let labelWidth = min((shown.map { $0.field.label.displayWidth }.max() ?? 0) + 2, max(8, width * 3 / 5))
        let editorWidth = max(1, width - labelWidth)
        var rows: [FieldRow] = []
        var y = 0
        for input in shown {
            let field = input.field, editor = input.editor
            let row = FieldRow(field: field, editor: editor, labelWidth: labelWidth, editorWidth: editorWidth, y: y,
                               height: max(1, editor.preferredHeight(width: editorWidth)), hasError: form.errors[field.key] != nil)
            rows.append(row)
            y = row.bottom
        }
        return rows
    }
}

private struct FieldRow {
    let field: FormField
    let editor: any FieldEditor
    let labelWidth: Int
    let editorWidth: Int
    let y: Int
    let height: Int
    let hasError: Bool
    /// Below the editor and its error line.
    var bottom: Int { y + height + (hasError ? 1 : 0) }
}
