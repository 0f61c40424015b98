import XCTest
@testable import Kernel

final class MetricsTests: XCTestCase {
    func testRegressionMetricsMatchScikitLearn() throws {
        let f = try fixture("metrics")
        let y = f.doubles("y"), yhat = f.doubles("yhat")
        assertClose(try RegressionMetrics.meanAbsoluteError(y, yhat), f.double("mae"))
        assertClose(try RegressionMetrics.meanSquaredError(y, yhat), f.double("mse"))
        assertClose(try RegressionMetrics.rootMeanSquaredError(y, yhat), f.double("rmse"))
        assertClose(try RegressionMetrics.r2Score(y, yhat), f.double("r2"))
        XCTAssertEqual(try RegressionMetrics.r2Score([2, 2], [2, 2]), 1)
        XCTAssertEqual(try RegressionMetrics.r2Score([2, 2], [2, 3]), 0)
        XCTAssertThrowsError(try RegressionMetrics.meanSquaredError([1], [1, 2]))
        XCTAssertThrowsError(try RegressionMetrics.meanSquaredError([], []))
    }

    func testClassificationMetricsMatchScikitLearn() throws {
        let f = try fixture("metrics")
        let t = f.ints("truth"), p = f.ints("prediction")
        assertClose(try ClassificationMetrics.accuracy(t, p), f.double("accuracy"))
        assertClose(try ClassificationMetrics.precision(t, p), f.double("precision"))
        assertClose(try ClassificationMetrics.recall(t, p), f.double("recall"))
        assertClose(try ClassificationMetrics.f1Score(t, p), f.double("f1"))
        assertClose(try ClassificationMetrics.precision(t, p, average: .binary(positive: 0)), f.double("precisionNegative"))
        XCTAssertEqual(try ClassificationMetrics.confusionMatrix(t, p), f.intMatrix("confusion"))
        let mt = f.ints("multiTruth"), mp = f.ints("multiPrediction")
        XCTAssertEqual(try ClassificationMetrics.confusionMatrix(mt, mp), f.intMatrix("multiConfusion"))
        assertClose(try ClassificationMetrics.accuracy(mt, mp), f.double("multiAccuracy"))
        let averages: [(String, ClassificationMetrics.Average)] = [("macro", .macro), ("weighted", .weighted), ("micro", .micro)]
        for (name, average) in averages {
            let expected = f.object("averages").object(name)
            assertClose(try ClassificationMetrics.precision(mt, mp, average: average), expected.double("precision"), "\(name) precision")
            assertClose(try ClassificationMetrics.recall(mt, mp, average: average), expected.double("recall"), "\(name) recall")
            assertClose(try ClassificationMetrics.f1Score(mt, mp, average: average), expected.double("f1"), "\(name) f1")
        }
        assertClose(try ClassificationMetrics.rocAUC(t, f.doubles("scores")), f.double("rocAUC"))
        assertClose(try ClassificationMetrics.logLoss(t, f.doubles("probabilities")), f.double("logLoss"))
        assertClose(try ClassificationMetrics.logLoss(mt, probabilities: f.matrix("probabilityRows")), f.double("multiLogLoss"))
    }

    func testZeroDivisionAndErrors() throws {
        XCTAssertEqual(try ClassificationMetrics.precision([1, 1], [0, 0]), 0, "no positive predictions: 0, as sklearn")
        XCTAssertEqual(try ClassificationMetrics.f1Score([0, 0], [0, 0]), 0)
        XCTAssertThrowsError(try ClassificationMetrics.rocAUC([1, 1], [0.2, 0.3]))
        XCTAssertEqual(try ClassificationMetrics.rocAUC([0, 1], [0.2, 0.3]), 1)
        XCTAssertEqual(try ClassificationMetrics.rocAUC([0, 1], [0.5, 0.5]), 0.5)
        XCTAssertThrowsError(try ClassificationMetrics.logLoss([0, 2], probabilities: [[0.5, 0.5], [0.5, 0.5]]))
        XCTAssertEqual(try ClassificationMetrics.confusionMatrix([0, 1], [1, 1], labels: [1, 0]), [[1, 0], [1, 0]])
    }
}
