import Terminal

/// One option out of several, shown as its label.
///
/// Keys: typing jumps by label or code (`ж` or `f` for Женский/Female); Left/Right step through the
/// options; Space or Alt-Down opens a filterable drop-down (Esc there closes without change);
/// Backspace/Delete clears. Enter is left to the form, where it moves to the next field as in every
/// other field, so what is typed next never lands in a list's filter.
public final class ChoiceField: Widget {
    public var options: [ChoiceOption]
    public var selectedIndex: Int? { didSet { if oldValue != selectedIndex { onChange?() } } }
    public var title: String
    public var onChange: (() -> Void)?
    public var helpText: String?
    public var isHidden = false
    public var hasError = false
    private var typeAhead = TypeAhead()

    /// - Parameter title: the drop-down's title (usually the field's label).
    public init(_ options: [ChoiceOption], selectedCode: String? = nil, title: String = "", helpText: String? = nil) {
        self.options = options
        self.title = title
        self.helpText = helpText
        selectedIndex = options.firstIndex { $0.code == selectedCode }
    }

    /// Yes / No / Unknown, with codes "yes", "no", "unknown".
    public static func yesNoUnknown(_ strings: ScreenKitStrings = .english, selectedCode: String? = nil, title: String = "", helpText: String? = nil) -> ChoiceField {
        ChoiceField([ChoiceOption(code: "yes", label: strings.yes), ChoiceOption(code: "no", label: strings.no),
                     ChoiceOption(code: "unknown", label: strings.unknown)], selectedCode: selectedCode, title: title, helpText: helpText)
    }

    public var selected: ChoiceOption? { selectedIndex.map { options[$0] } }

    public var selectedCode: String? {
        get { selected?.code }
        set { selectedIndex = options.firstIndex { $0.code == newValue } }
    }

    public var canFocus: Bool { true }
    public var consumesText: Bool { true }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        guard case .key(let key) = event else { return false }
        switch key {
        case .character(" "), .altDown: openList(app)
        case .character(let c):
            if let index = typeAhead.jump(c, in: options) { selectedIndex = index }
            return true
        case .left: step(-1)
        case .right: step(1)
        case .backspace, .delete: selectedIndex = nil
        default: return false
        }
        typeAhead.reset()
        return true
    }

    private func step(_ delta: Int) {
        guard !options.isEmpty else { return }
        selectedIndex = max(0, min(options.count - 1, (selectedIndex ?? -delta) + delta))
    }

    private func openList(_ app: Application) {
        app.push(ChooseDialog(title: title, options: options, selectedCode: selectedCode) { [weak self] option in
            if let option { self?.selectedCode = option.code }
        })
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        let focused = canvas.isFocused(self)
        let role = Role.field(focused: focused, hasError: hasError)
        let width = min(row.width, max(12, (options.map { $0.label.displayWidth }.max() ?? 0) + 2))
        let field = Rect(x: row.x, y: row.y, width: width, height: 1)
        canvas.fill(field, role: role)
        canvas.write(DisplayWidth.truncate(selected?.label ?? "", to: width - 2), at: field.origin, role: role, clip: field)
        canvas.write("▾", at: Point(x: field.maxX - 1, y: row.y), role: role, clip: field)
    }
}
