import Kernel
import XCTest
@testable import Demos

final class NormalizeDemoTests: XCTestCase {
    func testScalingFollowsTheDefinitions() throws {
        let demo = try XCTUnwrap(try DemoCatalog.make("normalize", settings: [("n", "30")]) as? NormalizeDemo)
        XCTAssertEqual(demo.raw.count, 31, "30 rows plus the outlier")
        for feature in 0..<2 {
            let column = demo.raw.map { $0[feature] }
            let lo = column.min() ?? 0, hi = column.max() ?? 1
            let mean = Statistics.mean(column), sd = Statistics.standardDeviation(column)
            for (i, v) in column.enumerated() {
                XCTAssertEqual(demo.minmax[i][feature], (v - lo) / (hi - lo), accuracy: 1e-12)
                XCTAssertEqual(demo.zscore[i][feature], (v - mean) / sd, accuracy: 1e-12)
            }
            XCTAssertEqual(Statistics.mean(demo.zscore.map { $0[feature] }), 0, accuracy: 1e-12)
            XCTAssertEqual(Statistics.standardDeviation(demo.zscore.map { $0[feature] }), 1, accuracy: 1e-12)
        }
        // The outlier is the largest income and maps to 1; ordinary incomes are squeezed below 0.4.
        XCTAssertEqual(demo.minmax.last?[1], 1)
        XCTAssertLessThan(demo.minmax.dropLast().map { $0[1] }.max() ?? 1, 0.4)
    }

    func testWithoutOutlierAndSteps() throws {
        var demo = try DemoCatalog.make("normalize", settings: [("outlier", "off"), ("n", "10")])
        XCTAssertEqual((demo as? NormalizeDemo)?.raw.count, 10)
        XCTAssertEqual(demo.readout.first?.value, "raw")
        demo.step()
        XCTAssertEqual(demo.readout.first?.value, "min-max")
        demo.step(); demo.step()
        XCTAssertEqual(demo.readout.first?.value, "z-score")
        XCTAssertEqual(demo.status, .finished("all three views shown"))
    }

    func testJSONDeterministicAndRenders() throws {
        let object = try DemoChecks.object(try DemoCatalog.make("normalize"))
        XCTAssertEqual((object["raw"] as? [[Double]])?.count, 41)
        XCTAssertEqual((object["minmax"] as? [[Double]])?.first?.count, 2)
        XCTAssertNotNil(object["zscore"] as? [[Double]])
        try DemoChecks.assertDeterministicAndResettable("normalize", steps: 1)
        DemoChecks.assertRendersInside(try DemoCatalog.make("normalize"))
        DemoChecks.assertRendersInside(try DemoChecks.run("normalize", steps: 1))
    }
}
