import XCTest
@testable import Demos

final class ActivationsDemoTests: XCTestCase {
    /// Values and derivatives at the fixture's points equal PyTorch's (torch.nn.functional, autograd).
    func testMatchesPyTorchFixture() throws {
        let fixture = try kernelFixture("activations")
        let xs = try XCTUnwrap(fixture["x"] as? [Double])
        let names = ["relu": "relu", "leakyReLU": "leaky-relu", "sigmoid": "sigmoid", "tanh": "tanh", "gelu": "gelu"]
        for (fixtureName, demoName) in names {
            let entry = try XCTUnwrap(fixture[fixtureName] as? [String: Any])
            let values = try XCTUnwrap(entry["value"] as? [Double]), derivatives = try XCTUnwrap(entry["derivative"] as? [Double])
            let activation = try XCTUnwrap(ActivationsDemo.functions.first { $0.name == demoName }).activation
            for (i, x) in xs.enumerated() {
                XCTAssertEqual(activation(x), values[i], accuracy: 1e-12, "\(demoName)(\(x))")
                XCTAssertEqual(activation.derivative(x), derivatives[i], accuracy: 1e-12, "\(demoName)'(\(x))")
            }
        }
    }

    func testReportCarriesEveryFunctionOnTheGrid() throws {
        let demo = try DemoChecks.run("activations", [("range", "4"), ("points", "11")], steps: 0)
        let object = try DemoChecks.object(demo)
        let grid = (0..<10).map { -4 + Double($0) * 0.8 } + [4]  // numpy.linspace(-4, 4, 11)
        let x = try XCTUnwrap(object["x"] as? [Double])
        XCTAssertEqual(x.count, 11)
        for (a, b) in zip(x, grid) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        let functions = try XCTUnwrap(object["functions"] as? [String: [String: [Double]]])
        XCTAssertEqual(Set(functions.keys), ["relu", "leaky-relu", "sigmoid", "tanh", "gelu"])
        XCTAssertEqual(functions["relu"]?["value"], x.map { max($0, 0) })
        XCTAssertEqual(functions["sigmoid"]?["derivative"]?[5], 0.25)
        XCTAssertEqual(functions["leaky-relu"]?["derivative"]?[0], 0.01)
    }

    func testCaptionClaims() throws {
        let demo = try XCTUnwrap(try DemoCatalog.make("activations", settings: [("range", "10"), ("points", "1001")]) as? ActivationsDemo)
        let report = demo.report()
        let sigmoid = try XCTUnwrap(report.functions["sigmoid"]?.derivative)
        XCTAssertEqual(sigmoid.max(), 0.25)
        // Nearly flat beyond |x| > 5.
        for (x, d) in zip(report.x, sigmoid) where abs(x) > 5 { XCTAssertLessThan(d, 0.007) }
        XCTAssertEqual(report.functions["tanh"]?.derivative.max(), 1)
        // GELU dips below zero left of the origin.
        XCTAssertLessThan(report.functions["gelu"]?.value.min() ?? 0, -0.16)
    }

    func testProbeStepsAcrossAndFinishes() throws {
        var demo = try DemoCatalog.make("activations", settings: [("points", "11"), ("range", "5")])
        XCTAssertEqual(demo.readout.first?.value, "-5")
        demo.step()
        XCTAssertEqual(demo.readout.first?.value, "-4")
        for _ in 0..<20 { demo.step() }
        XCTAssertEqual(demo.stepCount, 10)
        XCTAssertFalse(demo.status.isRunning)
        demo.reset()
        XCTAssertEqual(demo.stepCount, 0)
    }

    func testSingleFunctionDeterministicAndRenders() throws {
        let one = try XCTUnwrap(try DemoCatalog.make("activations", settings: [("function", "tanh")]) as? ActivationsDemo)
        XCTAssertEqual(one.report().functions.keys.sorted(), ["tanh"])
        try DemoChecks.assertDeterministicAndResettable("activations", steps: 7)
        DemoChecks.assertRendersInside(try DemoChecks.run("activations", steps: 30))
        DemoChecks.assertRendersInside(one)
    }
}
