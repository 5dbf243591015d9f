import Terminal

/// Shows progress of long work (import, verify) and lets the user cancel with Esc or F10.
///
/// The app does the work in chunks on the UI thread: after each chunk it calls `update` and
/// `app.runUntilIdle()` (which draws and reads keys), and stops when `isCancelled`.
public final class ProgressDialog: Dialog {
    public private(set) var isCancelled = false
    private let message = Label("")
    private let bar = ProgressBar()

    public init(title: String, message text: String) {
        message.text = text
        super.init(title: title, root: Stack(.vertical, [(.fixed(1), message), (.fixed(1), bar)]), preferredSize: Size(width: 50, height: 4))
    }

    /// `fraction` from 0 to 1, or nil when the total is unknown.
    public func update(fraction: Double?, message text: String? = nil) {
        bar.fraction = fraction
        if let text { message.text = text }
        app?.setNeedsRedraw()
    }

    /// F10 cancels the work here, as the bar says ("10Отмена"), instead of quitting under it;
    /// quit is F10 again once the dialog has closed.
    override public var takesGlobalKeys: [Key] { [.function(10)] }

    override public var bindings: [Binding] {
        [Binding(.escape, .function(10), label: strings.cancel) { [unowned self] in isCancelled = true }]
    }
}

/// `[#######     ]  58%`.
final class ProgressBar: Widget {
    var fraction: Double?

    func draw(in area: Rect, on canvas: Canvas) {
        guard let fraction, area.width > 8 else { return canvas.line("…", in: area.row(0), role: .muted) }
        let clamped = max(0, min(1, fraction))
        let inner = area.width - 7
        let filled = Int(Double(inner) * clamped)
        let percent = Int(clamped * 100)
        let label = String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
        canvas.write("[" + String(repeating: "#", count: filled) + String(repeating: " ", count: inner - filled) + "] " + label,
                     at: area.origin, role: .accent, clip: area)
    }
}
