import XCTest
@testable import Demos
import Kernel
import Terminal

final class MLPTests: XCTestCase {
    private func trained(_ settings: [(String, String)], steps: Int, seed: UInt64 = 1) throws -> MLPDemo {
        var demo = try DemoRunChecks.make(MLPDemo.self, settings, seed: seed)
        for _ in 0..<steps where demo.status.isRunning { demo.step() }
        return demo
    }

    /// The lessons' embeds parse.
    func testLessonSettingsParse() throws {
        for settings in [[("dataset", "spirals")], [("dataset", "xor"), ("activation", "relu")],
                         [("dataset", "circles"), ("activation", "relu")], [("dataset", "moons"), ("activation", "relu")],
                         [("dataset", "spirals"), ("activation", "relu")]] {
            XCTAssertNoThrow(try DemoCatalog.make("mlp", settings: settings))
        }
        XCTAssertThrowsError(try DemoCatalog.make("mlp", settings: [("lr", "0.05")])) { error in
            XCTAssertTrue("\(error)".contains("0.03"), "the error lists the valid rates")
        }
    }

    /// Each step is one optimizer step on one batch, whose loss is the network's loss on that
    /// batch before the step; the first batch is the first `batch-size` of a seeded permutation.
    func testFirstStepLossIsTheBatchLoss() throws {
        var demo = try DemoRunChecks.make(MLPDemo.self, [("batch-size", "140")])
        var copy = demo.network
        let all = demo.trainPoints, labels = demo.trainLabels.map(Double.init)
        let (expected, _) = try copy.lossAndGradients(inputs: all, targets: labels)
        demo.step()
        XCTAssertEqual(demo.report().loss.count, 1)
        XCTAssertEqual(demo.report().loss[0], expected, accuracy: 1e-12, "a full batch is every training point")
    }

    /// Default knobs (8,8 tanh, Adam 0.03, batch 16). XOR's noise moves some points across the
    /// axes after labelling, so its test accuracy stays near 0.87.
    func testLearnsCirclesAndXOR() throws {
        for (dataset, test) in [("circles", 0.95), ("xor", 0.8)] {
            let demo = try trained([("dataset", dataset)], steps: 1500)
            let report = demo.report()
            XCTAssertEqual(report.status, .running)
            XCTAssertGreaterThan(report.trainAccuracy, 0.95, dataset)
            XCTAssertGreaterThan(report.testAccuracy, test, dataset)
            let early = report.loss.prefix(50).reduce(0, +) / 50, late = report.loss.suffix(50).reduce(0, +) / 50
            XCTAssertLessThan(late, early / 3, dataset)
        }
    }

    func testTwoHiddenUnitsCannotCloseTheRing() throws {
        let prediction = MLPDemo.predictions[1]
        let demo = try trained(prediction.settings, steps: prediction.steps)
        XCTAssertLessThan(demo.report().testAccuracy, 0.95)
        XCTAssertEqual(prediction.judge(demo), 1)
    }

    func testHugeLearningRateDiverges() throws {
        let settings = [("optimizer", "sgd"), ("lr", "10"), ("l2", "1")]
        let demo = try trained(settings, steps: 200)
        guard case .diverged(let step, _) = demo.status else { return XCTFail("expected divergence, got \(demo.status)") }
        XCTAssertEqual(demo.stepCount, step)
        XCTAssertEqual(demo.report().status.label, "diverged")
        XCTAssertEqual(demo.report().loss.count, step - 1, "the bad step's loss is not recorded")
        XCTAssertEqual(try trained(settings, steps: 200).status, demo.status, "diverges at the same step every time")
        XCTAssertNoThrow(try DemoRunChecks.json(demo))
        XCTAssertEqual(MLPDemo.predictions[0].judge(demo), 1)
        DemoRunChecks.assertRendersInside(demo)
    }

    func testHugeAdamLearningRateWithoutL2() throws {
        // Adam's steps are bounded by lr, so lr 10 thrashes rather than overflowing; whichever it
        // does, the demo must report finite numbers and keep rendering.
        let demo = try trained([("lr", "10"), ("activation", "relu"), ("layers", "16,16,16")], steps: 300)
        XCTAssertNoThrow(try DemoRunChecks.json(demo))
        DemoRunChecks.assertRendersInside(demo)
    }

    func testRenderStaysInsideTheArea() throws {
        var demo = try DemoRunChecks.make(MLPDemo.self, [("dataset", "spirals"), ("layers", "16,16,16"), ("dropout", "0.2")])
        DemoRunChecks.assertRendersInside(demo)
        for _ in 0..<300 { demo.step() }
        DemoRunChecks.assertRendersInside(demo)
        DemoRunChecks.preview(demo)
    }

    func testDeterministicAndReset() throws {
        try DemoRunChecks.assertDeterministicAndResets(MLPDemo.self, [("dropout", "0.3"), ("batch-size", "8")], steps: 40)
    }
}
