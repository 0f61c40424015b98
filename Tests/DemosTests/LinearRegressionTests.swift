import XCTest
@testable import Demos
import Kernel
import Terminal

final class LinearRegressionTests: XCTestCase {
    private func converged(_ settings: [(String, String)] = [], seed: UInt64 = 1) throws -> LinearRegressionDemo {
        var demo = try DemoRunChecks.make(LinearRegressionDemo.self, settings, seed: seed)
        while demo.status.isRunning { demo.step() }
        return demo
    }

    /// The MSE fit by gradient descent ends on numpy.polyfit's line for the same data, and the
    /// closed form equals it to rounding; the MAE fit ends on scikit-learn's least-absolute-
    /// deviations line (QuantileRegressor, q = 0.5) within the subgradient's rattle.
    /// Values from Scripts/demos/reference_values.py (seed 1, default knobs).
    func testFitsMatchNumpyAndScikitLearn() throws {
        let demo = try converged()
        try DemoRunChecks.dump(demo, as: "linear-regression")
        let report = demo.report()
        XCTAssertEqual(report.status.label, "converged")
        XCTAssertEqual(report.outliers, [8, 31])
        XCTAssertEqual(report.leastSquares.slope, 2.572547542733046, accuracy: 1e-12)
        XCTAssertEqual(report.leastSquares.intercept, 0.7747738843639925, accuracy: 1e-12)
        XCTAssertEqual(report.fit.mse.slope, 2.572547542733046, accuracy: 1e-9)
        XCTAssertEqual(report.fit.mse.intercept, 0.7747738843639925, accuracy: 1e-9)
        XCTAssertEqual(report.fit.mae.slope, 2.125884927000201, accuracy: 0.01)
        XCTAssertEqual(report.fit.mae.intercept, 0.8099252232751125, accuracy: 0.01)
    }

    func testFirstGradientStepFromZero() throws {
        var demo = try DemoRunChecks.make(LinearRegressionDemo.self, [("lr", "0.1")])
        let x = demo.data.x, y = demo.data.y, n = Double(x.count)
        demo.step()
        // From w = b = 0 the MSE gradient is (−2/n·Σxy, −2/n·Σy).
        let sxy = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }, sy = y.reduce(0, +)
        XCTAssertEqual(demo.report().fit.mse.slope, 0.1 * 2 * sxy / n, accuracy: 1e-12)
        XCTAssertEqual(demo.report().fit.mse.intercept, 0.1 * 2 * sy / n, accuracy: 1e-12)
        // The MAE gradient from zero is −mean(sign(y)·x), −mean(sign(y)).
        let sign = y.map { $0 > 0 ? 1.0 : ($0 < 0 ? -1.0 : 0) }
        XCTAssertEqual(demo.report().fit.mae.slope, 0.1 * zip(sign, x).reduce(0) { $0 + $1.0 * $1.1 } / n, accuracy: 1e-12)
        XCTAssertEqual(demo.report().fit.mae.intercept, 0.1 * sign.reduce(0, +) / n, accuracy: 1e-12)
    }

    func testOutliersPullTheMSEFitMoreThanTheMAEFit() throws {
        let clean = try converged([("outliers", "0")]), dirty = try converged([("outliers", "6")])
        let mseShift = abs(dirty.report().fit.mse.slope - clean.report().fit.mse.slope)
            + abs(dirty.report().fit.mse.intercept - clean.report().fit.mse.intercept)
        let maeShift = abs(dirty.report().fit.mae.slope - clean.report().fit.mae.slope)
            + abs(dirty.report().fit.mae.intercept - clean.report().fit.mae.intercept)
        XCTAssertGreaterThan(mseShift, 3 * maeShift)
        XCTAssertEqual(dirty.report().outliers.count, 6)
        // Same points apart from the outliers.
        XCTAssertEqual(clean.report().x, dirty.report().x)
        XCTAssertEqual(LinearRegressionDemo.predictions[0].judge(dirty), 0)
    }

    func testLossesNeverIncreaseForMSE() throws {
        let demo = try converged()
        let loss = demo.report().loss.mse
        for i in 1..<loss.count { XCTAssertLessThanOrEqual(loss[i], loss[i - 1] + 1e-12) }
    }

    /// Curvature along the slope is 2·mean(x²); lr 0.5 is past 2/that, so the fit blows up,
    /// at a step that does not change from run to run, and the report stays finite.
    func testDivergesAtHighLearningRate() throws {
        var demo = try DemoRunChecks.make(LinearRegressionDemo.self, [("lr", "0.5")])
        for _ in 0..<500 { demo.step() }
        guard case .diverged(let step, _) = demo.status else { return XCTFail("expected divergence, got \(demo.status)") }
        var again = try DemoRunChecks.make(LinearRegressionDemo.self, [("lr", "0.5")])
        for _ in 0..<500 { again.step() }
        XCTAssertEqual(again.status, demo.status)
        XCTAssertEqual(demo.stepCount, step)
        XCTAssertNoThrow(try DemoRunChecks.json(demo))
        XCTAssertEqual(LinearRegressionDemo.predictions[1].judge(demo), 1)
    }

    func testRenderStaysInsideTheArea() throws {
        var demo = try DemoRunChecks.make(LinearRegressionDemo.self)
        DemoRunChecks.assertRendersInside(demo)
        for _ in 0..<20 { demo.step() }
        DemoRunChecks.assertRendersInside(demo)
        DemoRunChecks.preview(demo)
    }

    func testDeterministicAndReset() throws {
        try DemoRunChecks.assertDeterministicAndResets(LinearRegressionDemo.self, steps: 30)
    }

    func testCatalogAndKnobErrors() throws {
        XCTAssertNoThrow(try DemoCatalog.make("linear-regression"))
        XCTAssertThrowsError(try DemoCatalog.make("linear-regression", settings: [("outliers", "99")]))
        XCTAssertThrowsError(try DemoCatalog.make("linear-regression", settings: [("slope", "1")]))
    }
}
