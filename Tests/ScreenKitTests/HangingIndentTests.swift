import Testing
@testable import ScreenKit

/// A paragraph's wrapped lines can continue indented under their own text (a case's history:
/// the time and author stay alone at the left edge).
@Suite struct HangingIndentTests {
    @Test func continuationLinesAreIndentedAndShortLinesAreNot() {
        let text = "08.03 anna note: she called her sister in Samarkand today\n09.03 olga viewed"
        #expect(TextWrap.lines(text, width: 24, hangingIndent: 6) == [
            "08.03 anna note: she ",
            "      called her sister ",
            "      in Samarkand today",
            "09.03 olga viewed",
        ])
        #expect(TextWrap.lines(text, width: 24, hangingIndent: 0) == TextWrap.lines(text, width: 24))
        #expect(TextWrap.lines("абв где", width: 4, hangingIndent: 10) == TextWrap.lines("абв где", width: 4))  // too narrow: plain
    }
}
