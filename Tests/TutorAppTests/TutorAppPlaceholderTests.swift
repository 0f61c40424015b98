import XCTest
@testable import TutorApp

final class TutorAppPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
