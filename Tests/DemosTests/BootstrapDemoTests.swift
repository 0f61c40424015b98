import Kernel
import XCTest
@testable import Demos

final class BootstrapDemoTests: XCTestCase {
    func testEachStepIsTheKernelsBootstrapSample() throws {
        let demo = try XCTUnwrap(try DemoChecks.run("bootstrap", [("n", "20")], seed: 3, steps: 5) as? BootstrapDemo)
        var bootstrap = Bootstrap(seed: 3 &+ 0x9E37_79B9_7F4A_7C15)
        for sample in demo.samples {
            let expected = try bootstrap.sample(count: 20)
            XCTAssertEqual(sample.indices, expected.inBag)
            XCTAssertEqual(sample.outOfBag, expected.outOfBag)
            XCTAssertEqual(Set(sample.indices).union(sample.outOfBag).count, 20)
        }
        XCTAssertEqual(demo.distribution[0], Statistics.mean(demo.samples[0].indices.map { demo.data[$0] }))
    }

    func testOutOfBagShareNearOneOverEAndInterval() throws {
        let demo = try XCTUnwrap(try DemoChecks.run("bootstrap", [("n", "100"), ("resamples", "1010")], steps: 2000) as? BootstrapDemo)
        XCTAssertEqual(demo.stepCount, 1010)
        XCTAssertEqual(demo.status, .finished("all 1010 resamples drawn"))
        XCTAssertEqual(demo.meanOutOfBagShare, pow(0.99, 100), accuracy: 0.01)
        let interval = try XCTUnwrap(demo.interval)
        XCTAssertEqual(interval.lower, Statistics.quantile(demo.distribution, 0.025))
        XCTAssertEqual(interval.upper, Statistics.quantile(demo.distribution, 0.975))
        XCTAssertLessThan(interval.lower, demo.observed)
        XCTAssertGreaterThan(interval.upper, demo.observed)
    }

    func testJSONAndMedian() throws {
        let object = try DemoChecks.object(try DemoChecks.run("bootstrap", [("statistic", "median"), ("n", "5")], steps: 2))
        let samples = try XCTUnwrap(object["samples"] as? [[String: [Int]]])
        XCTAssertEqual(samples.count, 2)
        XCTAssertEqual(samples[0]["indices"]?.count, 5)
        XCTAssertNotNil(samples[0]["outOfBag"])
        XCTAssertEqual((object["distribution"] as? [Double])?.count, 2)
        XCTAssertNotNil(object["interval"] as? [String: Double])
    }

    func testDeterministicResettableAndRenders() throws {
        try DemoChecks.assertDeterministicAndResettable("bootstrap", steps: 50)
        DemoChecks.assertRendersInside(try DemoCatalog.make("bootstrap"))
        DemoChecks.assertRendersInside(try DemoChecks.run("bootstrap", steps: 300))
    }
}
