import CNcurses
import Testing
@testable import Terminal

@Suite("Key decoder")
struct KeyDecoderTests {
    private func decode(_ raws: [RawInput], flush: Bool = true) -> [InputEvent] {
        var decoder = KeyDecoder()
        var events = raws.flatMap { decoder.feed($0) }
        if flush { events += decoder.flush() }
        return events
    }

    private func chars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test func printableGraphemesInAnyScript() {
        #expect(decode(chars("aЖә漢")) == [.key(.character("a")), .key(.character("Ж")), .key(.character("ә")), .key(.character("漢"))])
    }

    @Test func enterBackspaceAndTabCodes() {
        #expect(decode([.character(10), .character(13), .keyCode(KEY_ENTER)]) == Array(repeating: .key(.enter), count: 3))
        #expect(decode([.character(127), .character(8), .keyCode(KEY_BACKSPACE)]) == Array(repeating: .key(.backspace), count: 3))
        #expect(decode([.character(9), .keyCode(KEY_BTAB)]) == [.key(.tab), .key(.backTab)])
    }

    @Test func cursesKeyCodes() {
        let expected: [(Int32, Key)] = [
            (KEY_DC, .delete), (KEY_IC, .insert), (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left),
            (KEY_RIGHT, .right), (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
        ]
        for (code, key) in expected { #expect(decode([.keyCode(code)]) == [.key(key)]) }
        for n in 1...12 { #expect(decode([.keyCode(cn_key_f(Int32(n)))]) == [.key(.function(n))]) }
    }

    @Test func controlLetters() {
        #expect(decode([.character(19), .character(17), .character(1)]) == [.key(.control("s")), .key(.control("q")), .key(.control("a"))])
        #expect(Key.control("s").name == "Ctrl-S")
    }

    @Test func loneEscapeNeedsThePause() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.character(0x1B)).isEmpty)
        #expect(decoder.isWaiting)
        #expect(decoder.flush() == [.key(.escape)])
    }

    @Test func altIsEscapeThenAGrapheme() {
        #expect(decode(chars("\u{1B}x")) == [.key(.alt("x"))])
        #expect(decode(chars("\u{1B}ж")) == [.key(.alt("ж"))])
    }

    @Test func ctrlArrowsFromXtermSequences() {
        #expect(decode(chars("\u{1B}[1;5D\u{1B}[1;5C")) == [.key(.wordLeft), .key(.wordRight)])
        var decoder = KeyDecoder()
        decoder.wordLeftCodes = [560]
        #expect(decoder.feed(.keyCode(560)) == [.key(.wordLeft)])
    }

