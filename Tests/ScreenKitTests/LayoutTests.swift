import Testing
import Terminal
@testable import ScreenKit

@Suite struct LayoutTests {
    @Test func fixedThenFlexByWeight() {
        let rects = Layout.split(Rect(x: 0, y: 0, width: 80, height: 10), .horizontal, [.fixed(10), .flex(1), .flex(2)], spacing: 1)
        #expect(rects.map(\.width) == [10, 22, 46])
        #expect(rects.map(\.x) == [0, 11, 34])
    }

    @Test func fixedPartsShrinkWhenRoomRunsOut() {
        let rects = Layout.split(Rect(x: 0, y: 0, width: 5, height: 3), .vertical, [.fixed(2), .fixed(2), .fixed(2), .flex(1)])
        #expect(rects.map(\.height) == [2, 1, 0, 0])
        #expect(rects.allSatisfy { $0.maxY <= 3 })
    }

    @Test func centeredNeverExceedsTheArea() {
        #expect(Layout.centered(Size(width: 50, height: 8), in: Rect(x: 0, y: 1, width: 40, height: 10)) == Rect(x: 0, y: 2, width: 40, height: 8))
    }

    @Test func wrapsByWordsAndDisplayWidth() {
        #expect(TextWrap.lines("Мама мыла раму", width: 9) == ["Мама ", "мыла раму"])
        #expect(TextWrap.lines("абвгдеёжз", width: 4) == ["абвг", "деёж", "з"])
        #expect(TextWrap.lines("漢字漢字漢", width: 5) == ["漢字", "漢字", "漢"])
        #expect(TextWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextWrap.lines("", width: 10) == [""])
    }

    @Test func stackLaysOutAutoFixedAndFlexAndSkipsHidden() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        let hidden = Label("hidden")
        hidden.isHidden = true
        let stack = Stack(.vertical, [(.fixed(1), Label("top")), (.fixed(1), hidden), (.auto, Paragraph("a b c d e f g h i j k l m n o p q r s t u v w x y z а б в г д е ж з и к л м", role: .normal)), (.flex(1), Spacer()), (.fixed(1), Label("bottom"))])
        app.push(Screen(title: "S", root: stack))
        app.runUntilIdle()
        #expect(terminal.row(1) == "top")
        #expect(terminal.row(2) == "a b c d e f g h i j k l m n o p q r s t")
        #expect(terminal.row(3) == "u v w x y z а б в г д е ж з и к л м")
        #expect(terminal.row(10) == "bottom")
        #expect(!terminal.shows("hidden"))
    }
}
