import XCTest
@testable import Demos

final class DemosPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
