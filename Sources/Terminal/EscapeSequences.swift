/// The escape sequences common terminals send for the keys Refuge uses, whatever TERM says:
/// xterm (and tmux/screen, which speak it), PuTTY's default ("ESC [n~" for F1-F4 and Home/End),
/// the Linux console (F1-F5 as "ESC [[A" … "ESC [[E"), rxvt ("ESC [7~" Home, Ctrl-arrows as
/// "ESC Od"), VT100 (F1-F4 as "ESC OP" … "ESC OS") and VT220 ("ESC [17~" … for F6 up).
///
/// A sequence is one of two shapes: CSI, "ESC [" then parameter bytes (0x20–0x3F) then one final
/// byte (0x40–0x7E); SS3, "ESC O" then one final byte (old xterms put a modifier digit between).
/// Modifiers ("ESC [1;2H", Shift-Home) are dropped except Ctrl on Left/Right (by word) and Alt on
/// Down (open a list).
enum EscapeSequences {
    enum Shape: Equatable {
        /// More bytes are needed (a pause then ends it).
        case unfinished
        /// A whole sequence (or Esc with one code: Alt).
        case complete
        /// A code that cannot be inside a sequence arrived: the sequence before it is dropped.
        case malformed
        /// Esc, Esc, then something that starts no sequence: the first Esc was the Esc key.
        case escapeThenOther
    }

    private static let escape: UInt32 = 0x1B
    private static let csi: UInt32 = 0x5B  // [
    private static let ss3: UInt32 = 0x4F  // O
    private static let longest = 16

    /// How far `codes` (starting with Esc) has come.
    static func shape(of codes: [UInt32]) -> Shape {
        guard codes.count >= 2 else { return .unfinished }
        switch codes[1] {
        case escape:  // rxvt sends Alt with a key as Esc before the key's sequence
            guard codes.count >= 3 else { return .unfinished }
            guard codes[2] == csi || codes[2] == ss3 else { return .escapeThenOther }
            return shape(of: Array(codes.dropFirst()))
        case csi:
            guard codes.count >= 3 else { return .unfinished }
            if codes[2] == csi {  // Linux console F1-F5: ESC [ [ A
                guard codes.count >= 4 else { return .unfinished }
                return isFinal(codes[3]) ? .complete : .malformed
            }
            return shapeOfBody(codes.dropFirst(2))
        case ss3:
            guard codes.count >= 3 else { return .unfinished }
            return shapeOfBody(codes.dropFirst(2))
        default:
            return .complete
        }
    }

    private static func shapeOfBody(_ body: ArraySlice<UInt32>) -> Shape {
        guard let last = body.last else { return .unfinished }
        if isFinal(last) { return .complete }
        guard (0x20...0x3F).contains(last), body.count < longest else { return .malformed }
        return .unfinished
    }

    private static func isFinal(_ code: UInt32) -> Bool { (0x40...0x7E).contains(code) }

    /// The key a complete sequence stands for, or nil when no terminal Refuge knows sends it.
    static func key(for sequence: String) -> Key? {
        if let key = fixed[sequence] { return key }
        let body = sequence.dropFirst(2)  // after "ESC [" or "ESC O"
        guard sequence.hasPrefix("\u{1B}["), let final = body.last else { return nil }
        let parameters = body.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard parameters.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = parameters.compactMap { $0 }
        let modifier = numbers.count > 1 ? numbers[1] : 1
        switch final {
        case "~":
            return numbers.first.flatMap { tilde[$0] }
        case "A", "B", "C", "D", "H", "F", "P", "Q", "R", "S":
            guard numbers.first ?? 1 == 1 else { return nil }
            if modifier == 5, final == "D" { return .wordLeft }
            if modifier == 5, final == "C" { return .wordRight }
            if modifier == 3, final == "B" { return .altDown }
            return lettered[final]
        default:
            return nil
        }
    }

    /// "ESC [n~" (VT220, PuTTY, the Linux console, rxvt), with or without modifiers.
    private static let tilde: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// The final letter of "ESC [A", "ESC OA", "ESC [1;2A" and the like.
    private static let lettered: [Character: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]

    private static let fixed: [String: Key] = {
        var table: [String: Key] = [:]
        for (letter, key) in lettered {
            table["\u{1B}O\(letter)"] = key  // application mode; VT100 F1-F4
        }
        for (letter, key) in lettered where !"PQRS".contains(letter) { table["\u{1B}[\(letter)"] = key }
        for (index, letter) in "ABCDE".enumerated() { table["\u{1B}[[\(letter)"] = .function(index + 1) }  // Linux console
        table["\u{1B}OM"] = .enter  // keypad Enter
        table["\u{1B}[Z"] = .backTab
        table["\u{1B}Od"] = .wordLeft  // rxvt
        table["\u{1B}Oc"] = .wordRight
        table["\u{1B}O5D"] = .wordLeft  // old xterm
        table["\u{1B}O5C"] = .wordRight
        table["\u{1B}\u{1B}[B"] = .altDown  // rxvt
        table["\u{1B}\u{1B}OB"] = .altDown
        return table
    }()
}
