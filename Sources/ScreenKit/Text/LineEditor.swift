/// The editing state of one line of text: graphemes and a cursor between them.
///
/// Everything counts graphemes (`Character`), so "е́" (е + U+0301), "ә" and "👍🏽" each move and
/// delete as one. A combining mark typed on its own joins the grapheme before the cursor.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character] = []
    /// Index into `characters`: the cursor is before that grapheme.
    public private(set) var cursor = 0
    public var maxLength: Int?

    public init(_ text: String = "", maxLength: Int? = nil) {
        self.maxLength = maxLength
        setText(text)
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        if let maxLength, characters.count > maxLength { characters = Array(characters.prefix(maxLength)) }
        cursor = characters.count
    }

    /// Inserts at the cursor, keeping at most `maxLength` graphemes (the end of `text` is dropped).
    public mutating func insert(_ text: String) {
        var insertion = text
        if let maxLength {
            let room = max(0, maxLength - characters.count)
            if insertion.count > room { insertion = String(insertion.prefix(room)) }
        }
        guard !insertion.isEmpty else { return }
        let before = String(characters[..<cursor]) + insertion
        characters = Array(before + String(characters[cursor...]))
        cursor = min(Array(before).count, characters.count)
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from `start` to the cursor (readline's Ctrl-U and Ctrl-W).
    public mutating func deleteBackward(to start: Int) {
        let from = max(0, min(start, cursor))
        characters.removeSubrange(from..<cursor)
        cursor = from
    }

    /// Deletes from the cursor to `end` (readline's Ctrl-K).
    public mutating func deleteForward(to end: Int) {
        characters.removeSubrange(cursor..<max(cursor, min(end, characters.count)))
    }

    /// Where the word before the cursor starts (readline's Ctrl-W deletes back to it).
    public var startOfWordBeforeCursor: Int {
        var i = cursor
        while i > 0, characters[i - 1].isWhitespace { i -= 1 }
        while i > 0, !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }

    public mutating func move(to index: Int) { cursor = max(0, min(characters.count, index)) }
    public mutating func moveLeft() { move(to: cursor - 1) }
    public mutating func moveRight() { move(to: cursor + 1) }

    /// To the start of this word, or of the previous one when already at a start.
    public mutating func moveWordLeft() { cursor = startOfWordBeforeCursor }

    /// Past the end of this word and the spaces after it.
    public mutating func moveWordRight() {
        var i = cursor
        while i < characters.count, !characters[i].isWhitespace { i += 1 }
        while i < characters.count, characters[i].isWhitespace { i += 1 }
        cursor = i
    }
}
