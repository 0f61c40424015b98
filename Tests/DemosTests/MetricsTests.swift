import XCTest
@testable import Demos
import Kernel
import Terminal

final class MetricsTests: XCTestCase {
    /// At threshold 0.5 every number equals scikit-learn's on the demo's data
    /// (Scripts/demos/reference_values.py, seed 1).
    func testMatchesScikitLearnAtHalf() throws {
        let demo = try DemoRunChecks.make(MetricsDemo.self, [("threshold", "0.5")])
        try DemoRunChecks.dump(demo, as: "metrics")
        let r = demo.report().regression, c = demo.report().classification
        XCTAssertEqual(r.mae, MetricsReference.mae, accuracy: 1e-12)
        XCTAssertEqual(r.mse, MetricsReference.mse, accuracy: 1e-12)
        XCTAssertEqual(r.rmse, MetricsReference.rmse, accuracy: 1e-12)
        XCTAssertEqual(r.r2, MetricsReference.r2, accuracy: 1e-12)
        XCTAssertEqual(c.confusion, MetricsReference.confusion)
        XCTAssertEqual(c.accuracy, MetricsReference.accuracy, accuracy: 1e-12)
        XCTAssertEqual(c.precision, MetricsReference.precision, accuracy: 1e-12)
        XCTAssertEqual(c.recall, MetricsReference.recall, accuracy: 1e-12)
        XCTAssertEqual(c.f1, MetricsReference.f1, accuracy: 1e-12)
        XCTAssertEqual(c.logLoss, MetricsReference.logLoss, accuracy: 1e-12)
        XCTAssertEqual(c.rocAuc, MetricsReference.rocAuc, accuracy: 1e-12)
        XCTAssertEqual(demo.report().status.label, "computed")
    }

    /// The JSON carries exactly the keys the issue lists (and a few more).
    func testJSONKeys() throws {
        let json = try DemoRunChecks.json(try DemoRunChecks.make(MetricsDemo.self))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let regression = try XCTUnwrap(object["regression"] as? [String: Any])
        let classification = try XCTUnwrap(object["classification"] as? [String: Any])
        for key in ["yTrue", "yPred", "mae", "mse", "rmse", "r2"] { XCTAssertNotNil(regression[key], key) }
        for key in ["yTrue", "scores", "threshold", "confusion", "accuracy", "precision", "recall", "f1", "logLoss", "rocAuc"] {
            XCTAssertNotNil(classification[key], key)
        }
    }

    func testLoweringTheThresholdTradesPrecisionForRecall() throws {
        var previous: MetricsDemo.ClassificationResult?
        for t in stride(from: 1.0, through: 0.0, by: -0.05) {
            let c = try MetricsDemo(threshold: t, seed: 1).classification
            XCTAssertEqual(c.confusion.joined().reduce(0, +), 30)
            if let previous {
                XCTAssertGreaterThanOrEqual(c.recall, previous.recall)
                XCTAssertGreaterThanOrEqual(c.confusion[0][1], previous.confusion[0][1], "false positives only grow")
                XCTAssertEqual(c.rocAuc, previous.rocAuc, "AUC does not depend on the threshold")
            }
            previous = c
        }
        let low = try DemoRunChecks.make(MetricsDemo.self, [("threshold", "0.2")])
        XCTAssertEqual(MetricsDemo.predictions[0].judge(low), 0)
        // The ROC curve runs from (0, 0) to (1, 1).
        let roc = low.report().classification.roc
        XCTAssertEqual(roc.fpr.first, 0); XCTAssertEqual(roc.tpr.first, 0)
        XCTAssertEqual(roc.fpr.last, 1); XCTAssertEqual(roc.tpr.last, 1)
    }

    func testTheLargestErrorDominatesMSE() throws {
        let r = try DemoRunChecks.make(MetricsDemo.self).report().regression
        let squared = zip(r.yTrue, r.yPred).map { ($0 - $1) * ($0 - $1) }
        XCTAssertGreaterThan(squared.max() ?? 0, 0.5 * squared.reduce(0, +), "one error carries most of the MSE")
    }

    func testRenderStaysInsideTheArea() throws {
        for t in ["0", "0.5", "1"] {
            let demo = try DemoRunChecks.make(MetricsDemo.self, [("threshold", t)])
            DemoRunChecks.assertRendersInside(demo)
            if t == "0.5" { DemoRunChecks.preview(demo) }
        }
    }

    func testDeterministicAndReset() throws {
        try DemoRunChecks.assertDeterministicAndResets(MetricsDemo.self, steps: 1)
        XCTAssertThrowsError(try DemoCatalog.make("metrics", settings: [("threshold", "1.5")]))
    }
}

/// scikit-learn's values on the demo's data (seed 1, threshold 0.5).
private enum MetricsReference {
    static let mae = 1.1145322769816526, mse = 4.36755741877079, rmse = 2.0898701918470417, r2 = 0.5359838429195403
    static let confusion = [[12, 4], [3, 11]]
    static let accuracy = 0.7666666666666667, precision = 0.7333333333333333, recall = 0.7857142857142857
    static let f1 = 0.7586206896551724, logLoss = 0.47672792805953873, rocAuc = 0.8660714285714286
}
