import Testing
@testable import Terminal

@Suite("Display width per grapheme")
struct DisplayWidthTests {
    @Test(arguments: [
        ("A", 1), ("Ж", 1), ("ә", 1), ("Ә", 1), ("ғ", 1), ("қ", 1), ("ң", 1), ("ө", 1), ("ұ", 1), ("ү", 1), ("һ", 1), ("і", 1),
        ("е\u{0301}", 1), ("漢", 2), ("한", 2), ("😀", 2), ("❤\u{FE0F}", 2), ("\u{0301}", 1), ("\u{07}", 1),
    ])
    func graphemeWidth(text: String, columns: Int) {
        #expect(Character(text).displayWidth == columns)
    }

    @Test func stringWidthCountsGraphemesNotScalarsOrBytes() {
        #expect("Жанар Әбілқызы".displayWidth == 14)
        #expect("Каре\u{0301}н".displayWidth == 5)
        #expect("東京 Tokyo".displayWidth == 10)
    }

    @Test func prefixNeverSplitsAWideGrapheme() {
        let cut = DisplayWidth.prefix(of: "ab漢字", fitting: 3)
        #expect(cut.text == "ab")
        #expect(cut.width == 2)
    }

    @Test func truncateAddsEllipsisAndPadAligns() {
        #expect(DisplayWidth.truncate("Каримова Дилноза", to: 8) == "Каримов…")
        #expect(DisplayWidth.truncate("Жанар", to: 5) == "Жанар")
        #expect(DisplayWidth.pad("42", to: 5, alignRight: true) == "   42")
        #expect(DisplayWidth.pad("漢字漢字", to: 5) == "漢字…")
    }
}
