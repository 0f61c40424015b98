import Terminal
import XCTest
@testable import Demos

final class GradientDescentDemoTests: XCTestCase {
    func testFirstStepsOnSquareFromThree() throws {
        let demo = try DemoChecks.run("gradient-descent", [("function", "square"), ("lr", "0.1")], steps: 3)
        let gd = try XCTUnwrap(demo as? GradientDescentDemo)
        let xs = gd.trajectory.map { $0.x[0] }
        XCTAssertEqual(xs.count, 4)
        // x ← x − 0.1·2x = 0.8x, computed in floating point exactly as PyTorch's SGD does.
        XCTAssertEqual(xs[0], 3)
        XCTAssertEqual(xs[1], 2.4, accuracy: 1e-15)
        XCTAssertEqual(xs[2], 1.92, accuracy: 1e-15)
        XCTAssertEqual(xs[3], 1.536, accuracy: 1e-15)
        XCTAssertEqual(gd.trajectory[1].loss, 5.76, accuracy: 1e-12)
        XCTAssertEqual(demo.status, .running)
    }

    func testCalculusCaptionPromises() throws {
        // lr 0.1 converges without crossing the minimum.
        var demo = try DemoCatalog.make("gradient-descent", settings: [("function", "square"), ("lr", "0.1")])
        for _ in 0..<500 { demo.step() }
        XCTAssertEqual(demo.status, .finished("converged"))
        XCTAssertEqual(GradientDescentDemo.judgeOscillation(demo), 0)
        // lr 0.9 overshoots every step but settles.
        demo = try DemoCatalog.make("gradient-descent", settings: [("function", "square"), ("lr", "0.9")])
        for _ in 0..<500 { demo.step() }
        XCTAssertEqual(demo.status, .finished("converged"))
        XCTAssertEqual(GradientDescentDemo.judgeOscillation(demo), 1)
        // lr 1.1 diverges: the loss x² = 9·1.44ⁿ passes 1e12 first, at n = ⌈log(1e12/9)/log 1.44⌉ = 70.
        demo = try DemoCatalog.make("gradient-descent", settings: [("function", "square"), ("lr", "1.1")])
        for _ in 0..<500 { demo.step() }
        let expected = Int((log(1e12 / 9) / log(1.44)).rounded(.up))
        XCTAssertEqual(expected, 70)
        guard case .diverged(let step, let reason) = demo.status else { return XCTFail("\(demo.status)") }
        XCTAssertEqual(step, expected)
        XCTAssertTrue(reason.contains("loss overflowed"), reason)
        XCTAssertEqual(demo.status.message, "diverged at step 70: \(reason)")
        XCTAssertEqual(demo.stepCount, expected, "stepping stops once diverged")
    }

    func testDivergesToInfinityAtExactStepWithoutCrashing() throws {
        // On Rosenbrock with lr 2 from (-1.5, 2) the first step already lands far out.
        var demo = try DemoCatalog.make("gradient-descent", settings: [("function", "rosenbrock"), ("lr", "2")])
        for _ in 0..<50 { demo.step() }
        guard case .diverged(let step, _) = demo.status else { return XCTFail("\(demo.status)") }
        XCTAssertLessThanOrEqual(step, 3)
        DemoChecks.assertRendersInside(demo)
    }

    func testTwoDimensionalGradientFromTape() throws {
        // Rosenbrock at (-1.5, 2): ∂x = −2(1 − x) − 400x(y − x²) = −5 + 600·(−0.25) = −155, ∂y = 200(y − x²) = −50.
        let (loss, gradient) = LossSurface.rosenbrock.evaluate(at: [-1.5, 2])
        XCTAssertEqual(loss, 6.25 + 100 * 0.0625, accuracy: 1e-12)
        XCTAssertEqual(gradient[0], -155, accuracy: 1e-12)
        XCTAssertEqual(gradient[1], -50, accuracy: 1e-12)
        let (q, dq) = LossSurface.quartic.evaluate(at: [2])
        XCTAssertEqual(q, 16 - 12 + 2, accuracy: 1e-12)
        XCTAssertEqual(dq[0], 32 - 12 + 1, accuracy: 1e-12)
        XCTAssertEqual(LossSurface.ravine.values(xs: [1, 2], ys: [1, 0.5]), [11, 6.5])
    }

    func testStartFallsBackToTheFunctionsDefaultAndCanBeSet() throws {
        let ravine = try XCTUnwrap(try DemoCatalog.make("gradient-descent", settings: [("function", "ravine")]) as? GradientDescentDemo)
        XCTAssertEqual(ravine.start, [-3, 1])
        let custom = try XCTUnwrap(try DemoCatalog.make("gradient-descent", settings: [("function", "bowl"), ("start", "-1.5,2")]) as? GradientDescentDemo)
        XCTAssertEqual(custom.start, [-1.5, 2])
    }

    func testRavineAtLearningRatePointOneZigZagsForever() throws {
        // y is multiplied by 1 − 20·0.1 = −1 each step: it flips sign with constant size.
        let demo = try XCTUnwrap(try DemoChecks.run("gradient-descent", [("function", "ravine")], steps: 20) as? GradientDescentDemo)
        XCTAssertEqual(demo.trajectory[1].x[1], -1, accuracy: 1e-12)
        XCTAssertEqual(demo.trajectory[2].x[1], 1, accuracy: 1e-12)
        XCTAssertEqual(demo.trajectory[1].x[0], -2.4, accuracy: 1e-12)
        XCTAssertEqual(demo.status, .running)
    }

    func testPredictionsAreJudgedFromTheRun() throws {
        for prediction in GradientDescentDemo.predictions {
            var demo = try DemoCatalog.make("gradient-descent", settings: prediction.settings)
            for _ in 0..<prediction.steps { demo.step() }
            let answer = prediction.judge(demo)
            XCTAssert(prediction.choices.indices.contains(answer))
        }
        var diverging = try DemoCatalog.make("gradient-descent", settings: GradientDescentDemo.predictions[0].settings)
        for _ in 0..<300 { diverging.step() }
        XCTAssertEqual(GradientDescentDemo.predictions[0].judge(diverging), 2)
    }

    func testReportJSONShape() throws {
        let demo = try DemoChecks.run("gradient-descent", [("function", "square")], steps: 2)
        let object = try DemoChecks.object(demo)
        XCTAssertEqual(object["status"] as? String, "running")
        let trajectory = try XCTUnwrap(object["trajectory"] as? [[String: Any]])
        XCTAssertEqual(trajectory.count, 3)
        XCTAssertEqual(trajectory[1]["step"] as? Int, 1)
        XCTAssertEqual(trajectory[1]["x"] as? [Double], [2.4])
        XCTAssertNotNil(trajectory[1]["loss"] as? Double)
    }

    func testDeterministicResettableAndRendersInside() throws {
        try DemoChecks.assertDeterministicAndResettable("gradient-descent", [("function", "rosenbrock"), ("lr", "0.001")], steps: 30)
        for function in LossSurface.allCases {
            DemoChecks.assertRendersInside(try DemoChecks.run("gradient-descent", [("function", function.rawValue)], steps: 5))
        }
    }

    func testLessonEmbedsParse() throws {
        XCTAssertNoThrow(try DemoCatalog.make("gradient-descent", settings: [("function", "square"), ("lr", "0.1")]))
        XCTAssertNoThrow(try DemoCatalog.make("gradient-descent", settings: [("function", "ravine")]))
        XCTAssertThrowsError(try DemoCatalog.make("gradient-descent", settings: [("lr", "5")]))
    }
}
