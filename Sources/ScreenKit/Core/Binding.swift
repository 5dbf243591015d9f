import Terminal

/// A command: its keys, its label, and what it does — declared once, used both to route keys and to
/// draw the bottom bar and the help screen.
///
/// Every command should have an F-key or Ctrl key. A letter key (`.character("n")`) also matches
/// the other case and the ЙЦУКЕН letter on the same key, and fires only when the focused widget
/// does not take text.
public struct Binding {
    public var keys: [Key]
    public var label: String
    /// Shown in the bottom bar (all bindings are listed in help).
    public var showInBar: Bool
    public var action: () -> Void
    /// When true, letter keys match only themselves (either case), not the other layout's letter.
    public var ignoresLayout = false

    public init(_ keys: Key..., label: String, showInBar: Bool = true, action: @escaping () -> Void) {
        self.init(keys: keys, label: label, showInBar: showInBar, action: action)
    }

    public init(keys: [Key], label: String, showInBar: Bool = true, action: @escaping () -> Void) {
        self.keys = keys
        self.label = label
        self.showInBar = showInBar
        self.action = action
    }

    /// Whether `key` triggers this binding. Letter keys match only when `lettersAllowed`.
    public func matches(_ key: Key, lettersAllowed: Bool = true) -> Bool {
        keys.contains { own in
            if case .character(let mine) = own, case .character(let typed) = key {
                guard lettersAllowed else { return false }
                return ignoresLayout ? mine.lowercased() == typed.lowercased() : KeyboardLayout.sameKey(mine, typed)
            }
            if case .control(let mine) = own, case .control(let typed) = key {
                return KeyboardLayout.sameKey(mine, typed)
            }
            return own == key
        }
    }

    /// The key shown for this binding in the bar: the F-key if any, else the first key.
    var barKey: Key? { keys.first { if case .function = $0 { true } else { false } } ?? keys.first }
}

extension Key {
    /// Short form for the bottom bar: "2" for F2 (the bar is all F-keys), "^S", "Esc", "PgDn".
    var barName: String {
        switch self {
        case .function(let n): return "\(n)"
        case .control(let c): return "^" + String(c).uppercased()
        default: return name
        }
    }
}

extension Array where Element == Binding {
    func first(matching key: Key, lettersAllowed: Bool) -> Binding? {
        first { $0.matches(key, lettersAllowed: lettersAllowed) }
    }
}
