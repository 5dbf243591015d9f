import Terminal

/// One full screen of the app (a list, a form) or, when `isModal`, a dialog over it.
///
/// A screen owns a widget tree (`root`) and its focus ring. Subclass it to add `bindings`, to react
/// to focus moves, or to draw something other than the root.
open class Screen {
    public var title: String
    public var root: any Widget
    /// The application showing this screen; set on push.
    public internal(set) weak var app: Application?
    private weak var storedFocus: (any Widget)?

    public init(title: String, root: any Widget = Spacer()) {
        self.title = title
        self.root = root
    }

    /// Commands of this screen, evaluated on every key (so they may depend on state).
    open var bindings: [Binding] { [] }

    /// Global keys this screen answers itself while it is on top (the help's F1 closes the help):
    /// routing, the bar and the help give them to its own bindings (a progress dialog's F10 cancels
    /// the work rather than quitting under it). Never lock (F12): the screen must go at once.
    open var takesGlobalKeys: [Key] { [] }

    /// A modal screen is drawn over the screens beneath (which stay visible) and takes all keys
    /// except the global ones until it closes.
    open var isModal: Bool { false }

    /// The area this screen occupies inside the body (between top line and bottom bar).
    open func frame(in body: Rect) -> Rect { body }

    /// Lays out the widget tree in `area` before it is drawn there (see `Widget.layout`).
    open func layout(in area: Rect) { root.layout(in: area, focused: focused) }

    open func draw(in area: Rect, on canvas: Canvas) { root.draw(in: area, on: canvas) }

    /// Last chance for a key before the app's bindings.
    open func handle(_ event: InputEvent) -> Bool { false }

    /// Called after the focus moved; forms validate the field that was left here.
    open func focusDidMove(from old: (any Widget)?, to new: (any Widget)?) {}

    /// What F1 says first: the focused widget's help text (a form adds the field's full label).
    open var focusedHelp: String? { focused?.helpText }

    /// Called when the screen is shown, by push or when the screen above it closes.
    open func didAppear() {}

    // MARK: Focus ring

    /// The focused widget; repaired to the first focusable one when it was hidden or removed.
    public var focused: (any Widget)? {
        let ring = root.focusable
        if let current = storedFocus, ring.contains(where: { $0 === current }) { return current }
        storedFocus = ring.first
        return storedFocus
    }

    /// Gives the focus to `widget` (no effect when it cannot take focus).
    public func focus(_ widget: any Widget) {
        guard root.focusable.contains(where: { $0 === widget }) else { return }
        let old = focused
        storedFocus = widget
        guard old !== widget else { return }
        old?.didLoseFocus()
        widget.didGainFocus()
        focusDidMove(from: old, to: widget)
    }

    /// Moves the focus to the next (or previous) focusable widget, wrapping around.
    public func moveFocus(by step: Int) {
        let ring = root.focusable
        guard !ring.isEmpty else { return }
        let index = focused.flatMap { current in ring.firstIndex { $0 === current } } ?? 0
        focus(ring[(index + step + ring.count) % ring.count])
    }

    /// The focused widget followed by its containers up to the root; just the root when nothing
    /// has the focus.
    var focusChain: [any Widget] {
        guard let focused, let path = root.path(to: focused) else { return [root] }
        return path.reversed()
    }
}
