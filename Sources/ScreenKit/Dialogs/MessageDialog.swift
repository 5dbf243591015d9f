import Terminal

/// A message with an OK button; Enter or Esc closes it.
public final class MessageDialog: Dialog {
    private let onClose: () -> Void
    private let button = Buttons([""]) { _ in }

    public init(title: String, message: String, onClose: @escaping () -> Void = {}) {
        self.onClose = onClose
        let lines = Self.lineCount(message, dialogWidth: 50)
        super.init(title: title, root: Stack(.vertical, [(.flex(1), Paragraph(message)), (.fixed(1), button)]),
                   preferredSize: Size(width: 50, height: lines + 5))
        button.onPress = { [unowned self] _ in finish() }
    }

    override public func didAppear() { button.labels = [strings.ok] }

    override public var bindings: [Binding] {
        [Binding(.escape, label: strings.close) { [unowned self] in finish() }]
    }

    private func finish() {
        close()
        onClose()
    }
}
