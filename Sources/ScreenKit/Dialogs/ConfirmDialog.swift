import Terminal

/// A yes/no question. Enter answers the highlighted button (the default at first); Left/Right move;
/// `y`/`n` (and the same keys in ЙЦУКЕН, and the first letters of the translated Yes/No) answer
/// directly; Esc answers No.
public final class ConfirmDialog: Dialog {
    private let onAnswer: (Bool) -> Void
    private let buttons: Buttons

    public init(title: String, message: String, defaultYes: Bool = false, onAnswer: @escaping (Bool) -> Void) {
        self.onAnswer = onAnswer
        var answer: (Int) -> Void = { _ in }
        buttons = Buttons(["", ""], selected: defaultYes ? 0 : 1) { answer($0) }
        let lines = TextWrap.lines(message, width: 46).count
        super.init(title: title, root: Stack(.vertical, [(.flex(1), Paragraph(message)), (.fixed(1), buttons)]),
                   preferredSize: Size(width: 50, height: lines + 5))
        answer = { [unowned self] in self.answer($0 == 0) }
    }

    override public func didAppear() { buttons.labels = [strings.yes, strings.no] }

    override public var bindings: [Binding] {
        let yesKeys: [Key] = [.character("y")] + strings.yes.prefix(1).map { .character($0) }
        let noKeys: [Key] = [.character("n")] + strings.no.prefix(1).map { .character($0) }
        return [
            Binding(keys: yesKeys, label: strings.yes) { [unowned self] in answer(true) },
            Binding(keys: noKeys + [.escape], label: strings.no) { [unowned self] in answer(false) },
        ]
    }

    private func answer(_ yes: Bool) {
        close()
        onAnswer(yes)
    }
}
