import XCTest
@testable import Plot

final class TicksTests: XCTestCase {
    func assertValues(_ actual: [Double], _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, "\(actual)", file: file, line: line)
        for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: 1e-12, "\(actual)", file: file, line: line) }
    }

    func testLinearTicksUseOneTwoFiveSteps() {
        assertValues(Ticks.linear(lower: 0, upper: 1, maxCount: 6), [0, 0.2, 0.4, 0.6, 0.8, 1])
        assertValues(Ticks.linear(lower: 0, upper: 1, maxCount: 5), [0, 0.5, 1])
        assertValues(Ticks.linear(lower: -3, upper: 7, maxCount: 6), [-2, 0, 2, 4, 6])
        assertValues(Ticks.linear(lower: 0, upper: 100, maxCount: 5), [0, 50, 100])
        assertValues(Ticks.linear(lower: 0.001, upper: 0.0042, maxCount: 4), [0.001, 0.002, 0.003, 0.004])
        XCTAssertEqual(Ticks.step(lower: 0, upper: 10, maxCount: 11), 1)
        XCTAssertEqual(Ticks.step(lower: 0, upper: 10, maxCount: 3), 5)
    }

    func testDegenerateIntervalsGiveNoStep() {
        XCTAssertEqual(Ticks.step(lower: 1, upper: 1, maxCount: 5), 0)
        XCTAssertEqual(Ticks.step(lower: 0, upper: .infinity, maxCount: 5), 0)
        XCTAssertEqual(Ticks.linear(lower: 2, upper: 2, maxCount: 5), [2])
        XCTAssertEqual(Ticks.linear(lower: .nan, upper: 2, maxCount: 5), [])
    }

    func testLogTicksArePowersOfTen() {
        assertValues(Ticks.log10Ticks(lower: 1e-3, upper: 10, maxCount: 10), [1e-3, 1e-2, 0.1, 1, 10])
        assertValues(Ticks.log10Ticks(lower: 1, upper: 1e6, maxCount: 4), [1, 100, 1e4, 1e6])
        // Less than a decade: linear ticks instead.
        assertValues(Ticks.log10Ticks(lower: 2, upper: 8, maxCount: 4), [2, 4, 6, 8])
    }

    func testCompactTickLabels() {
        XCTAssertEqual(Ticks.label(0.25, step: 0.05), "0.25")
        XCTAssertEqual(Ticks.label(0.5, step: 0.25), "0.5")
        XCTAssertEqual(Ticks.label(0.001, step: 0.0005), "1e-3")
        XCTAssertEqual(Ticks.label(0.0025, step: 0.0005), "2.5e-3")
        XCTAssertEqual(Ticks.label(1200, step: 200), "1.2k")
        XCTAssertEqual(Ticks.label(1000, step: 500), "1k")
        XCTAssertEqual(Ticks.label(2_500_000, step: 500_000), "2.5M")
        XCTAssertEqual(Ticks.label(-3, step: 1), "-3")
        XCTAssertEqual(Ticks.label(0.30000000000000004, step: 0.1), "0.3")
        XCTAssertEqual(Ticks.label(1e-17, step: 0.1), "0")
        XCTAssertEqual(Ticks.label(40, step: 20), "40")
    }

    func testCompactValues() {
        XCTAssertEqual(Ticks.compact(12.5), "12.5")
        XCTAssertEqual(Ticks.compact(1.0 / 3), "0.333")
        XCTAssertEqual(Ticks.compact(1234), "1.23k")
        XCTAssertEqual(Ticks.compact(0.000045), "4.5e-5")
        XCTAssertEqual(Ticks.compact(-2), "-2")
        XCTAssertEqual(Ticks.compact(0), "0")
        XCTAssertEqual(Ticks.compact(.nan), "NaN")
        XCTAssertEqual(Ticks.compact(-.infinity), "-inf")
        XCTAssertEqual(Ticks.fixed(-0.0001, decimals: 2), "0")
        XCTAssertEqual(Ticks.fixed(2.50, decimals: 2), "2.5")
        XCTAssertEqual(Ticks.scientific(9.99e-4, decimals: 1), "1e-3")
    }
}
