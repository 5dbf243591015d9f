import Terminal

/// F1: the focused field's help text, then every key live on the screen with its label.
/// Up/Down/PgUp/PgDn scroll; Esc, Enter or F1 close.
public final class HelpDialog: Dialog {
    public init(title: String, fieldHelp: String?, bindings: [Binding]) {
        let keyWidth = bindings.map { $0.keys.map(\.name).joined(separator: ", ").displayWidth }.max() ?? 0
        var lines: [String] = []
        if let fieldHelp, !fieldHelp.isEmpty { lines += [fieldHelp, ""] }
        for binding in bindings {
            lines.append(DisplayWidth.pad(binding.keys.map(\.name).joined(separator: ", "), to: keyWidth) + "  " + binding.label)
        }
        let text = lines.joined(separator: "\n")
        super.init(title: title, root: Paragraph(text, scrollable: true), preferredSize: Size(width: 70, height: Self.lineCount(text, dialogWidth: 70) + 2))
    }

    override public var bindings: [Binding] {
        [Binding(.escape, .enter, .function(1), label: strings.close) { [unowned self] in close() }]
    }
}

extension Application {
    /// Opens help for the top screen: what the global F1 binding should call.
    public func showHelp() {
        guard let screen = topScreen else { return }
        if let help = screen as? HelpDialog { return help.close() }  // F1 again closes it
        let bindings = activeBindings(for: screen)
        push(HelpDialog(title: strings.help, fieldHelp: screen.focused?.helpText, bindings: bindings))
    }
}
