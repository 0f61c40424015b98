import XCTest
@testable import Terminal

final class SanitizerTests: XCTestCase {
    func testRemovesCSIAndOSCSequences() {
        XCTAssertEqual(Sanitizer.clean("a\u{1B}[31mred\u{1B}[0m b"), "ared b")
        XCTAssertEqual(Sanitizer.clean("x\u{1B}]0;title\u{7}y"), "xy")
        XCTAssertEqual(Sanitizer.clean("x\u{9B}2Jy"), "xy")
    }

    func testExpandsTabsAndKeepsNewlines() {
        XCTAssertEqual(Sanitizer.clean("a\tb\nc"), "a   b\nc")
        XCTAssertEqual(Sanitizer.clean("a\nb", keepNewlines: false), "a b")
    }

    func testDropsOtherControls() {
        XCTAssertEqual(Sanitizer.clean("a\u{0}b\u{8}c\u{7F}d\r"), "abcd")
    }
}
