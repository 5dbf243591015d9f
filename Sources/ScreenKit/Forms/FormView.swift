import Terminal

/// Draws the current page of a form: the page indicator, then one row per relevant field — label
/// (with `*` when required), editor, and the error under it. Scrolls to keep the focused field in
/// view. Its children are the editors of the relevant fields on this page, so hidden fields are
/// also skipped by the focus ring.
public final class FormView: Widget {
    public let form: Form
    public let editors: [String: any FieldEditor]
    public internal(set) var page = 0
    private var scroll = 0

    init(form: Form, editors: [String: any FieldEditor]) {
        self.form = form
        self.editors = editors
    }

    public var children: [any Widget] { form.relevantFields(onPage: page).compactMap { editors[$0.key] } }

    /// "Page 2/5 · Consent", or just the title of a one-page form.
    func pageIndicator(_ strings: ScreenKitStrings) -> String {
        let pages = form.description.pages
        guard pages.indices.contains(page) else { return "" }
        if pages.count == 1 { return pages[page].title }
        let title = pages[page].title
        return "\(strings.page) \(page + 1)/\(pages.count)" + (title.isEmpty ? "" : " · " + title)
    }

    /// Marks the editors whose field has an error and scrolls to keep the focused field in view.
    public func layout(in area: Rect, focused: (any Widget)?) {
        guard area.height > 1 else { return }
        let content = area.inset(top: 1)
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
        let content = area.inset(top: 1)
        for row in rows(width: content.width) {
            let top = content.y + row.y - scroll
            let focused = canvas.isFocused(row.editor)
            let labelArea = Rect(x: content.x, y: top, width: row.labelWidth - 1, height: 1).intersection(content)
            if !labelArea.isEmpty {
                let mark = row.field.isRequired ? "*" : ""
                let label = DisplayWidth.truncate(row.field.label, to: labelArea.width - mark.count)
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

    /// Where each relevant field of the page goes, from the top of the unscrolled content: label,
    /// editor, and the error line under it when there is one.
    private func rows(width: Int) -> [FieldRow] {
        let fields = form.relevantFields(onPage: page)
        let labelWidth = min((fields.map { $0.label.displayWidth }.max() ?? 0) + 2, max(8, width * 2 / 5))
        let editorWidth = max(1, width - labelWidth)
        var rows: [FieldRow] = []
        var y = 0
        for field in fields {
            guard let editor = editors[field.key] else { continue }
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
