import XCTest
@testable import Plot

final class PlotPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
