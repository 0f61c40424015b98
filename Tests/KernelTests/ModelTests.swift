import XCTest
@testable import Kernel

final class LinearModelTests: XCTestCase {
    func testClosedFormMatchesScikitLearn() throws {
        let f = try fixture("models")
        var model = LinearRegression(features: 3)
        try model.fit(f.matrix("linearX"), f.doubles("linearY"))
        assertClose(model.weights, f.doubles("coefficients"))
        assertClose(model.bias, f.double("intercept"))
        XCTAssertThrowsError(try model.fit([[1, 2, 3], [2, 4, 6]], [1, 2])) { error in
            guard case .singularMatrix = error as? KernelError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try model.fit([[1, 2]], [1]))
    }

    func testGradientDescentMatchesPyTorchLoop() throws {
        let f = try fixture("models")
        let x = f.doubles("gdX").map { [$0] }, y = f.doubles("gdY")
        let trajectories = f.object("gdTrajectories")
        for (name, loss) in [("mse", LinearRegression.Loss.meanSquaredError), ("mae", .meanAbsoluteError)] {
            var model = LinearRegression(features: 1, loss: loss, learningRate: 0.1)
            let expected = trajectories.matrix(name)
            XCTAssertEqual(expected.count, 25)
            for (step, row) in expected.enumerated() {
                let lossBefore = try model.step(x, y)
                assertClose([model.weights[0], model.bias, lossBefore], row, "\(name) step \(step + 1)")
            }
            assertClose(try model.currentLoss(x, y), try model.currentLoss(x, y))
        }
    }

    func testMSEChasesOutliersMoreThanMAE() throws {
        let data = Datasets.noisyLine(count: 200, slope: 2, intercept: 1, noise: 0.2, outlierFraction: 0.15,
                                      outlierOffset: 20, seed: 3)
        XCTAssertEqual(data.outliers.count, 30)
        let x = data.x.map { [$0] }
        var mse = LinearRegression(features: 1, loss: .meanSquaredError, learningRate: 0.05)
        var mae = LinearRegression(features: 1, loss: .meanAbsoluteError, learningRate: 0.05)
        for _ in 0..<3000 {
            try mse.step(x, data.y)
            try mae.step(x, data.y)
        }
        XCTAssertEqual(mae.weights[0], 2, accuracy: 0.1)
        XCTAssertEqual(mae.bias, 1, accuracy: 0.2)
        XCTAssertGreaterThan(abs(mse.bias - 1), abs(mae.bias - 1))
    }

    func testLogisticRegressionMatchesScikitLearn() throws {
        let f = try fixture("models")
        let x = f.matrix("logisticX"), y = f.ints("logisticY")
        var model = LogisticRegression(features: 2)
        let iterations = try model.fit(x, y)
        XCTAssertLessThan(iterations, 20, "Newton's method converges in a few iterations")
        // scikit-learn's newton-cholesky stops at tol = 1e-12 on the gradient, so agreement is
        // to about 1e-9; stated tolerance here 1e-8 relative.
        assertClose(model.weights, f.doubles("logisticCoefficients"), relative: 1e-8)
        assertClose(model.bias, f.double("logisticIntercept"), relative: 1e-8)
        assertClose(f.matrix("grid").map { model.predictProbability($0) }, f.doubles("logisticProbabilities"), relative: 1e-8)
        var weak = LogisticRegression(features: 2, inverseRegularization: 0.1)
        try weak.fit(x, y)
        assertClose(weak.weights, f.doubles("logisticCoefficientsC01"), relative: 1e-8)
        assertClose(weak.bias, f.double("logisticInterceptC01"), relative: 1e-8)
        XCTAssertThrowsError(try model.fit(x, y.map { $0 + 1 }))
    }

