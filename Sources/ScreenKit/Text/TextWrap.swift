import Terminal

/// Word wrapping by display width. Lines break after a space when one is on the line, otherwise
/// anywhere between graphemes (a wide grapheme is never split); "\n" always breaks.
public enum TextWrap {
    /// The wrapped lines of `text`.
    public static func lines(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return ranges(characters, width: width).map { String(characters[$0]) }
    }

    /// The wrapped lines of `text`, each line's continuation indented by `hangingIndent` columns
    /// (a log's wrapped entry stays under its own text, not under the next entry's time).
    public static func lines(_ text: String, width: Int, hangingIndent: Int) -> [String] {
        guard hangingIndent > 0, width > hangingIndent + 1 else { return lines(text, width: width) }
        let pad = String(repeating: " ", count: hangingIndent)
        var result: [String] = []
        for source in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let wrapped = lines(String(source), width: width)
            guard wrapped.count > 1 else {
                result += wrapped
                continue
            }
            result.append(wrapped[0])
            let rest = source.dropFirst(wrapped[0].count).drop { $0 == " " }
            result += lines(String(rest), width: width - hangingIndent).map { pad + $0 }
        }
        return result
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
