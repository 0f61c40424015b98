import XCTest
@testable import Terminal

final class TextWrapperTests: XCTestCase {
    func testWrapsAtSpaces() {
        XCTAssertEqual(TextWrapper.wrap("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
    }

    func testBreaksWordsLongerThanTheWidth() {
        XCTAssertEqual(TextWrapper.wrap("abcdefghij xy", width: 4), ["abcd", "efgh", "ij", "xy"])
    }

    func testKeepsExplicitLineBreaks() {
        XCTAssertEqual(TextWrapper.wrap("a b\n\nc", width: 10), ["a b", "", "c"])
    }

    func testWideCharactersCountTwoColumns() {
        XCTAssertEqual(TextWrapper.wrap("漢字 漢字", width: 5), ["漢字", "漢字"])
    }

    func testContinuationLinesGetTheIndent() {
        let lines = TextWrapper.wrap(StyledLine("- one two three"), width: 9, indent: StyledLine("  "))
        XCTAssertEqual(lines.map(\.plainText), ["- one two", "  three"])
    }

    func testStylesSurviveTheBreak() {
        var line = StyledLine("plain ")
        line.append("bold words here", style: .bold)
        let lines = TextWrapper.wrap(line, width: 11)
        XCTAssertEqual(lines.map(\.plainText), ["plain bold", "words here"])
        XCTAssertEqual(lines[1].spans, [Span("words here", style: .bold)])
    }

    func testTruncateAddsEllipsis() {
        XCTAssertEqual(TextWrapper.truncate("abcdefgh", width: 5), "abcd…")
        XCTAssertEqual(TextWrapper.truncate("abc", width: 5), "abc")
        XCTAssertEqual(TextWrapper.pad("ab", to: 4), "ab  ")
    }
}