    /// Issue 12, item 4: every common terminal's sequence for each key the bar uses.
    @Test(arguments: [
        // xterm, tmux and screen
        ("\u{1B}OP", Key.function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[18~", .function(7)), ("\u{1B}[19~", .function(8)),
        ("\u{1B}[20~", .function(9)), ("\u{1B}[21~", .function(10)), ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete),
        ("\u{1B}[Z", .backTab), ("\u{1B}[1;5D", .wordLeft), ("\u{1B}[1;5C", .wordRight), ("\u{1B}[1;3B", .altDown),
        ("\u{1B}[1;2H", .home), ("\u{1B}[1;2P", .function(1)), ("\u{1B}[3;5~", .delete), ("\u{1B}OM", .enter),
        // PuTTY's default (ESC [n~) and VT220
        ("\u{1B}[11~", .function(1)), ("\u{1B}[12~", .function(2)), ("\u{1B}[13~", .function(3)), ("\u{1B}[14~", .function(4)),
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
        // the Linux console
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[B", .function(2)), ("\u{1B}[[C", .function(3)), ("\u{1B}[[D", .function(4)),
        ("\u{1B}[[E", .function(5)),
        // rxvt
        ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}Od", .wordLeft), ("\u{1B}Oc", .wordRight),
        ("\u{1B}\u{1B}[B", .altDown),
    ])
    func eachTerminalsVariantOfEachKey(_ sequence: String, _ key: Key) {
        #expect(decode(chars(sequence + "x")) == [.key(key), .key(.character("x"))], "\(sequence.debugDescription)")
        #expect(decode(chars(sequence)) == [.key(key)], "\(sequence.debugDescription) before a pause")
    }

    /// Issue 12, item 4: an unknown sequence is dropped whole, never typed and never Esc.
    @Test func anUnknownSequenceIsDroppedWholeAndNamed() {
        #expect(decode(chars("\u{1B}[99~ab")) == [.unrecognised("\u{1B}[99~"), .key(.character("a")), .key(.character("b"))])
        #expect(decode(chars("\u{1B}[38;5;1m")) == [.unrecognised("\u{1B}[38;5;1m")])
        #expect(InputEvent.unrecognised("\u{1B}[99~").name == "Unknown sequence ESC[99~")
        // Cut off by the pause: still not Esc, still not typed.
        #expect(decode(chars("\u{1B}[4")) == [.unrecognised("\u{1B}[4")])
        // A lone Esc, and Esc Esc, are still the Esc key; Esc then a letter is Alt.
        #expect(decode(chars("\u{1B}\u{1B}")) == [.key(.escape), .key(.escape)])
        #expect(decode(chars("\u{1B}\u{1B}x")) == [.key(.escape), .key(.alt("x"))])
        #expect(decode(chars("\u{1B}[")) == [.key(.alt("["))])
    }

    /// Issue 12, item 9: a paste keeps no escape sequence, not even the rest of one.
    @Test func pastedTextLosesWholeEscapeSequences() {
        let coloured = PastedText("Нигора\u{1B}[31m красный\u{1B}[0m")
        #expect(coloured.text == "Нигора красный")
        #expect(coloured.removedSequences == 2)
        #expect(PastedText("a\u{1B}]0;title\u{07}b").text == "ab")  // a window title (OSC)
        #expect(PastedText("a\u{1B}]8;;http://x\u{1B}\\b").text == "ab")  // a link, ended by ESC \\
        #expect(PastedText("Жанар\u{1B}").text == "Жанар")
        #expect(PastedText("\u{1B}Ж").text == "Ж")
        #expect(PastedText("plain\nline").removedSequences == 0)
    }

    @Test func bracketedPasteIsOneEventAndNewlinesStayText() {
        let events = decode(chars("\u{1B}[200~Жанар\rӘбілқызы\n\u{1B}[201~"), flush: false)
        #expect(events == [.paste("Жанар\rӘбілқызы\n")])
    }

    /// A pause inside the end marker must not turn its Esc into the Esc key (which leaves a form).
    @Test func aPauseInsideThePasteEndMarkerDeliversThePasteAndNoEscape() {
        var decoder = KeyDecoder()
        var events = chars("\u{1B}[200~abc\u{1B}[20").flatMap { decoder.feed($0) }
        events += decoder.flush()
        #expect(events == [.paste("abc\u{1B}[20")])
        #expect(!decoder.isWaiting)
    }

    @Test func pasteMayContainAnEscapeThatIsNotTheEndMarker() {
        #expect(decode(chars("\u{1B}[200~a\u{1B}[2b\u{1B}[201~"), flush: false) == [.paste("a\u{1B}[2b")])
    }

    @Test func combiningMarksArriveAsTheirOwnCodes() {
        #expect(decode(chars("е\u{0301}")) == [.key(.character("е")), .key(.character("\u{0301}"))])
    }

    @Test func resizeCodeIsLeftToTheBackend() {
        #expect(decode([.keyCode(KEY_RESIZE)]).isEmpty)
    }

    @Test func eventNamesForTheKeyTester() {
        #expect(InputEvent.key(.function(10)).name == "F10")
        #expect(InputEvent.key(.character(" ")).name == "Space")
        #expect(InputEvent.paste("abc").name == "Paste(3 characters)")
        #expect(InputEvent.resize(Size(width: 80, height: 24)).name == "Resize 80x24")
    }
}

@Suite("Virtual terminal")
struct VirtualTerminalTests {
    @Test func scriptedEventsComeBackInOrderThenNil() {
        let terminal = VirtualTerminal(size: Size(width: 10, height: 2))
        terminal.type("Жа")
        terminal.press(.enter)
        #expect(terminal.nextEvent(timeout: nil) == .key(.character("Ж")))
        #expect(terminal.nextEvent(timeout: nil) == .key(.character("а")))
        #expect(terminal.nextEvent(timeout: nil) == .key(.enter))
        #expect(terminal.nextEvent(timeout: .milliseconds(1)) == nil)
    }

    @Test func presentedFramesReadAsRowsAndCountCellsSent() {
        let terminal = VirtualTerminal(size: Size(width: 10, height: 2))
        var frame = Frame(size: terminal.size)
        frame.grid.write("Жанар", at: .zero)
        terminal.present(frame)
        #expect(terminal.row(0) == "Жанар")
        #expect(terminal.shows("нар"))
        let sent = terminal.cellsWritten
        terminal.present(frame)
        #expect(terminal.cellsWritten == sent)  // an unchanged frame sends nothing
    }

    @Test func resizeChangesSizeAndQueuesTheEvent() {
        let terminal = VirtualTerminal(size: Size(width: 100, height: 30))
        terminal.resize(to: Size(width: 40, height: 12))
        #expect(terminal.size == Size(width: 40, height: 12))
        #expect(terminal.nextEvent(timeout: nil) == .resize(Size(width: 40, height: 12)))
    }
}
