/// A key the user pressed, decoded from whatever bytes the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable grapheme in any script.
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl-Left and Ctrl-Right, for moving by word.
    case wordLeft, wordRight
    /// Alt-Down: opens a drop-down list, as in desktop forms.
    case altDown
    /// F1 to F12.
    case function(Int)
    /// Ctrl with a letter, stored lower-case ("s" for Ctrl-S).
    case control(Character)
    /// Alt (Meta) with a grapheme, as terminals send it: Esc, then the grapheme.
    case alt(Character)

    /// A short stable name ("Ctrl-S", "F2", "Enter", "ж"), for the key tester and help screens.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .wordLeft: return "Ctrl-Left"
        case .wordRight: return "Ctrl-Right"
        case .altDown: return "Alt-Down"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-\(String(c).uppercased())"
        case .alt(let c): return "Alt-\(c)"
        }
    }
}

/// Everything a terminal can report.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted in one go (bracketed paste). Newlines in it are text, never Enter.
    case paste(String)
    /// The terminal now has this size.
    case resize(Size)
    /// A whole escape sequence no known terminal sends for a key Refuge uses: ignored by the
    /// screens (never typed, never Esc), named by the key tester of `refuge doctor`.
    case unrecognised(String)

    public var name: String {
        switch self {
        case .key(let key): return key.name
        case .paste(let text): return "Paste(\(text.count) characters)"
        case .resize(let size): return "Resize \(size)"
        case .unrecognised(let sequence): return "Unknown sequence " + sequence.replacingOccurrences(of: "\u{1B}", with: "ESC")
        }
    }
}
