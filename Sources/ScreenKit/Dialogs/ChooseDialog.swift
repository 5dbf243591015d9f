import Terminal

/// Choose one option from a list that can be filtered by typing. Enter picks, Esc closes without
/// change (the callback gets nil).
public final class ChooseDialog: Dialog {
    public let list: OptionList
    private let onChoose: (ChoiceOption?) -> Void

    public init(title: String, options: [ChoiceOption], selectedCode: String? = nil, onChoose: @escaping (ChoiceOption?) -> Void) {
        list = OptionList(options, selectedCode: selectedCode)
        self.onChoose = onChoose
        super.init(title: title, root: list, preferredSize: Size(width: 44, height: min(options.count, 14) + 3))
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

    private func finish(_ option: ChoiceOption?) {
        close()
        onChoose(option)
    }
}
