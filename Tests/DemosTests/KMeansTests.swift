import XCTest
@testable import Demos
import Kernel
import Terminal

final class KMeansTests: XCTestCase {
    private func converged(k: Int, seed: UInt64 = 1) throws -> KMeansDemo {
        var demo = try DemoRunChecks.make(KMeansDemo.self, [("k", "\(k)")], seed: seed)
        while demo.status.isRunning { demo.step() }
        return demo
    }

    /// From the demo's own k-means++ start, Lloyd's algorithm ends where scikit-learn's
    /// KMeans(init=those centroids, n_init=1, algorithm="lloyd") ends
    /// (Scripts/demos/reference_values.py, seed 1, k = 3).
    func testConvergesWhereScikitLearnDoes() throws {
        let demo = try converged(k: 3)
        try DemoRunChecks.dump(demo, as: "kmeans")
        let report = demo.report()
        XCTAssertEqual(report.status.label, "converged")
        XCTAssertEqual(report.inertia, KMeansReference.inertia, accuracy: 1e-9)
        let sorted = report.centroids.sorted { $0[0] < $1[0] }
        let expected = KMeansReference.centroids.sorted { $0[0] < $1[0] }
        for (a, b) in zip(sorted, expected) {
            XCTAssertEqual(a[0], b[0], accuracy: 1e-12)
            XCTAssertEqual(a[1], b[1], accuracy: 1e-12)
        }
    }

    func testInertiaNeverIncreasesAndFallsWithK() throws {
        var final: [Double] = []
        for k in 1...6 {
            for seed: UInt64 in [1, 2, 3] {
                let demo = try converged(k: k, seed: seed)
                let history = demo.report().inertiaHistory
                for (a, b) in zip(history, history.dropFirst()) { XCTAssertLessThanOrEqual(b, a + 1e-9, "k=\(k) seed=\(seed)") }
                XCTAssertEqual(KMeansDemo.predictions[0].judge(demo), 1)
                if seed == 1 { final.append(demo.report().inertia) }
            }
        }
        for (a, b) in zip(final, final.dropFirst()) { XCTAssertLessThan(b, a) }
    }

    func testOneClusterIsTheMean() throws {
        let report = try converged(k: 1).report()
        let n = Double(report.points.count)
        XCTAssertEqual(report.centroids[0][0], report.points.reduce(0) { $0 + $1[0] } / n, accuracy: 1e-12)
        XCTAssertEqual(report.centroids[0][1], report.points.reduce(0) { $0 + $1[1] } / n, accuracy: 1e-12)
        XCTAssertEqual(report.step, 1, "one step moves the centroid to the mean; nothing changes after")
    }

    func testStepIsOneLloydIteration() throws {
        var demo = try DemoRunChecks.make(KMeansDemo.self, [("k", "3")])
        let before = demo.report()
        demo.step()
        // Each new centroid is the mean of the points assigned to it before the step.
        for c in 0..<3 {
            let members = before.points.indices.filter { before.assignments[$0] == c }.map { before.points[$0] }
            let mean = [members.reduce(0) { $0 + $1[0] } / Double(members.count), members.reduce(0) { $0 + $1[1] } / Double(members.count)]
            XCTAssertEqual(demo.report().centroids[c][0], mean[0], accuracy: 1e-12)
            XCTAssertEqual(demo.report().centroids[c][1], mean[1], accuracy: 1e-12)
        }
        XCTAssertEqual(demo.report().inertiaHistory.count, 2)
    }

    func testRenderStaysInsideTheArea() throws {
        var demo = try DemoRunChecks.make(KMeansDemo.self, [("k", "8")])
        DemoRunChecks.assertRendersInside(demo)
        demo.step()
        DemoRunChecks.assertRendersInside(demo)
        DemoRunChecks.preview(demo)
    }

    func testDeterministicAndReset() throws {
        try DemoRunChecks.assertDeterministicAndResets(KMeansDemo.self, [("k", "3")], steps: 4)
    }
}

/// scikit-learn's result from the demo's start (seed 1, k = 3).
private enum KMeansReference {
    static let inertia = 178.31492043555946
    static let centroids: [[Double]] = [[-2.0805337964877353, -1.1801427207402846], [2.2163851532495418, -1.4259825302157478],
                                        [0.2564163931992466, 2.262432584500031]]
}
