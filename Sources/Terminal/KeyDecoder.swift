import CNcurses

/// What `wget_wch` hands back: a character code, or a curses key code (`KEY_CODE_YES`).
public enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Turns raw curses input into `InputEvent`s.
///
/// Curses decodes the function keys the current TERM's terminfo describes; this handles what it
/// leaves as plain characters: the three Backspace codes, Enter's codes, control letters, Alt as
/// an Esc prefix, bracketed paste (`Esc[200~` … `Esc[201~`, one `.paste` event whose newlines stay
/// text), and the escape sequences of every common terminal for the keys Refuge uses, because
/// TERM often names another terminal than the one sending (PuTTY's default sends `Esc[11~` for F1
/// and `Esc[1~` for Home with TERM=xterm). See `EscapeSequences`.
///
/// A sequence is read whole (CSI up to its final byte, SS3 one byte on); one not in the table is
/// reported as `.unrecognised` and never typed into a field or taken as Esc. Escape sequences are
/// ambiguous with a lone Esc until a short pause passes; the backend calls `flush()` when no more
/// input arrives within the escape delay.
public struct KeyDecoder: Sendable {
    private var pending: [UInt32] = []      // an unfinished escape sequence, starting with Esc
    private var paste: [UInt32]? = nil      // inside a bracketed paste
    /// Key codes curses assigned at run time to Ctrl-Left / Ctrl-Right (terminfo "kLFT5"/"kRIT5").
    public var wordLeftCodes: Set<Int32> = []
    public var wordRightCodes: Set<Int32> = []

    public init() {}

    /// True while input is buffered that a pause would turn into events.
    public var isWaiting: Bool { !pending.isEmpty || paste != nil }

    public mutating func feed(_ raw: RawInput) -> [InputEvent] {
        switch raw {
        case .keyCode(let code):
            if paste != nil { return [] }  // curses keys do not occur inside a paste
            var events = flush()
            if let key = Self.key(forCode: code, wordLeft: wordLeftCodes, wordRight: wordRightCodes) { events.append(.key(key)) }
            return events
        case .character(let code):
            return feed(character: code)
        }
    }

    /// Ends an ambiguous sequence after a pause: a lone Esc is the Esc key; Esc plus one grapheme
    /// is Alt-grapheme; an unfinished sequence is dropped whole.
    public mutating func flush() -> [InputEvent] {
        if let text = paste {
            // A paste whose end marker never came (or paused inside it): deliver what arrived,
            // a partial marker included, rather than lose it or read its Esc as the Esc key.
            let codes = text + pending
            paste = nil
            pending = []
            return codes.isEmpty ? [] : [.paste(Self.string(codes))]
        }
        guard !pending.isEmpty else { return [] }
        let codes = pending
        pending = []
        if codes == [Self.escape] { return [.key(.escape)] }
        if codes.count >= 2, codes[1] == Self.escape {  // Esc Esc: the first was a real Esc
            pending = Array(codes.dropFirst())
            return [.key(.escape)] + flush()
        }
        if codes.count == 2 { return Self.altOrEscape(codes[1]) }
        return [.unrecognised(Self.string(codes))]
    }

    private static let escape: UInt32 = 0x1B
    private static let pasteStart = "\u{1B}[200~"
    private static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    private mutating func feed(character code: UInt32) -> [InputEvent] {
        if paste != nil { return feedPaste(code) }
        if !pending.isEmpty { return feedEscape(code) }
        if code == Self.escape {
            pending = [code]
            return []
        }
        return Self.key(forCharacter: code).map { [.key($0)] } ?? []
    }

    private mutating func feedEscape(_ code: UInt32) -> [InputEvent] {
        pending.append(code)
        switch EscapeSequences.shape(of: pending) {
        case .unfinished:
            return []
        case .malformed:
            // A control or non-ASCII code inside a sequence: drop the sequence, keep the code.
            pending.removeLast()
            let dropped = Self.string(pending)
            pending = []
            return [.unrecognised(dropped)] + feed(character: code)
        case .escapeThenOther:
            // Esc Esc x: the first Esc was the key itself.
            let rest = Array(pending.dropFirst())
            pending = []
            return [.key(.escape)] + rest.flatMap { feed(character: $0) }
        case .complete:
            let codes = pending
            pending = []
            let text = Self.string(codes)
            if text == Self.pasteStart {
                paste = []
                return []
            }
            if codes.count == 2 { return Self.altOrEscape(codes[1]) }
            if let key = EscapeSequences.key(for: text) { return [.key(key)] }
            return [.unrecognised(text)]
        }
    }

    /// Esc then one code: Alt with a grapheme, or Esc followed by a control key.
    private static func altOrEscape(_ code: UInt32) -> [InputEvent] {
        if let scalar = Unicode.Scalar(code), code >= 0x20, code != 0x7F { return [.key(.alt(Character(scalar)))] }
        return [.key(.escape)] + (key(forCharacter: code).map { [.key($0)] } ?? [])
    }

    private mutating func feedPaste(_ code: UInt32) -> [InputEvent] {
        if code == 0x1B || !pending.isEmpty {
            pending.append(code)
            if pending == Self.pasteEnd {
                let text = Self.string(paste ?? [])
                pending = []
                paste = nil
                return [.paste(text)]
            }
            if Self.pasteEnd.starts(with: pending) { return [] }
            paste?.append(contentsOf: pending)  // not the end marker after all: it was pasted text
            pending = []
            return []
        }
        paste?.append(code)
        return []
    }

    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<0x20: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func key(forCode code: Int32, wordLeft: Set<Int32>, wordRight: Set<Int32>) -> Key? {
        switch code {
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return nil  // the backend reports the new size itself
        default:
            if wordLeft.contains(code) { return .wordLeft }
            if wordRight.contains(code) { return .wordRight }
            for n in 1...12 where code == cn_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Decodes code points into graphemes, so a base letter and its combining marks stay one.
    static func string(_ codes: [UInt32]) -> String {
        var text = String.UnicodeScalarView()
        for code in codes {
            if let scalar = Unicode.Scalar(code) { text.append(scalar) }
        }
        return String(text)
    }
}