    func testLogisticGradientDescentApproachesTheNewtonSolution() throws {
        let f = try fixture("models")
        let x = f.matrix("logisticX"), y = f.ints("logisticY")
        var exact = LogisticRegression(features: 2)
        try exact.fit(x, y)
        var stepwise = LogisticRegression(features: 2)
        var previous = Double.infinity
        for _ in 0..<3000 {
            let loss = try stepwise.step(x, y, learningRate: 0.5)
            XCTAssertLessThanOrEqual(loss, previous + 1e-12, "gradient descent with a small step never increases the loss")
            previous = loss
        }
        assertClose(stepwise.weights, exact.weights, relative: 1e-4)
        assertClose(stepwise.bias, exact.bias, relative: 1e-4)
    }
}

final class ClassifierTests: XCTestCase {
    func testKNearestNeighborsMatchesScikitLearn() throws {
        let f = try fixture("models")
        let x = f.matrix("blobX"), y = f.ints("blobY"), grid = f.matrix("grid")
        for k in [1, 3, 7] {
            var knn = try KNearestNeighbors(k: k)
            try knn.fit(x, y)
            XCTAssertEqual(grid.map(knn.predict), f.object("knn").ints("\(k)"), "k = \(k)")
        }
        var one = try KNearestNeighbors(k: 1)
        try one.fit(x, y)
        XCTAssertEqual(x.map(one.predict), y, "1-NN reproduces its training labels")
        XCTAssertThrowsError(try KNearestNeighbors(k: 0))
        var big = try KNearestNeighbors(k: 50)
        XCTAssertThrowsError(try big.fit(x, y))
        var three = try KNearestNeighbors(k: 3)
        try three.fit([[0], [1], [10]], [0, 1, 1])
        XCTAssertEqual(three.predictProbability([0.2]), [1.0 / 3, 2.0 / 3])
    }

    func testDecisionTreeMatchesScikitLearn() throws {
        let f = try fixture("models")
        let x = f.matrix("blobX"), y = f.ints("blobY"), grid = f.matrix("grid")
        for depth in [1, 2, 3, nil] as [Int?] {
            let key = depth.map(String.init) ?? "None"
            let expected = f.object("tree").object(key)
            var tree = DecisionTree(maxDepth: depth)
            try tree.fit(x, y)
            XCTAssertEqual(tree.nodes[0].feature, (expected["rootFeature"] as? NSNumber)?.intValue, "depth \(key)")
            // scikit-learn's trees convert features to float32, so its thresholds are midpoints of
            // float32-rounded values: agreement is to float32 precision, not 1e-9.
            assertClose(tree.nodes[0].threshold, expected.double("rootThreshold"), relative: 1e-6)
            XCTAssertEqual(tree.leafCount, (expected["leaves"] as? NSNumber)?.intValue, "depth \(key)")
            XCTAssertEqual(tree.depth, (expected["depth"] as? NSNumber)?.intValue, "depth \(key)")
            XCTAssertEqual(x.map(tree.predict), expected.ints("training"), "depth \(key)")
            XCTAssertEqual(grid.map(tree.predict), expected.ints("predictions"), "depth \(key)")
        }
        var stump = DecisionTree(maxDepth: 0)
        try stump.fit(x, y)
        XCTAssertEqual(stump.leafCount, 1)
        XCTAssertEqual(stump.predictProbability([0, 0]), [1.0 / 3, 1.0 / 3, 1.0 / 3])
        XCTAssertThrowsError(try stump.fit([], []))
    }

    func testPerceptronLearnsSeparableDataButNotXOR() throws {
        let separable = Datasets.blobs(centers: [[-2, -2], [2, 2]], countPerCenter: 30, standardDeviation: 0.5, seed: 1)
        var p = try Perceptron(points: separable.points, labels: separable.labels, seed: 2)
        XCTAssertEqual(p.weights, [0, 0])
        let first = p.nextSample
        // Zero weights predict 0: the first sample causes an update exactly when it is class 1.
        XCTAssertEqual(p.step(), separable.labels[first] == 1)
        var epochs = 0
        while p.runEpoch() > 0 && epochs < 100 { epochs += 1 }
        XCTAssertLessThan(epochs, 100)
        XCTAssertEqual(p.trainingErrors, 0)
        let xor = Datasets.xor(count: 40, noise: 0, seed: 3)
        var q = try Perceptron(points: xor.points, labels: xor.labels, seed: 4)
        for _ in 0..<50 { q.runEpoch() }
        XCTAssertGreaterThan(q.trainingErrors, 5, "a single perceptron cannot learn XOR")
        XCTAssertEqual(q.epoch, 50)
        XCTAssertThrowsError(try Perceptron(points: [[1]], labels: [2]))
    }

