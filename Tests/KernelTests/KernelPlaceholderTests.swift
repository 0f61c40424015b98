import XCTest
@testable import Kernel

final class KernelPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
