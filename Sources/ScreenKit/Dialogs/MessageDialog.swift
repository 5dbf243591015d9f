import Terminal

/// A message with an OK button; Enter or Esc closes it.
public final class MessageDialog: Dialog {
    private let onClose: () -> Void

    public init(title: String, message: String, onClose: @escaping () -> Void = {}) {
        self.onClose = onClose
        let text = Paragraph(message)
        var finish: () -> Void = {}
        let ok = Buttons([""]) { _ in finish() }
        let lines = TextWrap.lines(message, width: 46).count
        super.init(title: title, root: Stack(.vertical, [(.flex(1), text), (.fixed(1), ok)]), preferredSize: Size(width: 50, height: lines + 5))
        finish = { [unowned self] in self.finish() }
    }

    override public func didAppear() {
        (root.children.last as? Buttons)?.labels = [strings.ok]
    }

    override public var bindings: [Binding] {
        [Binding(.escape, label: strings.close) { [unowned self] in finish() }]
    }

    private func finish() {
        close()
        onClose()
    }
}