    func testPerceptronRuleByHand() throws {
        var p = try Perceptron(points: [[1, 2], [-1, 0]], labels: [1, 0], learningRate: 0.5, shuffle: false)
        XCTAssertTrue(p.step())               // predicts 0 for class 1: w += 0.5·[1, 2], b += 0.5
        XCTAssertEqual(p.weights, [0.5, 1])
        XCTAssertEqual(p.bias, 0.5)
        XCTAssertFalse(p.step())              // −0.5 + 0.5 = 0 → predicts 0, correct
        XCTAssertEqual(p.epoch, 1)
    }
}

final class KMeansTests: XCTestCase {
    func testInertiaNeverIncreasesAndConverges() throws {
        let data = Datasets.blobs(centers: [[0, 0], [5, 5], [0, 6]], countPerCenter: 40, standardDeviation: 1, seed: 7)
        for seed in 0..<5 as Range<UInt64> {
            var km = try KMeans(k: 3, seed: seed)
            try km.initialize(data.points)
            var previous = km.inertia
            var steps = 0
            while km.step() {
                XCTAssertLessThanOrEqual(km.inertia, previous + 1e-9)
                previous = km.inertia
                steps += 1
                if steps > 100 { break }
            }
            XCTAssertLessThanOrEqual(km.inertia, previous + 1e-9)
            XCTAssertLessThan(steps, 100)
            XCTAssertEqual(Set(km.assignments).count, 3)
            // Converged: every point sits with its nearest centroid.
            for (point, c) in zip(km.points, km.assignments) { XCTAssertEqual(km.nearestCentroid(to: point), c) }
        }
    }

    func testKMeansPlusPlusSpreadsTheStartAndIsSeeded() throws {
        // Three tight, far-apart groups: k-means++ almost surely starts with one centroid in each.
        let data = Datasets.blobs(centers: [[0, 0], [100, 0], [0, 100]], countPerCenter: 10, standardDeviation: 0.1, seed: 1)
        var a = try KMeans(k: 3, seed: 3)
        try a.initialize(data.points)
        XCTAssertEqual(Set(a.assignments.enumerated().map { data.labels[$0.offset] * 10 + $0.element }).count, 3)
        var b = try KMeans(k: 3, seed: 3)
        try b.initialize(data.points)
        XCTAssertEqual(a.centroids, b.centroids)
        XCTAssertEqual(a.run(), 1, "already converged after the first step")
        var tooMany = try KMeans(k: 4, seed: 0)
        XCTAssertThrowsError(try tooMany.initialize([[1], [2]]))
        XCTAssertThrowsError(try KMeans(k: 0, seed: 0))
        var same = try KMeans(k: 2, seed: 0)
        try same.initialize([[1, 1], [1, 1], [1, 1]])
        XCTAssertEqual(same.inertia, 0)
    }
}

final class MLPTests: XCTestCase {
    func testGradientsMatchPyTorch() throws {
        let cases = try fixture("mlp").objects("cases")
        XCTAssertEqual(cases.count, 4)
        for c in cases {
            let layers = c.ints("layers")
            let activation = try XCTUnwrap(Activation(rawValue: c["activation"] as? String ?? ""))
            let loss: MLP.Loss = ["mse": .meanSquaredError, "bce": .binaryCrossEntropy, "crossEntropy": .crossEntropy][c["loss"] as? String ?? ""] ?? .meanSquaredError
            var net = try MLP(layers: layers, activation: activation, loss: loss, l2: c.double("l2"))
            let parameters = c.doubles("parameters")
            XCTAssertEqual(net.parameters.count, parameters.count)
            net.parameters = parameters
            let result = try net.lossAndGradients(inputs: c.matrix("inputs"), targets: c.doubles("targets"))
            assertClose(result.loss, c.double("lossValue"), "\(layers) loss")
            assertClose(result.gradients, c.doubles("gradients"), "\(layers) gradients")
        }
    }

