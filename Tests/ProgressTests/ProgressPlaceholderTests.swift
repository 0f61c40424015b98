import XCTest
@testable import Progress

final class ProgressPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
