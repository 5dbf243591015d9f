import Terminal

/// Asks for one line of text. Enter submits, Esc cancels (the callback gets nil).
public final class PromptDialog: Dialog {
    public let field: TextField
    private let onSubmit: (String?) -> Void

    public init(title: String, label: String, text: String = "", masked: Bool = false, onSubmit: @escaping (String?) -> Void) {
        field = TextField(text, masked: masked)
        self.onSubmit = onSubmit
        super.init(title: title, root: Stack(.vertical, [(.fixed(1), Label(label)), (.fixed(1), field)]), preferredSize: Size(width: 50, height: 4))
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
