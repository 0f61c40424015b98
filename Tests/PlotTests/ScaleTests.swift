import XCTest
@testable import Plot

final class ScaleTests: XCTestCase {
    func testLinearAndLogFractions() {
        let linear = Scale(lower: -1, upper: 3)
        XCTAssertEqual(linear.fraction(1), 0.5)
        XCTAssertEqual(linear.value(atFraction: 0.25), 0)
        let log = Scale(lower: 1, upper: 100, kind: .log10)
        XCTAssertEqual(log.fraction(10), 0.5, accuracy: 1e-12)
        XCTAssertEqual(log.value(atFraction: 1), 100, accuracy: 1e-9)
        XCTAssertTrue(log.fraction(-1).isNaN)
        XCTAssertEqual(log.fraction(0), -.infinity)
    }

    func testDegenerateRangesAreRepaired() {
        let constant = Scale.automatic([[5, 5, 5]])
        XCTAssertLessThan(constant.lower, 5)
        XCTAssertGreaterThan(constant.upper, 5)
        XCTAssertEqual(constant.fraction(5), 0.5, accuracy: 1e-12)
        let empty = Scale.automatic([[], [.nan, .infinity]])
        XCTAssertEqual(empty.lower, 0)
        XCTAssertEqual(empty.upper, 1)
        let reversed = Scale(lower: 3, upper: 1)
        XCTAssertEqual(reversed.lower, 1)
        XCTAssertEqual(Scale(lower: -5, upper: 0, kind: .log10).lower > 0, true)
    }

    func testAutomaticRangesWidenToRoundNumbers() {
        let s = Scale.automatic([[0.03, 0.97]])
        XCTAssertEqual(s.lower, 0, accuracy: 1e-12)
        XCTAssertEqual(s.upper, 1, accuracy: 1e-12)
        let log = Scale.automatic([[0.02, 9.5, -1]], kind: .log10)
        XCTAssertEqual(log.lower, 0.01, accuracy: 1e-12)
        XCTAssertEqual(log.upper, 10, accuracy: 1e-9)
        let fixed = Scale.automatic([[0.03, 0.97]], fixed: 0.1...0.9)
        XCTAssertEqual(fixed.lower, 0.1)
        XCTAssertEqual(fixed.upper, 0.9)
    }
}
