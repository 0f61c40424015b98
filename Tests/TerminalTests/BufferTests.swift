import XCTest
@testable import Terminal

final class BufferTests: XCTestCase {
    func testWriteIsClippedToTheBuffer() {
        var buffer = Buffer(width: 5, height: 2)
        let advanced = buffer.write("abcdefgh", x: 2, y: 0)
        XCTAssertEqual(advanced, 3)
        XCTAssertEqual(buffer.text(), "  abc\n")
    }

    func testWriteOutsideDoesNothing() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("x", x: -1, y: 0)
        buffer.write("y", x: 0, y: 5)
        XCTAssertEqual(buffer.text(), "")
    }

    func testWideCharacterTakesTwoCellsWithContinuation() {
        var buffer = Buffer(width: 4, height: 1)
        XCTAssertEqual(buffer.write("漢a", x: 0, y: 0), 3)
        XCTAssertEqual(buffer[0, 0].width, 2)
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].character, "a")
        XCTAssertEqual(buffer.row(0), "漢a ")
    }

    func testWideCharacterAtTheRightEdgeBecomesASpace() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("ab漢", x: 0, y: 0)
        XCTAssertEqual(buffer.row(0), "ab ")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("漢", x: 1, y: 0)
        buffer.write("x", x: 2, y: 0)
        XCTAssertEqual(buffer.row(0), "  x ")
        XCTAssertFalse(buffer[1, 0].width == 2)
    }

    func testClipRectangleLimitsWrites() {
        var buffer = Buffer(width: 10, height: 3)
        let clip = Rect(x: 2, y: 1, width: 3, height: 1)
        buffer.write("hello", x: 0, y: 1, clip: clip)
        buffer.write("hidden", x: 2, y: 2, clip: clip)
        XCTAssertEqual(buffer.text(), "\n  llo\n")
    }

    func testControlCharactersNeverReachTheBuffer() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.write("a\u{1B}b\u{7}c", x: 0, y: 0)
        XCTAssertEqual(buffer.row(0), "abc       ")
    }

    func testCombiningMarkStaysWithItsBase() {
        var buffer = Buffer(width: 3, height: 1)
        XCTAssertEqual(buffer.write("e\u{301}x", x: 0, y: 0), 2)
        XCTAssertEqual(buffer[0, 0].character, "e\u{301}")
        XCTAssertEqual(buffer[1, 0].character, "x")
    }

    func testStyledLineKeepsSpanStyles() {
        var buffer = Buffer(width: 6, height: 1)
        var line = StyledLine("ab")
        line.append("cd", style: .bold)
        buffer.write(line, x: 0, y: 0)
        XCTAssertEqual(buffer[1, 0].style, .plain)
        XCTAssertEqual(buffer[2, 0].style, .bold)
    }

    func testFindReportsColumnInDisplayWidth() {
        var buffer = Buffer(width: 10, height: 2)
        buffer.write("漢 key", x: 0, y: 1)
        XCTAssertEqual(buffer.find("key"), Point(x: 3, y: 1))
        XCTAssertNil(buffer.find("nope"))
    }
}
