import Foundation
import XCTest
@testable import Demos

/// The kernel's PyTorch fixtures, read from the kernel tests' folder (no copy to drift).
func kernelFixture(_ name: String) throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KernelTests/Fixtures/\(name).json")
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

final class OptimizersDemoTests: XCTestCase {
    /// The race on Rosenbrock from (-1.5, 2) follows PyTorch's trajectories step for step.
    func testRunsMatchPyTorchOnRosenbrock() throws {
        let runs = try XCTUnwrap(try kernelFixture("optimizers")["runs"] as? [String: Any])
        for (fixtureName, demoName, lr) in [("sgd", "sgd", "0.001"), ("rmsprop", "rmsprop", "0.01"), ("adam", "adam", "0.05")] {
            let expected = try XCTUnwrap((runs[fixtureName] as? [String: Any])?["trajectory"] as? [[Double]])
            let demo = try XCTUnwrap(try DemoChecks.run("optimizers", [("function", "rosenbrock"), ("lr", lr), ("steps", "60")], steps: 60) as? OptimizersDemo)
            let run = try XCTUnwrap(demo.runs.first { $0.optimizer == demoName })
            XCTAssertEqual(run.points.count, 61)
            for (step, point) in expected.enumerated() {
                for d in 0..<2 {
                    XCTAssertEqual(run.points[step + 1][d], point[d], accuracy: 1e-9 * max(1, abs(point[d])), "\(demoName) step \(step + 1)")
                }
            }
        }
    }

    func testSGDOnRavineAndTheFirstStepOfEachOptimizer() throws {
        let demo = try XCTUnwrap(try DemoChecks.run("optimizers", [("function", "ravine"), ("lr", "0.02")], steps: 1) as? OptimizersDemo)
        XCTAssertEqual(demo.runs.map(\.optimizer), ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"])
        // From (-3, 1): gradient (-6, 20). SGD and momentum (buffer = gradient on step 1) move lr·g.
        XCTAssertEqual(demo.runs[0].points[1][0], -3 + 0.02 * 6, accuracy: 1e-12)
        XCTAssertEqual(demo.runs[0].points[1][1], 1 - 0.02 * 20, accuracy: 1e-12)
        XCTAssertEqual(demo.runs[1].points[1], demo.runs[0].points[1])
        // Nesterov's first step: g + 0.9·g.
        XCTAssertEqual(demo.runs[2].points[1][1], 1 - 0.02 * 20 * 1.9, accuracy: 1e-12)
        // Adam's first step moves each coordinate by lr (up to ε).
        XCTAssertEqual(demo.runs[4].points[1][0], -3 + 0.02, accuracy: 1e-8)
        XCTAssertEqual(demo.runs[4].points[1][1], 1 - 0.02, accuracy: 1e-8)
        // AdamW decays first: θ·(1 − lr·0.01), then the Adam step.
        XCTAssertEqual(demo.runs[5].points[1][0], -3 * (1 - 0.02 * 0.01) + 0.02, accuracy: 1e-8)
    }

    func testDivergenceIsPerOptimizerAndTheRaceEnds() throws {
        var demo = try DemoCatalog.make("optimizers", settings: [("function", "ravine"), ("lr", "0.2"), ("steps", "200")])
        for _ in 0..<300 { demo.step() }
        let race = try XCTUnwrap(demo as? OptimizersDemo)
        // SGD multiplies y by 1 − 20·0.2 = −3 each step: |y| passes 1e12... the loss 10y² passes 1e12 first.
        let sgd = race.runs[0]
        XCTAssertEqual(sgd.status, "diverged")
        XCTAssertEqual(sgd.divergedAtStep, Int((log(1e11) / log(9)).rounded(.up)))
        XCTAssertEqual(race.runs[4].status, "running", "Adam's steps stay about lr long")
        XCTAssertEqual(demo.status, .finished("finished"))
        XCTAssertEqual(demo.stepCount, 200)
        DemoChecks.assertRendersInside(demo)
    }

    func testJSONHasRunsWithPointsAndLoss() throws {
        let object = try DemoChecks.object(try DemoChecks.run("optimizers", steps: 3))
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 6)
        XCTAssertEqual((runs[0]["points"] as? [[Double]])?.count, 4)
        XCTAssertEqual((runs[0]["loss"] as? [Double])?.count, 4)
        XCTAssertEqual(runs[3]["optimizer"] as? String, "rmsprop")
    }

    func testDeterministicResettableRendersAndPredictions() throws {
        try DemoChecks.assertDeterministicAndResettable("optimizers", [("function", "rosenbrock")], steps: 20)
        DemoChecks.assertRendersInside(try DemoChecks.run("optimizers", [("function", "bowl")], steps: 10))
        XCTAssertNoThrow(try DemoCatalog.make("optimizers", settings: [("function", "ravine")]))
        let prediction = OptimizersDemo.predictions[0]
        var demo = try DemoCatalog.make("optimizers", settings: prediction.settings)
        for _ in 0..<prediction.steps { demo.step() }
        XCTAssertEqual(prediction.judge(demo), 1, "momentum wins on the ravine at lr 0.02")
    }
}
