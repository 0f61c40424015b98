import XCTest
@testable import Demos
import Kernel
import Terminal

final class ClassifyTests: XCTestCase {
    private func finished(_ settings: [(String, String)], seed: UInt64 = 1) throws -> ClassifyDemo {
        var demo = try DemoRunChecks.make(ClassifyDemo.self, settings, seed: seed)
        while demo.status.isRunning { demo.step() }
        return demo
    }

    func testDumpsForReferenceScript() throws {
        try DemoRunChecks.dump(try finished([("model", "logistic")]), as: "classify-logistic")
        try DemoRunChecks.dump(try finished([("model", "knn"), ("k", "5")]), as: "classify-knn")
        try DemoRunChecks.dump(try finished([("model", "tree"), ("depth", "4")]), as: "classify-tree")
    }

    /// Newton's method converges to scikit-learn's LogisticRegression(C=1) on the training
    /// points (Scripts/demos/reference_values.py, seed 1, moons); scikit-learn's lbfgs stops
    /// about 5e-9 short of the optimum Newton reaches, hence the tolerance.
    func testLogisticMatchesScikitLearn() throws {
        let demo = try finished([("model", "logistic")])
        let report = demo.report()
        XCTAssertEqual(report.status.label, "converged")
        XCTAssertLessThan(report.step, 15)
        let fit = try XCTUnwrap(report.logistic)
        XCTAssertEqual(fit.weights[0], LogisticReference.weights[0], accuracy: 1e-7)
        XCTAssertEqual(fit.weights[1], LogisticReference.weights[1], accuracy: 1e-7)
        XCTAssertEqual(fit.bias, LogisticReference.bias, accuracy: 1e-7)
        XCTAssertEqual(report.trainAccuracy, LogisticReference.trainAccuracy)
        XCTAssertEqual(report.testAccuracy, LogisticReference.testAccuracy)
    }

    func testKNNAndTreeAccuracyMatchScikitLearn() throws {
        let knn = try finished([("model", "knn"), ("k", "5")]).report()
        XCTAssertEqual(knn.step, 0, "k-NN has nothing to train")
        XCTAssertEqual(knn.trainAccuracy, KNNReference.trainAccuracy)
        XCTAssertEqual(knn.testAccuracy, KNNReference.testAccuracy)
        let tree = try finished([("model", "tree"), ("depth", "4")]).report()
        XCTAssertEqual(tree.tree?.depth, 4)
        XCTAssertEqual(tree.trainAccuracy, TreeReference.trainAccuracy)
        XCTAssertEqual(tree.testAccuracy, TreeReference.testAccuracy)
    }

    func testTreeGrowsOneLevelPerStep() throws {
        var demo = try DemoRunChecks.make(ClassifyDemo.self, [("model", "tree"), ("depth", "3")])
        XCTAssertEqual(demo.report().tree?.depth, 0)
        var leaves = demo.report().tree?.leaves ?? 0
        for level in 1...3 {
            demo.step()
            XCTAssertEqual(demo.report().tree?.depth, level)
            XCTAssertGreaterThan(demo.report().tree?.leaves ?? 0, leaves)
            leaves = demo.report().tree?.leaves ?? 0
        }
        XCTAssertFalse(demo.status.isRunning)
    }

    func testOneNearestNeighbourMemorizesAndLinesCannotDrawCircles() throws {
        let one = try finished([("model", "knn"), ("k", "1")])
        XCTAssertEqual(one.report().trainAccuracy, 1)
        XCTAssertEqual(ClassifyDemo.predictions[1].judge(one), 0)
        let circles = try finished([("model", "logistic"), ("dataset", "circles")])
        XCTAssertLessThan(circles.report().testAccuracy, 0.75)
        XCTAssertEqual(ClassifyDemo.predictions[0].judge(circles), 1)
        let knnCircles = try finished([("model", "knn"), ("dataset", "circles")])
        XCTAssertGreaterThan(knnCircles.report().testAccuracy, 0.9)
    }

    func testBoundaryGridIsAProbability() throws {
        for model in ["logistic", "knn", "tree"] {
            for dataset in ClassifyDemo.datasets {
                let report = try finished([("model", model), ("dataset", dataset)]).report()
                XCTAssertEqual(report.boundary.probability.count, ClassifyDemo.gridRows)
                XCTAssertTrue(report.boundary.probability.joined().allSatisfy { $0 >= 0 && $0 <= 1 }, "\(model) \(dataset)")
                XCTAssertEqual(report.trainPoints.count, 150)
                XCTAssertEqual(report.testPoints.count, 50)
            }
        }
    }

    func testRenderStaysInsideTheArea() throws {
        for model in ["logistic", "knn", "tree"] {
            var demo = try DemoRunChecks.make(ClassifyDemo.self, [("model", model), ("dataset", "xor")])
            DemoRunChecks.assertRendersInside(demo)
            demo.step(); demo.step()
            DemoRunChecks.assertRendersInside(demo)
            if model == "tree" { DemoRunChecks.preview(demo) }
        }
    }

    func testDeterministicAndReset() throws {
        try DemoRunChecks.assertDeterministicAndResets(ClassifyDemo.self, [("model", "logistic")], steps: 3)
        try DemoRunChecks.assertDeterministicAndResets(ClassifyDemo.self, [("model", "tree")], steps: 2)
    }
}

/// scikit-learn's values for seed 1 on moons (Scripts/demos/reference_values.py).
private enum LogisticReference {
    static let weights = [1.2789662342172383, -3.415357998920952]
    static let bias = 0.0753828389796389
    static let trainAccuracy = 0.8666666666666667
    static let testAccuracy = 0.84
}

private enum KNNReference {
    static let trainAccuracy = 1.0
    static let testAccuracy = 0.98
}

private enum TreeReference {
    static let trainAccuracy = 0.94
    static let testAccuracy = 0.86
}
