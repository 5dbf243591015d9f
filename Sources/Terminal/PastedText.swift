/// Pasted text with the terminal escape sequences in it removed whole: a colour code copied from
/// a chat or a terminal ("ESC[31m") must not leave "[31m" in a name once its Esc is cleaned away.
public struct PastedText: Equatable, Sendable {
    public var text: String
    /// How many escape sequences were taken out (the screen says so).
    public var removedSequences: Int

    public init(_ pasted: String) {
        var kept = String.UnicodeScalarView()
        var sequence: [UInt32] = []
        var removed = 0
        var inOperatingSystemCommand = false  // ESC ] … up to BEL or ESC \ (window titles, links)
        var scalars = pasted.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if inOperatingSystemCommand {
                if scalar.value == 0x07 || (scalar.value == 0x1B && next == "\\") {
                    if scalar.value == 0x1B { next = scalars.next() }
                    inOperatingSystemCommand = false
                }
                continue
            }
            if sequence == [0x1B], scalar == "]" {
                inOperatingSystemCommand = true
                removed += 1
                sequence = []
                continue
            }
            guard !sequence.isEmpty || scalar.value == 0x1B else {
                kept.append(scalar)
                continue
            }
            sequence.append(scalar.value)
            switch EscapeSequences.shape(of: sequence) {
            case .unfinished:
                if next == nil { removed += 1 }  // cut off at the end of the paste
            case .complete:
                removed += 1
                // Esc before a letter of another script is a stray Esc, not a sequence: keep the letter.
                if sequence.count == 2, !(0x20...0x7E).contains(scalar.value) { kept.append(scalar) }
                sequence = []
            case .malformed:  // the code that ended it is text again, or the start of another sequence
                removed += 1
                sequence = scalar.value == 0x1B ? [scalar.value] : []
                if sequence.isEmpty { kept.append(scalar) }
            case .escapeThenOther:  // a stray Esc, then Esc and one code
                removed += 2
                sequence = []
            }
        }
        text = String(kept)
        removedSequences = removed
    }
}
