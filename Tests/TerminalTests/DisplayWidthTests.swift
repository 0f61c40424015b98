import XCTest
@testable import Terminal

final class DisplayWidthTests: XCTestCase {
    func testAsciiIsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
    }

    func testEastAsianWideIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("漢字"), 4)
        XCTAssertEqual(DisplayWidth.of("ｈ"), 2)  // fullwidth h
        XCTAssertEqual(DisplayWidth.of("한"), 2)
    }

    func testCombiningMarksTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x301)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x200B)!), 0)
    }

    func testControlCharactersTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x1B)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x9B)!), 0)
    }

    func testMathAndBrailleAreNarrow() {
        XCTAssertEqual(DisplayWidth.of("Σ∂θ²√⣿→"), 7)
    }

    func testEmojiIsWide() {
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
    }
}
