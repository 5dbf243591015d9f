/// One screen cell: a grapheme and its style, in eight bytes with nothing to retain — a frame of
/// 200x60 cells is built, compared with the last one and thrown away at every key, so a cell must
/// copy and compare like two integers. The right half of a wide grapheme is a continuation cell
/// with no text of its own, so that overwriting either half can clear both.
public struct Cell: Hashable, Sendable {
    let glyph: Glyph
    private var look: Look

    public init(_ text: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.init(Glyph(text), Look(style), isContinuation: isContinuation)
    }

    init(_ glyph: Glyph, _ look: Look, isContinuation: Bool = false) {
        self.glyph = glyph
        self.look = isContinuation ? look.continuing : look
    }

    public static let blank = Cell()

    /// The grapheme shown; a continuation cell shows a space.
    public var text: Character { glyph.character }

    public var style: Style {
        get { look.style }
        set { look = look.restyled(newValue) }
    }

    public var isContinuation: Bool { look.isContinuation }

    var isWide: Bool { glyph.isWide }
}

/// A style and the continuation mark packed into one integer: four bits per colour, one per
/// attribute.
struct Look: Hashable, Sendable {
    private var bits: UInt32

    init(_ style: Style) {
        bits = UInt32(style.foreground.rawValue + 1) | UInt32(style.background.rawValue + 1) << 4
        if style.bold { bits |= Self.bold }
        if style.reverse { bits |= Self.reverse }
        if style.underline { bits |= Self.underline }
        if style.dim { bits |= Self.dim }
    }

    var style: Style {
        Style(foreground: Color(rawValue: Int(bits & 0xF) - 1) ?? .default,
              background: Color(rawValue: Int(bits >> 4 & 0xF) - 1) ?? .default,
              bold: bits & Self.bold != 0, reverse: bits & Self.reverse != 0,
              underline: bits & Self.underline != 0, dim: bits & Self.dim != 0)
    }

    var isContinuation: Bool { bits & Self.continuation != 0 }
    var continuing: Look { Look(bits: bits | Self.continuation) }

    func restyled(_ style: Style) -> Look {
        Look(bits: Look(style).bits | bits & Self.continuation)
    }

    private init(bits: UInt32) { self.bits = bits }

    private static let bold: UInt32 = 1 << 8
    private static let reverse: UInt32 = 1 << 9
    private static let underline: UInt32 = 1 << 10
    private static let dim: UInt32 = 1 << 11
    private static let continuation: UInt32 = 1 << 12
}
