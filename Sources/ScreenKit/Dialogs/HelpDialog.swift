import Terminal

/// F1: the focused field's full label and help text, then every key live on the screen with its
/// label; a letter shortcut is shown on both layouts ("n (т)"), as both work.
/// Up/Down/PgUp/PgDn scroll; Esc, Enter or F1 close. The bar names the scroll keys while the
/// text is longer than the dialog, so a newcomer knows there is more and how to reach it.
public final class HelpDialog: Dialog {
    private let text: Paragraph

    public init(title: String, fieldHelp: String?, bindings: [Binding]) {
        let names = bindings.map(Self.keyNames)
        let keyWidth = names.map(\.displayWidth).max() ?? 0
        var lines: [String] = []
        if let fieldHelp, !fieldHelp.isEmpty { lines += [fieldHelp, ""] }
        for (binding, name) in zip(bindings, names) {
            lines.append(DisplayWidth.pad(name, to: keyWidth) + "  " + binding.label)
        }
        let help = lines.joined(separator: "\n")
        text = Paragraph(help, scrollable: true)
        super.init(title: title, root: text, preferredSize: Size(width: 70, height: Self.lineCount(help, dialogWidth: 70) + 2))
    }

    private static func keyNames(_ binding: Binding) -> String {
        binding.keys.map { key in
            guard case .character(let latin) = key, !binding.ignoresLayout, let russian = KeyboardLayout.russian(for: latin) else {
                return key.name
            }
            return "\(latin) (\(russian))"
        }.joined(separator: ", ")
    }

    /// F1 closes the help, and the bar says so ("1Закрыть", not "1Помощь").
    override public var takesGlobalKeys: [Key] { [.function(1)] }

    override public var bindings: [Binding] {
        // Two bindings, so the bar names both F1 and Esc: one is what opened the help, the other
        // what closes everything else.
        let closing = [
            Binding(.function(1), label: strings.close) { [unowned self] in close() },
            Binding(.escape, .enter, label: strings.close) { [unowned self] in close() },
        ]
        guard text.isLongerThanItsArea else { return closing }
        return closing + [
            Binding(.pageUp, label: strings.scrollUp) { [unowned self] in text.scroll(.pageUp) },
            Binding(.pageDown, label: strings.scrollDown) { [unowned self] in text.scroll(.pageDown) },
        ]
    }
}

extension Application {
    /// Opens help for the top screen: what the global F1 binding should call.
    public func showHelp() {
        guard let screen = topScreen else { return }
        let bindings = activeBindings(for: screen)
        push(HelpDialog(title: strings.help, fieldHelp: screen.focusedHelp, bindings: bindings))
    }
}
