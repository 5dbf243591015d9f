import Terminal

/// Multi-line notes: wrapped at the field's width, scrolled to keep the cursor visible.
///
/// Keys: as `TextField`, plus Enter for a new line and Up/Down by visual line (at the first or last
/// line they are left to the screen, so the focus moves on). A paste keeps its newlines.
public final class TextArea: Widget {
    /// The text and cursor; lines are only a way of showing it.
    private var editor: LineEditor
    public var characters: [Character] { editor.characters }
    public var cursor: Int { editor.cursor }
    public var maxLength: Int? {
        get { editor.maxLength }
        set { editor.maxLength = newValue }
    }
    /// Rows asked for in forms and stacks.
    public var rows: Int
    public var onChange: (() -> Void)?
    public var helpText: String?
    public var isHidden = false
    public var hasError = false
    private var top = 0
    private var width = 40

    public init(_ text: String = "", rows: Int = 4, maxLength: Int? = nil, helpText: String? = nil) {
        editor = LineEditor(text, maxLength: maxLength)
        self.rows = rows
        self.helpText = helpText
    }

    public var text: String {
        get { editor.text }
        set { editor.setText(newValue); onChange?() }
    }

    public var canFocus: Bool { true }
    public var consumesText: Bool { true }
    public func preferredHeight(width: Int) -> Int { rows }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        let before = characters
        switch event {
        case .paste(let pasted): editor.insert(pasted.replacingLineEnds())
        case .key(.character(let c)): editor.insert(String(c))
        case .key(.enter): editor.insert("\n")
        case .key(.left): editor.moveLeft()
        case .key(.right): editor.moveRight()
        case .key(.home), .key(.control("a")): editor.move(to: currentLine.lowerBound)
        case .key(.end), .key(.control("e")): editor.move(to: currentLine.upperBound)
        case .key(.control("w")): editor.deleteBackward(to: editor.startOfWordBeforeCursor)
        case .key(.wordLeft): editor.moveWordLeft()
        case .key(.wordRight): editor.moveWordRight()
        case .key(.backspace): editor.deleteBackward()
        case .key(.delete): editor.deleteForward()
        case .key(.up): return moveVertically(by: -1)
        case .key(.down): return moveVertically(by: 1)
        default: return false
        }
        if characters != before { onChange?() }
        return true
    }

    private var lines: [Range<Int>] { TextWrap.ranges(characters, width: width) }

    /// The visual line holding the cursor: the last one starting at or before it.
    private func lineIndex(in lines: [Range<Int>]) -> Int { lines.lastIndex { $0.lowerBound <= cursor } ?? 0 }

    private var currentLine: Range<Int> { let all = lines; return all[lineIndex(in: all)] }

    private func moveVertically(by step: Int) -> Bool {
        let all = lines
        let current = lineIndex(in: all)
        let target = current + step
        guard all.indices.contains(target) else { return false }
        let column = DisplayWidth.of(String(characters[all[current].lowerBound..<cursor]))
        var index = all[target].lowerBound, used = 0
        while index < all[target].upperBound, used + characters[index].displayWidth <= column {
            used += characters[index].displayWidth
            index += 1
        }
        editor.move(to: index)
        return true
    }

    /// Wraps at the area's width and scrolls to keep the cursor's line in view, so Up/Down before
    /// the first frame already move by the lines the user will see.
    public func layout(in area: Rect, focused: (any Widget)?) {
        guard !area.isEmpty else { return }
        width = area.width
        let current = lineIndex(in: lines)
        top = Layout.scrolled(top, toShow: current..<current + 1, height: area.height)
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        guard !area.isEmpty else { return }
        let focused = canvas.isFocused(self)
        let role = Role.field(focused: focused, hasError: hasError)
        canvas.fill(area, role: role)
        let all = lines
        let current = lineIndex(in: all)
        let top = min(self.top, max(0, all.count - 1))
        for row in 0..<min(area.height, all.count - top) {
            canvas.write(String(characters[all[top + row]]), at: Point(x: area.x, y: area.y + row), role: role, clip: area)
        }
        if focused {
            let x = DisplayWidth.of(String(characters[all[current].lowerBound..<cursor]))
            canvas.setCursor(Point(x: area.x + min(x, area.width - 1), y: area.y + current - top), clip: area)
        }
    }
}

extension String {
    /// "\r\n" and "\r" as "\n".
    func replacingLineEnds() -> String { String(map { $0.isNewline ? "\n" : $0 }) }
}