    func testParameterGradientsPassTheFiniteDifferenceCheck() throws {
        var net = try MLP(layers: [2, 3, 2], activation: .tanh, loss: .crossEntropy, l2: 0.05, seed: 4)
        let inputs = [[0.5, -1.0], [1.5, 0.3], [-0.2, 0.8]], targets: [Double] = [1, 0, 1]
        let analytic = try net.lossAndGradients(inputs: inputs, targets: targets).gradients
        let h = 1e-6
        for i in net.parameters.indices {
            let original = net.parameters[i]
            net.parameters[i] = original + h
            let plus = try net.lossAndGradients(inputs: inputs, targets: targets).loss
            net.parameters[i] = original - h
            let minus = try net.lossAndGradients(inputs: inputs, targets: targets).loss
            net.parameters[i] = original
            XCTAssertEqual(analytic[i], (plus - minus) / (2 * h), accuracy: 1e-7, "parameter \(i)")
        }
    }

    func testLearnsMoonsAndPredictsAGrid() throws {
        let data = Datasets.moons(count: 200, noise: 0.1, seed: 2)
        var net = try MLP(layers: [2, 16, 16, 1], activation: .tanh, loss: .binaryCrossEntropy,
                          optimizer: Adam(learningRate: 0.02), batchSize: 32, seed: 1)
        let targets = data.labels.map(Double.init)
        let first = try net.trainEpoch(inputs: data.points, targets: targets)
        var last = first
        for _ in 0..<150 { last = try net.trainEpoch(inputs: data.points, targets: targets) }
        XCTAssertLessThan(last, first / 5)
        XCTAssertEqual(net.stepCount, 151 * 7, "200 points in batches of 32 is 7 steps per epoch")
        let accuracy = try ClassificationMetrics.accuracy(data.labels, data.points.map(net.predictClass))
        XCTAssertGreaterThan(accuracy, 0.97)
        var grid: [[Double]] = []
        for i in 0..<20 { for j in 0..<20 { grid.append([Double(i) / 5 - 1.5, Double(j) / 8 - 1]) } }
        let probabilities = net.predict(grid)
        XCTAssertEqual(probabilities.count, 400)
        for p in probabilities {
            XCTAssertEqual(p.count, 1)
            XCTAssert(p[0] >= 0 && p[0] <= 1)
        }
    }

    func testDropoutL2AndSGDConfigurationsTrain() throws {
        let data = Datasets.blobs(centers: [[-2, 0], [2, 0], [0, 3]], countPerCenter: 30, standardDeviation: 0.6, seed: 5)
        var net = try MLP(layers: [2, 12, 3], activation: .relu, loss: .crossEntropy,
                          optimizer: SGD(learningRate: 0.1, momentum: 0.9), batchSize: 16, l2: 1e-4, dropout: 0.2,
                          initialization: .he, seed: 3)
        let targets = data.labels.map(Double.init)
        for _ in 0..<60 { try net.trainEpoch(inputs: data.points, targets: targets) }
        let accuracy = try ClassificationMetrics.accuracy(data.labels, data.points.map(net.predictClass))
        XCTAssertGreaterThan(accuracy, 0.95)
        let distribution = net.predictProbability([0, 0])
        XCTAssertEqual(distribution.reduce(0, +), 1, accuracy: 1e-12)
        // Same seed, same everything: training is reproducible.
        var a = try MLP(layers: [2, 4, 1], dropout: 0.5, seed: 9), b = try MLP(layers: [2, 4, 1], dropout: 0.5, seed: 9)
        let la = try a.trainEpoch(inputs: data.points, targets: targets), lb = try b.trainEpoch(inputs: data.points, targets: targets)
        XCTAssertEqual(la, lb)
        XCTAssertEqual(a.parameters, b.parameters)
    }

