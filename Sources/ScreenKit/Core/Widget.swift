import Terminal

/// Anything drawn inside a screen: a leaf (label, text field, table) or a container (stack, tabs,
/// form page) that lists its `children`.
///
/// A widget is first laid out in the area it will get — where what depends on the size is settled:
/// a table's page, a form's scroll — then draws itself there and nowhere else (`Canvas` clips),
/// changing nothing while it draws (ratatui's `render(area, buf)`). It handles the events routed to
/// it, answering true when it used the event. All requirements have defaults,
/// so a widget implements only what it needs.
public protocol Widget: AnyObject {
    /// Whether the focus ring stops here.
    var canFocus: Bool { get }
    /// Hidden widgets are neither drawn nor focused.
    var isHidden: Bool { get }
    /// True for widgets that take typed letters; letter shortcuts then stay off.
    var consumesText: Bool { get }
    /// Shown by F1 when this widget has the focus.
    var helpText: String? { get }
    /// Contained widgets, in focus order.
    var children: [any Widget] { get }
    /// Commands of this widget, live while it or one of its children has the focus.
    var bindings: [Binding] { get }
    /// Rows this widget would like at `width`; containers use it for `.auto` sizes.
    func preferredHeight(width: Int) -> Int
    /// Settles what depends on `area` before `draw`; containers pass each child the area they will
    /// draw it in. `focused` is the screen's focused widget. The application lays out before every
    /// frame and before routing each key, so keys see the page the user sees.
    func layout(in area: Rect, focused: (any Widget)?)
    /// Draws into `area` as laid out; changes no state.
    func draw(in area: Rect, on canvas: Canvas)
    /// Handles a key or paste; true when it was used. Called on the focused widget, then on each
    /// of its containers.
    func handle(_ event: InputEvent, app: Application) -> Bool
    /// The focus came here (huh's Focus). Called by the screen when the focus moves.
    func didGainFocus()
    /// The focus left (huh's Blur): what settles once the person moved on happens here, not in
    /// `draw` (a date typed as 1.2.2026 becomes 01.02.2026).
    func didLoseFocus()
}

extension Widget {
    public var canFocus: Bool { false }
    public var isHidden: Bool { false }
    public var consumesText: Bool { false }
    public var helpText: String? { nil }
    public var children: [any Widget] { [] }
    public var bindings: [Binding] { [] }
    public func preferredHeight(width: Int) -> Int { 1 }
    public func layout(in area: Rect, focused: (any Widget)?) {}
    public func handle(_ event: InputEvent, app: Application) -> Bool { false }
    public func didGainFocus() {}
    public func didLoseFocus() {}
}

extension Widget {
    /// Visible focusable widgets in this subtree, in focus order.
    var focusable: [any Widget] {
        if isHidden { return [] }
        return (canFocus ? [self] : []) + children.flatMap(\.focusable)
    }

    /// The widgets from `self` down to `target` (both included), or nil when it is not in this subtree.
    func path(to target: any Widget) -> [any Widget]? {
        if self === target { return [self] }
        if isHidden { return nil }
        for child in children {
            if let rest = child.path(to: target) { return [self] + rest }
        }
        return nil
    }
}
