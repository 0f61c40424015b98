import XCTest
@testable import Kernel

final class OptimizerTests: XCTestCase {
    /// Same hand-written gradient as the fixture script, so only the update rules are compared.
    private func rosenbrockGradient(_ p: [Double]) -> [Double] {
        let x = p[0], y = p[1]
        return [-2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)]
    }

    private func makeOptimizer(_ name: String, _ o: [String: Any]) throws -> any Optimizer {
        let lr = o.double("lr")
        func value(_ key: String, _ fallback: Double) -> Double { (o[key] as? NSNumber)?.doubleValue ?? fallback }
        switch name {
        case "sgd", "sgdMomentum", "sgdDampening", "sgdNesterov":
            return try SGD(learningRate: lr, momentum: value("momentum", 0), dampening: value("dampening", 0),
                           nesterov: (o["nesterov"] as? Bool) ?? false, weightDecay: value("weight_decay", 0))
        case "rmsprop", "rmspropCentered":
            return RMSprop(learningRate: lr, alpha: value("alpha", 0.99), weightDecay: value("weight_decay", 0),
                           momentum: value("momentum", 0), centered: (o["centered"] as? Bool) ?? false)
        case "adam", "adamWeightDecay":
            let betas = o.doubles("betas")
            return Adam(learningRate: lr, beta1: betas.first ?? 0.9, beta2: betas.last ?? 0.999,
                        weightDecay: value("weight_decay", 0))
        case "adamw":
            return AdamW(learningRate: lr, weightDecay: value("weight_decay", 0.01))
        default:
            throw KernelError.invalidArgument("unknown optimizer \(name)")
        }
    }

    func testTrajectoriesMatchPyTorchFor60Steps() throws {
        let f = try fixture("optimizers")
        let runs = f.object("runs")
        XCTAssertEqual(runs.count, 9)
        for (name, run) in runs {
            let run = run as? [String: Any] ?? [:]
            var optimizer = try makeOptimizer(name, run.object("options"))
            var p = [-1.5, 2.0]
            let trajectory = run.matrix("trajectory")
            XCTAssertEqual(trajectory.count, 60)
            for (step, expected) in trajectory.enumerated() {
                try optimizer.step(parameters: &p, gradients: rosenbrockGradient(p))
                assertClose(p, expected, "\(name) step \(step + 1)")
            }
        }
    }

    func testDefaultsArePyTorchs() throws {
        let sgd = try SGD()
        XCTAssertEqual(sgd.learningRate, 0.001)
        let rms = RMSprop()
        XCTAssertEqual([rms.learningRate, rms.alpha, rms.epsilon, rms.momentum], [0.01, 0.99, 1e-8, 0])
        let adam = Adam()
        XCTAssertEqual([adam.learningRate, adam.beta1, adam.beta2, adam.epsilon, adam.weightDecay], [0.001, 0.9, 0.999, 1e-8, 0])
        XCTAssertEqual(AdamW().weightDecay, 0.01)
        XCTAssertThrowsError(try SGD(momentum: 0, nesterov: true))
    }

    func testAdamFirstStepMovesByLearningRate() throws {
        // With bias correction the first Adam step is lr·sign(g) (up to ε), whatever |g| is.
        var adam = Adam(learningRate: 0.1)
        var p = [1.0, 1.0]
        try adam.step(parameters: &p, gradients: [1000, -0.001])
        assertClose(p, [0.9, 1.1], relative: 1e-4)
        XCTAssertEqual(adam.stepCount, 1)
        adam.reset()
        XCTAssertEqual(adam.stepCount, 0)
    }

    func testSizeMismatchAndDivergenceDoNotTrap() throws {
        var sgd = try SGD(learningRate: 1)
        var p = [1.0, 2.0]
        XCTAssertThrowsError(try sgd.step(parameters: &p, gradients: [1]))
        try sgd.step(parameters: &p, gradients: [.infinity, .nan])
        XCTAssertEqual(p[0], -.infinity)
        XCTAssert(p[1].isNaN)
        var adam = Adam()
        try adam.step(parameters: &p, gradients: [.nan, 1])
        XCTAssert(p[0].isNaN)
    }

    func testClippingMatchesPyTorch() throws {
        let f = try fixture("optimizers")
        let norm = f.object("clipNorm"), value = f.object("clipValue")
        var g = norm.doubles("gradient")
        let total = GradientClipping.clipByNorm(&g, maxNorm: norm.double("maxNorm"))
        assertClose(total, norm.double("norm"))
        assertClose(g, norm.doubles("clipped"))
        var h = norm.doubles("gradient")
        GradientClipping.clipByValue(&h, limit: value.double("limit"))
        assertClose(h, value.doubles("clipped"))
        var small = [0.1, 0.2]
        GradientClipping.clipByNorm(&small, maxNorm: 10)
        XCTAssertEqual(small, [0.1, 0.2], "below the threshold nothing changes")
    }

    func testSchedulesMatchPyTorch() throws {
        let s = try fixture("optimizers").object("schedules")
        let schedules: [(String, LearningRateSchedule)] = [
            ("step", .step(stepSize: 3, gamma: 0.5)),
            ("cosine", .cosine(period: 10, minimum: 0.001)),
            ("linearWarmup", .linearWarmup(steps: 5, startFactor: 0.1)),
        ]
        for (name, schedule) in schedules {
            let expected = s.doubles(name)
            XCTAssertEqual(expected.count, 20)
            assertClose((0..<20).map { schedule.rate(base: 0.1, at: $0) }, expected, "\(name)")
        }
        let warm = LearningRateSchedule.warmupCosine(warmupSteps: 4, totalSteps: 14, minimum: 0)
        XCTAssertEqual(warm.rate(base: 1, at: 0), 0.25)
        XCTAssertEqual(warm.rate(base: 1, at: 3), 1)
        XCTAssertEqual(warm.rate(base: 1, at: 4), 1)
        assertClose(warm.rate(base: 1, at: 9), 0.5)
        XCTAssertEqual(warm.rate(base: 1, at: 14), 0)
        XCTAssertEqual(LearningRateSchedule.constant.rate(base: 0.3, at: 99), 0.3)
    }
}

