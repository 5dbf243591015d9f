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

    override open func frame(in body: Rect) -> Rect {
        Layout.centered(Size(width: min(preferredSize.width, body.width - 2), height: preferredSize.height), in: body)
    }

    override open func draw(in area: Rect, on canvas: Canvas) {
        canvas.box(area, title: title, role: .dialog)
        root.draw(in: area.inset(top: 1, left: 2, bottom: 1, right: 2), on: canvas)
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
