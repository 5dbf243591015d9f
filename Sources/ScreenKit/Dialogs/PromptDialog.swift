import Terminal

/// Asks for one line of text. Enter submits, Esc cancels (the callback gets nil).
public final class PromptDialog: Dialog {
    public let field: TextField
    private let onSubmit: (String?) -> Void

    public init(title: String, label: String, text: String = "", masked: Bool = false, onSubmit: @escaping (String?) -> Void) {
        field = TextField(text, masked: masked)
        self.onSubmit = onSubmit
        let width = Self.width(title: title, label: label)
        super.init(title: title, root: Stack(.vertical, [(.auto, Paragraph(label)), (.fixed(1), field)]),
                   preferredSize: Size(width: width, height: Self.lineCount(label, dialogWidth: width) + 3))
    }

    /// Wide enough for the question whole ("Куда записать файл (.csv, или .xlsx для Excel):"), at
    /// least 50; `Dialog.frame` narrows it to the terminal, where the question wraps instead.
    private static func width(title: String, label: String) -> Int {
        max(50, label.displayWidth + 2 * margin, title.displayWidth + 4)
    }

    override public var bindings: [Binding] {
        [Binding(.enter, label: strings.ok) { [unowned self] in finish(field.text) },
         Binding(.escape, label: strings.cancel) { [unowned self] in finish(nil) }]
    }

    private func finish(_ text: String?) {
        close()
        onSubmit(text)
    }
}