final class InitializerTests: XCTestCase {
    func testGainsMatchPyTorch() throws {
        let gains = try fixture("initializers").object("gains")
        assertClose(Initializers.gain(for: .identity), gains.double("linear"))
        assertClose(Initializers.gain(for: .sigmoid), gains.double("sigmoid"))
        assertClose(Initializers.gain(for: .tanh), gains.double("tanh"))
        assertClose(Initializers.gain(for: .relu), gains.double("relu"))
        assertClose(Initializers.gain(for: .leakyReLU), gains.double("leaky_relu"))
    }

    func testDistributionsHaveTheDocumentedSpread() {
        var g = RandomGenerator(seed: 4)
        let fanIn = 200, fanOut = 300
        let he = Initializers.heNormal(fanIn: fanIn, fanOut: fanOut, generator: &g)
        XCTAssertEqual(he.count, fanIn * fanOut)
        XCTAssertEqual(Statistics.standardDeviation(he), (2.0 / 200).squareRoot(), accuracy: 0.001)
        let xavier = Initializers.xavierUniform(fanIn: fanIn, fanOut: fanOut, generator: &g)
        let bound = (6.0 / 500).squareRoot()
        XCTAssert(xavier.allSatisfy { abs($0) <= bound })
        XCTAssertEqual(xavier.max() ?? 0, bound, accuracy: 0.001)
        // U(−a, a) has standard deviation a/√3.
        XCTAssertEqual(Statistics.standardDeviation(xavier), bound / 3.0.squareRoot(), accuracy: 0.001)
        let heU = Initializers.heUniform(fanIn: fanIn, fanOut: fanOut, generator: &g)
        XCTAssertEqual(Statistics.standardDeviation(heU), (2.0 / 200).squareRoot(), accuracy: 0.001)
        let xn = Initializers.xavierNormal(fanIn: fanIn, fanOut: fanOut, gain: 2, generator: &g)
        XCTAssertEqual(Statistics.standardDeviation(xn), 2 * (2.0 / 500).squareRoot(), accuracy: 0.001)
        let lin = Initializers.linearDefault(fanIn: 16, count: 1000, generator: &g)
        XCTAssert(lin.allSatisfy { abs($0) <= 0.25 })
    }
}
