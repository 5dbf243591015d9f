import Terminal

/// Word wrapping by display width. Lines break after a space when one is on the line, otherwise
/// anywhere between graphemes (a wide grapheme is never split); "\n" always breaks.
public enum TextWrap {
    /// The wrapped lines of `text`.
    public static func lines(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return ranges(characters, width: width).map { String(characters[$0]) }
    }

    /// Grapheme index ranges of the wrapped lines; newlines are between ranges, not in them.
    /// Always at least one (possibly empty) line.
    public static func ranges(_ characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = 0, column = 0, index = 0
        var breakAfterSpace: Int? = nil
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lines.append(start..<index)
                index += 1
                start = index; column = 0; breakAfterSpace = nil
                continue
            }
            let w = character.displayWidth
            if column + w > width, index > start {
                let end = breakAfterSpace.flatMap { $0 > start ? $0 : nil } ?? index
                lines.append(start..<end)
                start = end
                column = DisplayWidth.of(String(characters[start..<index]))
                breakAfterSpace = nil
                continue
            }
            column += w
            if character == " " { breakAfterSpace = index + 1 }
            index += 1
        }
        lines.append(start..<characters.count)
        return lines
    }
}