    func testBadConfigurationsAndBatchesAreRejected() throws {
        XCTAssertThrowsError(try MLP(layers: [2]))
        XCTAssertThrowsError(try MLP(layers: [2, 2], loss: .binaryCrossEntropy))
        XCTAssertThrowsError(try MLP(layers: [2, 1], loss: .crossEntropy))
        XCTAssertThrowsError(try MLP(layers: [2, 1], dropout: 1))
        var net = try MLP(layers: [2, 3], loss: .crossEntropy)
        XCTAssertThrowsError(try net.trainStep(inputs: [[1, 2]], targets: [3]))
        XCTAssertThrowsError(try net.trainStep(inputs: [[1, 2]], targets: [.nan]))
        XCTAssertThrowsError(try net.trainStep(inputs: [[1, 2, 3]], targets: [0]))
        XCTAssertThrowsError(try net.trainStep(inputs: [], targets: []))
    }

    func testDivergenceProducesNaNInsteadOfTrapping() throws {
        var net = try MLP(layers: [1, 4, 1], activation: .relu, optimizer: SGD(learningRate: 1e6), seed: 1)
        var loss = 0.0
        for _ in 0..<20 { loss = try net.trainStep(inputs: [[1], [2], [3]], targets: [1e3, -1e3, 1e3]) }
        XCTAssert(!loss.isFinite || net.parameters.contains { !$0.isFinite } || loss > 1e6)
    }
}

final class DatasetTests: XCTestCase {
    func testShapesLabelsAndDeterminism() {
        let moons = Datasets.moons(count: 101, noise: 0, seed: 1)
        XCTAssertEqual(moons.points.count, 101)
        XCTAssertEqual(moons.labels.filter { $0 == 1 }.count, 50)
        XCTAssertEqual(moons.points[0][0], 1, accuracy: 1e-12)  // t = 0 on the upper arc
        XCTAssertEqual(moons, Datasets.moons(count: 101, noise: 0, seed: 2), "without noise the seed does not matter")
        XCTAssertNotEqual(Datasets.moons(count: 50, seed: 1), Datasets.moons(count: 50, seed: 2))
        let circles = Datasets.circles(count: 80, factor: 0.3, noise: 0, seed: 1)
        for (p, label) in zip(circles.points, circles.labels) {
            let radius: Double = (p[0] * p[0] + p[1] * p[1]).squareRoot()
            XCTAssertEqual(radius, label == 0 ? 1.0 : 0.3, accuracy: 1e-12)
        }
        let spirals = Datasets.spirals(count: 100, noise: 0, seed: 1)
        XCTAssertEqual(Set(spirals.labels), [0, 1])
        for p in spirals.points {
            let radius: Double = (p[0] * p[0] + p[1] * p[1]).squareRoot()
            XCTAssertLessThanOrEqual(radius, 1 + 1e-12)
        }
        let xor = Datasets.xor(count: 200, noise: 0, seed: 4)
        for (p, label) in zip(xor.points, xor.labels) { XCTAssertEqual(label, (p[0] > 0) != (p[1] > 0) ? 1 : 0) }
        let blobs = Datasets.blobs(centers: [[10, 10]], countPerCenter: 500, standardDeviation: 2, seed: 3)
        XCTAssertEqual(Statistics.mean(blobs.points.map { $0[0] }), 10, accuracy: 0.3)
        XCTAssertEqual(Statistics.standardDeviation(blobs.points.map { $0[1] }), 2, accuracy: 0.2)
        let line = Datasets.noisyLine(count: 50, noise: 0, outlierFraction: 0.2, seed: 8)
        XCTAssertEqual(line.outliers.count, 10)
        for i in 0..<50 where !line.outliers.contains(i) { XCTAssertEqual(line.y[i], 2 * line.x[i] + 1, accuracy: 1e-12) }
        for i in line.outliers { XCTAssertEqual(abs(line.y[i] - (2 * line.x[i] + 1)), 8, accuracy: 1e-12) }
    }
}
