import Terminal

/// A yes/no question. Enter answers the highlighted button (the default at first); Left/Right move;
/// the first letters of the translated Yes/No (`д`/`н`) and `y`/`n` (also on the ЙЦУКЕН layout)
/// answer directly; Esc answers No.
public final class ConfirmDialog: Dialog {
    private let onAnswer: (Bool) -> Void
    private let buttons: Buttons

    public init(title: String, message: String, defaultYes: Bool = false, onAnswer: @escaping (Bool) -> Void) {
        self.onAnswer = onAnswer
        buttons = Buttons(["", ""], selected: defaultYes ? 0 : 1) { _ in }
        let lines = Self.lineCount(message, dialogWidth: 50)
        super.init(title: title, root: Stack(.vertical, [(.flex(1), Paragraph(message)), (.fixed(1), buttons)]),
                   preferredSize: Size(width: 50, height: lines + 5))
        buttons.onPress = { [unowned self] in answer($0 == 0) }
    }

    override public func didAppear() { buttons.labels = [strings.yes, strings.no] }

    /// The translated first letters come first, so on the Russian layout `н` means Нет even though
    /// it is on the Y key; the bar shows them ("д Да  н Нет"), not the Latin ones.
    override public var bindings: [Binding] {
        let translated = [strings.yes, strings.no].map { $0.prefix(1).map { Key.character($0) } }
        var yes = Binding(keys: translated[0], label: strings.yes) { [unowned self] in answer(true) }
        var no = Binding(keys: translated[1] + [.escape], label: strings.no) { [unowned self] in answer(false) }
        yes.ignoresLayout = true
        no.ignoresLayout = true
        return [
            yes, no,
            Binding(.character("y"), label: strings.yes, showInBar: false) { [unowned self] in answer(true) },
            Binding(.character("n"), label: strings.no, showInBar: false) { [unowned self] in answer(false) },
        ]
    }

    private func answer(_ yes: Bool) {
        close()
        onAnswer(yes)
    }
}
