import Terminal

/// Several options out of a list, as checkboxes: Up/Down move (at the ends they move the focus on),
/// Space toggles, typing jumps by label or code.
public final class MultiChoiceField: Widget {
    public var options: [ChoiceOption]
    public var checkedCodes: [String] { didSet { if oldValue != checkedCodes { onChange?() } } }
    /// Rows shown at most; the list scrolls beyond.
    public var rows: Int
    public var onChange: (() -> Void)?
    public var helpText: String?
    public var isHidden = false
    public var hasError = false
    public private(set) var current = 0
    private var top = 0
    private var typeAhead = TypeAhead()

    public init(_ options: [ChoiceOption], checkedCodes: [String] = [], rows: Int = 6, helpText: String? = nil) {
        self.options = options
        self.checkedCodes = checkedCodes
        self.rows = rows
        self.helpText = helpText
    }

    public var canFocus: Bool { true }
    public var consumesText: Bool { true }
    public func preferredHeight(width: Int) -> Int { max(1, min(rows, options.count)) }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        guard case .key(let key) = event, !options.isEmpty else { return false }
        switch key {
        case .up where current > 0: current -= 1
        case .down where current < options.count - 1: current += 1
        case .home: current = 0
        case .end: current = options.count - 1
        case .character(" "): toggle(options[current].code)
        case .character(let c): if let index = typeAhead.jump(c, in: options) { current = index }; return true
        default: return false
        }
        typeAhead.reset()
        return true
    }

    private func toggle(_ code: String) {
        if checkedCodes.contains(code) { checkedCodes.removeAll { $0 == code } }
        else { checkedCodes = options.map(\.code).filter { checkedCodes.contains($0) || $0 == code } }  // keep option order
    }

    /// Scrolls to keep the current option in view.
    public func layout(in area: Rect, focused: (any Widget)?) {
        guard !area.isEmpty else { return }
        top = Layout.scrolled(top, toShow: current..<current + 1, height: area.height)
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let focused = canvas.isFocused(self)
        for row in 0..<min(area.height, max(0, options.count - top)) {
            let option = options[top + row]
            let box = checkedCodes.contains(option.code) ? "[x] " : "[ ] "
            let role: Role = focused && top + row == current ? .focused : hasError ? .error : .normal
            canvas.line(box + option.label, in: area.row(row), role: role)
        }
    }
}
