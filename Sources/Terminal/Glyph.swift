import Synchronization

/// What one cell shows, as a number: the scalar itself when the grapheme is one scalar (every
/// letter of Russian, Kazakh and English in NFC), else a number from `GraphemeTable`. The top bit
/// marks a wide grapheme, so that a cell knows its width without asking the C library again.
///
/// It is also where a grapheme becomes drawable: control characters become U+FFFD (they never
/// reach the screen) and a lone combining mark is drawn over a space.
struct Glyph: Hashable, Sendable {
    private let bits: UInt32

    static let space = Glyph(bits: 0x20)
    static let ellipsis = Glyph("…")

    init(_ grapheme: Character) {
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { self = .space; return }
        let isSingle = scalars.next() == nil
        // Printable ASCII is most of every screen and needs no lookup in the Unicode tables.
        if isSingle, (0x20..<0x7F).contains(first.value) { self.init(bits: first.value); return }
        let shown: Character
        switch first.properties.generalCategory {
        case .control: shown = "\u{FFFD}"
        case .nonspacingMark, .enclosingMark: shown = Character(" " + String(grapheme))
        default: shown = grapheme
        }
        let number = shown.unicodeScalars.count == 1 ? shown.unicodeScalars.first!.value : GraphemeTable.shared.number(for: shown)
        self.init(bits: number | (shown.displayWidth == 2 ? Self.wide : 0))
    }

    private init(bits: UInt32) { self.bits = bits }

    var isWide: Bool { bits & Self.wide != 0 }
    var width: Int { isWide ? 2 : 1 }

    var character: Character {
        let number = bits & ~Self.wide
        if let scalar = Unicode.Scalar(number) { return Character(scalar) }
        return GraphemeTable.shared.character(number)
    }

    private static let wide: UInt32 = 1 << 31
}

/// Numbers for the graphemes of more than one scalar that have been drawn (a letter with a
/// combining mark, a flag), above the last Unicode scalar. It only grows, by one entry per distinct
/// grapheme shown — a few dozen in a working day.
final class GraphemeTable: Sendable {
    static let shared = GraphemeTable()

    private struct Entries {
        var numbers: [Character: UInt32] = [:]
        var characters: [Character] = []
    }

    private let entries = Mutex(Entries())
    private static let first: UInt32 = 0x11_0000

    func number(for grapheme: Character) -> UInt32 {
        entries.withLock { entries in
            if let number = entries.numbers[grapheme] { return number }
            let number = Self.first + UInt32(entries.characters.count)
            entries.characters.append(grapheme)
            entries.numbers[grapheme] = number
            return number
        }
    }

    func character(_ number: UInt32) -> Character {
        entries.withLock { $0.characters[Int(number - Self.first)] }
    }
}
