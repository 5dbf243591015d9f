import Terminal

/// A filterable list of options: typing narrows it (label or code contains the text), Up/Down/
/// PgUp/PgDn/Home/End move, Enter picks. The body of the choice drop-down, good for ~250 countries.
public final class OptionList: Widget {
    public let options: [ChoiceOption]
    public let filter = TextField()
    /// Shown before the filter ("Filter: "); `ChooseDialog` gives it in the application's language.
    public var filterPrompt = ScreenKitStrings.english.filterPrompt("")
    public var onPick: ((ChoiceOption) -> Void)?
    /// Indexes into `options` that pass the filter.
    public private(set) var visible: [Int]
    /// Position in `visible` of the highlighted option.
    public private(set) var highlighted = 0
    private var top = 0
    private var pageSize = 1

    public init(_ options: [ChoiceOption], selectedCode: String? = nil) {
        self.options = options
        visible = Array(options.indices)
        highlighted = options.firstIndex { $0.code == selectedCode } ?? 0
        filter.onChange = { [unowned self] in
            visible = options.indices.filter { options[$0].contains(filter.text) }
            highlighted = 0
            top = 0
        }
    }

    public var highlightedOption: ChoiceOption? { visible.indices.contains(highlighted) ? options[visible[highlighted]] : nil }

    public var canFocus: Bool { true }
    public var consumesText: Bool { true }
    public func preferredHeight(width: Int) -> Int { options.count + 1 }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        switch event {
        case .key(.up): move(to: highlighted - 1)
        case .key(.down): move(to: highlighted + 1)
        case .key(.pageUp): move(to: highlighted - pageSize)
        case .key(.pageDown): move(to: highlighted + pageSize)
        case .key(.home): move(to: 0)
        case .key(.end): move(to: visible.count - 1)
        case .key(.enter):
            if let option = highlightedOption { onPick?(option) }
        default: return filter.handle(event, app: app)
        }
        return true
    }

    private func move(to index: Int) { highlighted = max(0, min(visible.count - 1, index)) }

    /// The page is the rows under the filter line, so PgDn before the first frame moves a whole page.
    public func layout(in area: Rect, focused: (any Widget)?) {
        guard !area.isEmpty else { return }
        filter.layout(in: filterRow(in: area), focused: focused)
        let list = area.inset(top: 1)
        pageSize = max(1, list.height)
        top = Layout.scrolled(top, toShow: highlighted..<highlighted + 1, height: list.height)
    }

    /// The first row of `area` after the prompt.
    private func filterRow(in area: Rect) -> Rect {
        let used = min(filterPrompt.displayWidth, area.width)
        return Rect(x: area.x + used, y: area.y, width: area.width - used, height: min(1, area.height))
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let focused = canvas.isFocused(self)
        canvas.write(filterPrompt, at: area.origin, role: .muted, clip: area)
        filter.draw(in: filterRow(in: area), on: canvas, focused: focused)
        let list = area.inset(top: 1)
        for row in 0..<min(list.height, max(0, visible.count - top)) {
            let index = top + row
            let role: Role = index == highlighted ? (focused ? .focused : .selection) : .normal
            canvas.line(options[visible[index]].label, in: list.row(row), role: role)
        }
    }
}
