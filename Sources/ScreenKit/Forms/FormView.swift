import Terminal

/// Draws the current page of a form: the page indicator, then one row per relevant field — label
/// (with `*` when required), editor, and the error under it — and, on the last rows when there is
/// room, the focused field's help. Scrolls to keep the focused field in view. A label too long
/// for its column is cut in the middle, keeping its end, which is what tells similar labels apart
/// ("Проинформ…о праве отказаться"). Its children are the editors of the relevant fields on this
/// page, so hidden fields are also skipped by the focus ring.
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

    public func draw(in area: Rect, on canvas: Canvas) {
        guard area.height > 1 else { return }
        canvas.line(pageIndicator(canvas.strings), in: area.row(0), role: .header)
        var content = area.inset(top: 1)
        let fields = form.relevantFields(onPage: page)
        let focusedHelp = fields.lazy.compactMap { self.editors[$0.key] }.first { canvas.isFocused($0) }?.helpText
        if let focusedHelp, !focusedHelp.isEmpty {
            let lines = TextWrap.lines(focusedHelp, width: content.width).prefix(3)
            if content.height >= fields.count + lines.count + 2 {
                for (index, line) in lines.enumerated() {
                    canvas.line(line, in: content.row(content.height - lines.count + index), role: .muted)
                }
                content = content.inset(bottom: lines.count + 1)
            }
        }
        let labelWidth = min((fields.map { $0.label.displayWidth }.max() ?? 0) + 2, max(8, content.width / 2))
        let editorWidth = max(1, content.width - labelWidth)

        var placements: [(field: FormField, editor: any FieldEditor, y: Int, height: Int)] = []
        var y = 0
        for field in fields {
            guard let editor = editors[field.key] else { continue }
            editor.hasError = form.errors[field.key] != nil
            let height = max(1, editor.preferredHeight(width: editorWidth))
            placements.append((field, editor, y, height))
            y += height + (form.errors[field.key] == nil ? 0 : 1)
        }
        if let focused = placements.first(where: { canvas.isFocused($0.editor) }) {
            let bottom = focused.y + focused.height + (form.errors[focused.field.key] == nil ? 0 : 1)
            scroll = Layout.scrolled(scroll, toShow: focused.y..<bottom, height: content.height)
        }
        scroll = max(0, min(scroll, y - content.height))

        for placement in placements {
            let top = content.y + placement.y - scroll
            let focused = canvas.isFocused(placement.editor)
            let labelArea = Rect(x: content.x, y: top, width: labelWidth - 1, height: 1).intersection(content)
            if !labelArea.isEmpty {
                let mark = placement.field.isRequired ? "*" : ""
                let label = Self.cutInTheMiddle(placement.field.label, to: labelArea.width - mark.count)
                let used = canvas.write(label, at: labelArea.origin, role: focused ? .header : .normal, clip: labelArea)
                canvas.write(mark, at: Point(x: labelArea.x + used, y: top), role: .accent, clip: labelArea)
            }
            let editorArea = Rect(x: content.x + labelWidth, y: top, width: editorWidth, height: placement.height).intersection(content)
            if !editorArea.isEmpty { placement.editor.draw(in: editorArea, on: canvas) }
            if let error = form.errors[placement.field.key] {
                let errorRow = Rect(x: content.x + labelWidth, y: top + placement.height, width: editorWidth, height: 1).intersection(content)
                if !errorRow.isEmpty { canvas.line(error, in: errorRow, role: .error) }
            }
        }
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
}
