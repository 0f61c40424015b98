import XCTest
@testable import Kernel

/// Demos show divergence and accept knob values from the user: bad numbers must come back as
/// errors or NaN, never as a crash.
final class RobustnessTests: XCTestCase {
    func testBadNumbersAreErrorsNotTraps() throws {
        XCTAssertThrowsError(try Statistics.histogram([1, 2], bins: 3, range: -Double.infinity...1))
        XCTAssertThrowsError(try ShuffleSplit.trainTestSplit(count: 10, testFraction: .nan))
        XCTAssertThrowsError(try ShuffleSplit.trainValidationTestSplit(count: 10, validationFraction: .nan, testFraction: 0.2))
        XCTAssertThrowsError(try ShuffleSplit(testFraction: .nan))
        XCTAssertEqual(Datasets.noisyLine(count: 10, outlierFraction: .nan, seed: 1).outliers, [])
        XCTAssert(Statistics.quantile([1, 2], .nan).isNaN)
    }

    func testErrorMessagesSayWhatToDo() {
        XCTAssertEqual(KernelError.shapeMismatch(operation: "add", left: [2, 3], right: [2]).description,
                       "add: shapes [2, 3] and [2] do not match; make the sizes equal, or 1 where a value should be broadcast.")
        XCTAssertEqual(KernelError.notEnoughSamples(needed: 5, got: 3, context: "KFold with 5 splits").description,
                       "KFold with 5 splits: needs at least 5 samples but got 3; use more data or a smaller number of splits/neighbours/clusters.")
        XCTAssertEqual(KernelError.notFitted("StandardScaler").description,
                       "StandardScaler is not fitted yet; call fit (or initialize) first.")
        XCTAssert(KernelError.singularMatrix("x").description.contains("remove duplicated or constant features"))
    }

    func testNaNDataFlowsThroughModels() throws {
        let points: [[Double]] = [[0, 0], [.nan, 1], [1, 1], [2, 2]]
        var km = try KMeans(k: 2, seed: 1)
        try km.initialize(points)
        km.run(maxSteps: 5)
        XCTAssertEqual(km.assignments.count, 4)
        var knn = try KNearestNeighbors(k: 1)
        try knn.fit(points, [0, 1, 1, 0])
        _ = knn.predict([.nan, .nan])
        var tree = DecisionTree()
        try tree.fit(points, [0, 1, 1, 0])
        _ = tree.predict([.nan, 0])
        var net = try MLP(layers: [2, 3, 1], seed: 1)
        let loss = try net.trainStep(inputs: points, targets: [0, 1, 1, 0])
        XCTAssert(loss.isNaN)
        XCTAssert(net.parameters.contains { $0.isNaN }, "NaN input poisons the weights, visibly")
        XCTAssert(net.predict([[0, 0]])[0][0].isNaN)
        var line = LinearRegression(features: 1, learningRate: 10)
        for _ in 0..<200 { try line.step([[1], [2]], [1, 2]) }
        XCTAssertFalse(line.weights[0].isFinite, "a learning rate that is too large diverges to ±∞/NaN")
    }
}
