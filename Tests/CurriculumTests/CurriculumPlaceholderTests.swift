import XCTest
@testable import Curriculum

final class CurriculumPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
