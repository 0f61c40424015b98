import XCTest
@testable import Terminal

final class TerminalPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
