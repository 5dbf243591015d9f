import CNcurses

/// Display width in terminal columns, measured per grapheme with the C library's `wcwidth` — the
/// same table ncurses uses to move the cursor, so layout and screen never disagree.
public enum DisplayWidth {
    /// Columns taken by one grapheme: 0, 1 or 2.
    ///
    /// The base scalar decides; combining marks that follow it add nothing. A grapheme that is only
    /// a combining mark still gets one column so that it stays visible and editable. `wcwidth`'s -1
    /// (control or unknown) counts as 1; an emoji presentation selector makes a grapheme wide.
    public static func of(_ grapheme: Character) -> Int {
        if grapheme.utf8.count == 1 { return 1 }  // ASCII: printable, or a control counted as 1
        _ = TextLocale.utf8Ready
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = Int(wcwidth(wchar_t(bitPattern: first.value)))
        if width < 0 { width = 1 }
        if width == 0 { width = 1 }  // a lone mark: drawn over a space (see CellGrid)
        if width == 1, scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return width
    }

    /// Columns taken by a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for grapheme in text { total += of(grapheme) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, with its width. A wide grapheme that
    /// would straddle the limit is left out rather than split.
    public static func prefix(of text: some StringProtocol, fitting columns: Int) -> (text: Substring, width: Int) {
        let s = Substring(text)
        var used = 0
        var end = s.startIndex
        while end < s.endIndex {
            let w = of(s[end])
            if used + w > columns { break }
            used += w
            end = s.index(after: end)
        }
        return (s[s.startIndex..<end], used)
    }

    /// `text` cut to `columns`, ending in "…" when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        fitted(text, to: columns).text
    }

    /// `text` padded with spaces (or cut with an ellipsis) to exactly `columns`.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let (cut, width) = fitted(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - width))
        return alignRight ? gap + cut : cut + gap
    }

    /// `text` cut with "…" to `columns`, and its width, each grapheme measured once.
    private static func fitted(_ text: String, to columns: Int) -> (text: String, width: Int) {
        guard columns > 0 else { return ("", 0) }
        var used = 0
        var end = text.startIndex  // the end of the longest prefix that leaves a column for "…"
        var endWidth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let width = of(text[index])
            if used + width > columns {
                return (String(text[..<end]) + "…", endWidth + of(Character("…")))
            }
            used += width
            index = text.index(after: index)
            if used <= columns - 1 {
                end = index
                endWidth = used
            }
        }
        return (text, used)
    }
}

extension Character {
    /// Columns this grapheme takes on screen (see `DisplayWidth.of`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// Columns this text takes on screen (see `DisplayWidth.of`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
