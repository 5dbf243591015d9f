import Terminal

/// Choose one option from a list that can be filtered by typing. Enter picks, Esc closes without
/// change (the callback gets nil).
public final class ChooseDialog: Dialog {
    public let list: OptionList
    private let onChoose: (ChoiceOption?) -> Void

    public init(title: String, options: [ChoiceOption], selectedCode: String? = nil, onChoose: @escaping (ChoiceOption?) -> Void) {
        list = OptionList(options, selectedCode: selectedCode)
        self.onChoose = onChoose
        super.init(title: title, root: list, preferredSize: Size(width: Self.width(title: title, options: options), height: min(options.count, 14) + 3))
        list.onPick = { [unowned self] in finish($0) }
    }

    override public func layout(in area: Rect) {
        list.filterPrompt = strings.filterPrompt("")
        super.layout(in: area)
    }

    override public var bindings: [Binding] {
        [Binding(.enter, label: strings.choose) { [unowned self] in finish(list.highlightedOption) },
         Binding(.escape, label: strings.cancel) { [unowned self] in finish(nil) }]
    }

    /// Wide enough for the title and every option whole ("Связать с существующим делом
    /// родственника"), at least 44; `Dialog.frame` narrows it to the terminal.
    private static func width(title: String, options: [ChoiceOption]) -> Int {
        let widestOption = options.map(\.label.displayWidth).max() ?? 0
        return max(44, widestOption + 2 * margin, title.displayWidth + 4)
    }

    private func finish(_ option: ChoiceOption?) {
        close()
        onChoose(option)
    }
}
