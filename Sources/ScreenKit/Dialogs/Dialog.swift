import Terminal

/// A modal screen drawn as a framed box centred over the screen beneath, which stays visible.
/// It takes all keys except the global bindings until it closes.
open class Dialog: Screen {
    /// The size wanted, shrunk to fit the body of the terminal.
    public var preferredSize: Size

    public init(title: String, root: any Widget, preferredSize: Size = Size(width: 50, height: 8)) {
        self.preferredSize = preferredSize
        super.init(title: title, root: root)
    }

    override open var isModal: Bool { true }

    /// Narrower than wanted (a small terminal), the dialog grows as tall as its wrapped text needs,
    /// so no line of it (such as "F2 saves anyway") is lost.
    override open func frame(in body: Rect) -> Rect {
        let width = min(preferredSize.width, body.width - 2)
        var height = preferredSize.height
        if width < preferredSize.width { height = max(height, root.preferredHeight(width: width - 2 * Self.margin) + 2) }
        return Layout.centered(Size(width: width, height: min(height, body.height)), in: body)
    }

    override open func layout(in area: Rect) { root.layout(in: content(of: area), focused: focused) }

    override open func draw(in area: Rect, on canvas: Canvas) {
        canvas.box(area, title: title, role: .dialog)
        root.draw(in: content(of: area), on: canvas)
    }

    /// Inside the frame.
    private func content(of area: Rect) -> Rect { area.inset(top: 1, left: Self.margin, bottom: 1, right: Self.margin) }

    /// Columns between the frame and the content, on each side (the frame's own included).
    static let margin = 2

    /// Lines `text` takes in a dialog `width` columns wide.
    static func lineCount(_ text: String, dialogWidth width: Int) -> Int {
        TextWrap.lines(text, width: width - 2 * margin).count
    }

    /// Removes this dialog from the stack.
    public func close() { app?.dismiss(self) }

    var strings: ScreenKitStrings { app?.strings ?? .english }
}

/// A row of buttons; Left/Right choose, Enter presses the chosen one.
public final class Buttons: Widget {
    public var labels: [String]
    public var selected: Int
    public var onPress: (Int) -> Void

    public init(_ labels: [String], selected: Int = 0, onPress: @escaping (Int) -> Void) {
        self.labels = labels
        self.selected = selected
        self.onPress = onPress
    }

    public var canFocus: Bool { true }

    public func handle(_ event: InputEvent, app: Application) -> Bool {
        switch event {
        case .key(.left): selected = max(0, selected - 1)
        case .key(.right): selected = min(labels.count - 1, selected + 1)
        case .key(.enter): onPress(selected)
        default: return false
        }
        return true
    }

    public func draw(in area: Rect, on canvas: Canvas) {
        let focused = canvas.isFocused(self)
        var x = area.x
        for (i, label) in labels.enumerated() {
            let role: Role = i == selected ? (focused ? .focused : .selection) : .normal
            x += canvas.write("[ \(label) ]", at: Point(x: x, y: area.y), role: role, clip: area) + 2
        }
    }
}
