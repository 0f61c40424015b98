import XCTest
@testable import Demos
import Kernel
import Terminal

final class PerceptronTests: XCTestCase {
    private func run(_ dataset: String, seed: UInt64 = 1, lr: String = "1") throws -> PerceptronDemo {
        var demo = try DemoRunChecks.make(PerceptronDemo.self, [("dataset", dataset), ("lr", lr)], seed: seed)
        // One step more than the epoch limit allows, to prove the run stops by itself.
        for _ in 0...(PerceptronDemo.maxEpochs * PerceptronDemo.count) where demo.status.isRunning { demo.step() }
        return demo
    }

    func testDumpsForReferenceScript() throws {
        try DemoRunChecks.dump(try run("separable"), as: "perceptron-separable")
        try DemoRunChecks.dump(try run("xor"), as: "perceptron-xor")
    }

    /// Converges on the separable set (scikit-learn's Perceptron also reaches training accuracy 1
    /// on it, Scripts/demos/reference_values.py), for several seeds.
    func testConvergesOnSeparableData() throws {
        for seed: UInt64 in 1...8 {
            let demo = try run("separable", seed: seed)
            XCTAssertEqual(demo.status, .finished("converged"), "seed \(seed)")
            XCTAssertEqual(demo.report().misclassified, 0)
            XCTAssertEqual(demo.report().mistakesPerEpoch.last, 0)
            XCTAssertLessThan(demo.report().epoch, PerceptronDemo.maxEpochs)
        }
    }

    /// Never converges on XOR: every epoch up to the limit has mistakes, then the demo says so.
    func testNeverConvergesOnXOR() throws {
        for seed: UInt64 in 1...8 {
            let demo = try run("xor", seed: seed)
            let report = demo.report()
            XCTAssertEqual(report.status.label, "no convergence after \(PerceptronDemo.maxEpochs) epochs", "seed \(seed)")
            XCTAssertEqual(report.mistakesPerEpoch.count, PerceptronDemo.maxEpochs)
            XCTAssertTrue(report.mistakesPerEpoch.allSatisfy { $0 > 0 })
            XCTAssertGreaterThan(report.misclassified, 0)
            XCTAssertEqual(report.step, PerceptronDemo.maxEpochs * PerceptronDemo.count)
            XCTAssertEqual(PerceptronDemo.predictions[0].judge(demo), 1)
        }
    }

    /// The first step from zero weights predicts 0 (w·x + b = 0 is not > 0): a class-1 sample
    /// moves the weights to η·x and the bias to η; a class-0 sample changes nothing.
    func testFirstStepFollowsTheRule() throws {
        var demo = try DemoRunChecks.make(PerceptronDemo.self, [("lr", "0.5")])
        demo.step()
        let u = try XCTUnwrap(demo.report().lastUpdate)
        XCTAssertEqual(u.prediction, 0)
        if u.label == 1 {
            XCTAssertTrue(u.updated)
            XCTAssertEqual(u.weights, u.point.map { 0.5 * $0 })
            XCTAssertEqual(u.bias, 0.5)
        } else {
            XCTAssertFalse(u.updated)
            XCTAssertEqual(u.weights, [0, 0])
        }
        XCTAssertTrue(demo.readout.contains { $0.label == "update" && $0.value.contains("#\(u.sample)") })
    }

    /// From zero weights the learning rate only rescales the line, so the same mistakes happen.
    func testLearningRateOnlyRescales() throws {
        let one = try run("separable", lr: "1").report(), half = try run("separable", lr: "0.5").report()
        XCTAssertEqual(one.mistakesPerEpoch, half.mistakesPerEpoch)
        XCTAssertEqual(one.weights[0] * 0.5, half.weights[0], accuracy: 1e-12)
    }

    func testRenderStaysInsideTheArea() throws {
        var demo = try DemoRunChecks.make(PerceptronDemo.self, [("dataset", "xor")])
        DemoRunChecks.assertRendersInside(demo)
        for _ in 0..<100 { demo.step() }
        DemoRunChecks.assertRendersInside(demo)
        DemoRunChecks.preview(demo)
    }

    func testDeterministicAndReset() throws {
        try DemoRunChecks.assertDeterministicAndResets(PerceptronDemo.self, [("dataset", "xor")], steps: 57)
    }
}
