import Foundation
import Kernel
import Plot
import Terminal

/// The terminal's TensorFlow Playground: a small multilayer perceptron (the kernel's `MLP`,
/// backpropagation on its tape) learning a 2-D toy problem, with the loss curve and the decision
/// boundary updating live.
///
/// Each step is one optimizer step on one mini-batch: the training points are shuffled every
/// epoch (seeded) and taken `batch-size` at a time. The loss curve shows each batch's loss
/// (binary cross-entropy plus the L2 penalty), so small batches give a jagged curve. Train and
/// test accuracy are measured on the 140 training points and the 60 held-out ones.
public struct MLPDemo: Demo {
    public static let id = "mlp"
    public static let title = "A neural network playground"
    public static let summary = "Train a small MLP on toy data: loss curve and decision boundary live, every knob of TensorFlow Playground."
    public static let lessons = ["layers", "loss-functions", "training-a-network", "gradient-descent-variants", "overfitting", "regularization"]
    public static let layerChoices = ["2", "4", "8", "4,4", "8,8", "16,16", "8,8,8", "16,16,16", "32,32"]
    public static let learningRates = ["0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"]
    public static let l2Choices = ["0", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"]
    public static let batchSizes = ["1", "2", "4", "8", "16", "32", "64", "140"]
    public static let knobs: [Knob] = [
        Knob("dataset", label: "data set", kind: .choice(["circles", "xor", "moons", "spirals", "blobs"]), default: .choice("circles"),
             help: "the toy problem: two classes of 2-D points"),
        Knob("layers", label: "hidden layers", kind: .choice(layerChoices), default: .choice("8,8"),
             help: "units per hidden layer, comma-separated (\"16,16\" is two layers of 16)"),
        Knob("activation", label: "activation", kind: .choice(["relu", "tanh", "sigmoid"]), default: .choice("tanh"),
             help: "the non-linearity after every hidden layer"),
        Knob("optimizer", label: "optimizer", kind: .choice(["sgd", "momentum", "adam"]), default: .choice("adam"),
             help: "plain SGD, SGD with momentum 0.9, or Adam (PyTorch's defaults)"),
        Knob("lr", label: "learning rate", kind: .choice(learningRates), default: .choice("0.03"),
             help: "the optimizer's step size"),
        Knob("l2", label: "L2", kind: .choice(l2Choices), default: .choice("0"),
             help: "strength λ of the penalty λ·Σw² on the weights"),
        Knob("dropout", label: "dropout", kind: .number(range: 0...0.8, step: 0.1), default: .number(0),
             help: "chance of zeroing each hidden unit during training"),
        Knob("batch-size", label: "batch size", kind: .choice(batchSizes), default: .choice("16"),
             help: "training points per step (140 is the whole training set)"),
    ]
    public static let notice = """
        The left plot is the loss of each mini-batch; the right one is the network's probability of \
        class 1 over the plane (blue 0, red 1) with the training points (filled) and test points \
        (hollow). A straight boundary cannot solve circles, XOR or spirals; hidden units bend it. \
        Raise the learning rate until the curve turns jagged or explodes; shrink the batch to see the \
        noise of small samples; with a big network on spirals, watch training accuracy beat test \
        accuracy, then add L2 or dropout and see the boundary smooth.
        """
    public static var predictions: [Prediction] {
        [Prediction(question: "Plain SGD at learning rate 10 with L2 = 1: will training converge?",
                    choices: ["yes", "no, it diverges"],
                    settings: [("optimizer", "sgd"), ("lr", "10"), ("l2", "1")], steps: 200,
                    explanation: "The L2 term alone multiplies every weight by 1 − 2·lr·λ = −19 per step: each step overshoots the minimum by more than it started, so the weights explode.",
                    judge: { demo in if case .diverged = demo.status { return 1 } else { return 0 } }),
         Prediction(question: "With no hidden layer wider than 2 units (layers = 2), can the network solve circles to 95% test accuracy within 3000 steps?",
                    choices: ["yes", "no"], settings: [("layers", "2"), ("dataset", "circles")], steps: 3000,
                    explanation: "Two hidden units give a boundary made of two bends: too few to close a ring around the inner circle.",
                    judge: { demo in ((demo as? MLPDemo)?.accuracies.test ?? 0) >= 0.95 ? 0 : 1 })]
    }

    static let count = 200, trainCount = 140
    /// A run stops here, so the loss history stays bounded.
    static let maxSteps = 50_000
    /// Resolution of the decision-boundary grid drawn each frame.
    static let gridColumns = 48, gridRows = 32

    public let settings: KnobSettings
    public let seed: UInt64
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    private(set) var network: MLP
    let trainPoints: [[Double]], trainLabels: [Int]
    let testPoints: [[Double]], testLabels: [Int]
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    /// The batch loss of every step.
    private(set) var loss: [Double] = []
    private var batchOrder: [Int] = []
    private var batchPosition = 0
    private var batcher: RandomGenerator

    /// Steps per animation frame: about 3 ms of training on this machine's release build, never
    /// fewer than 60 (over 1,000 steps a second at the screen's ~30 frames a second, even for the
    /// largest network and batch) and never more than 200. A step costs roughly 5 µs plus 1.5 ns
    /// per weight per sample in the batch (measured: 7 µs for 2-8-8-1 on 16 points, 220 µs for
    /// 2-32-32-1 on 140).
    public var stepsPerFrame: Int {
        let weights = network.layout.reduce(0) { $0 + $1.fanIn * $1.fanOut }
        let microseconds = 5 + 0.0015 * Double(weights * network.batchSize)
        return min(200, max(60, Int(3000 / microseconds)))
    }

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        let data = ClassifyDemo.dataset(settings.choice("dataset"), seed: seed)
        let split = LabelledSplit(points: data.points, labels: data.labels, trainCount: Self.trainCount, seed: seed &+ 1)
        (trainPoints, trainLabels) = (split.trainPoints, split.trainLabels)
        (testPoints, testLabels) = (split.testPoints, split.testLabels)
        (xRange, yRange) = DemoPanels.bounds(data.points)
        let hidden = settings.choice("layers").split(separator: ",").compactMap { Int($0) }
        let lr = Double(settings.choice("lr")) ?? 0.03
        let optimizer: any Optimizer
        switch settings.choice("optimizer") {
        case "sgd": optimizer = try SGD(learningRate: lr)
        case "momentum": optimizer = try SGD(learningRate: lr, momentum: 0.9)
        default: optimizer = Adam(learningRate: lr)
        }
        let activation: Activation
        switch settings.choice("activation") {
        case "relu": activation = .relu
        case "sigmoid": activation = .sigmoid
        default: activation = .tanh
        }
        network = try MLP(layers: [2] + hidden + [1], activation: activation, loss: .binaryCrossEntropy, optimizer: optimizer,
                          batchSize: Int(settings.choice("batch-size")) ?? 16, l2: Double(settings.choice("l2")) ?? 0,
                          dropout: settings.number("dropout"), seed: seed &+ 2)
        batcher = RandomGenerator(seed: seed &+ 3)
        loss.reserveCapacity(4096)
    }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        if batchPosition == 0 || batchPosition >= batchOrder.count {
            batchOrder = batcher.permutation(trainPoints.count)
            batchPosition = 0
        }
        let end = min(batchPosition + network.batchSize, batchOrder.count)
        let batch = batchOrder[batchPosition..<end]
        batchPosition = end
        let previous = network.parameters
        do {
            let value = try network.trainStep(inputs: batch.map { trainPoints[$0] }, targets: batch.map { Double(trainLabels[$0]) })
            if DemoPanels.isBlownUp(value) || network.parameters.contains(where: DemoPanels.isBlownUp) {
                // Keep the last finite network on screen and in the report.
                network.parameters = previous
                status = .diverged(step: stepCount, reason: DemoPanels.isBlownUp(value)
                                   ? "the loss became \(DemoPanels.format(value)); lower the learning rate"
                                   : "a weight grew past 1e12; lower the learning rate")
                return
            }
            loss.append(value)
        } catch {
            status = .diverged(step: stepCount, reason: "\(error)")
            return
        }
        if stepCount >= Self.maxSteps { status = .finished("stopped after \(Self.maxSteps) steps") }
    }

    /// Train and test accuracy of the network now.
    var accuracies: (train: Double, test: Double) {
        func accuracy(_ points: [[Double]], _ labels: [Int]) -> Double {
            let p = network.predict(points)
            guard p.count == labels.count, !labels.isEmpty else { return 0 }
            let predictions = p.map { ($0.first ?? 0) > 0.5 ? 1 : 0 }
            return (try? ClassificationMetrics.accuracy(labels, predictions)) ?? 0
        }
        return (accuracy(trainPoints, trainLabels), accuracy(testPoints, testLabels))
    }

    /// The mean of the last few batch losses: the curve's level without the batch noise.
    var recentLoss: Double {
        let tail = loss.suffix(20)
        return tail.isEmpty ? .nan : tail.reduce(0, +) / Double(tail.count)
    }

    public var readout: [ReadoutItem] {
        let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
        let (train, test) = accuracies
        return [
            ReadoutItem("step", "\(stepCount)"),
            ReadoutItem("epoch", DemoPanels.format(Double(stepCount * network.batchSize) / Double(Self.trainCount), digits: 3)),
            ReadoutItem("loss", loss.last.map(f) ?? "-"),
            ReadoutItem("loss (last 20)", loss.isEmpty ? "-" : f(recentLoss)),
            ReadoutItem("train accuracy", f(train)),
            ReadoutItem("test accuracy", f(test)),
            ReadoutItem("network", "2-\(settings.choice("layers").replacingOccurrences(of: ",", with: "-"))-1, \(network.parameters.count) parameters"),
            ReadoutItem("status", status.message),
        ]
    }

    public struct Report: Encodable {
        public var demo: String
        public var seed: UInt64
        public var settings: KnobSettings
        public var step: Int
        public var status: DemoStatus
        /// Layer sizes, input to output.
        public var layers: [Int]
        public var parameterCount: Int
        /// The batch loss of every step.
        public var loss: [Double]
        public var trainAccuracy: Double
        public var testAccuracy: Double
        public var trainPoints: [[Double]]
        public var trainLabels: [Int]
        public var testPoints: [[Double]]
        public var testLabels: [Int]
    }

    public func report() -> Report {
        let (train, test) = accuracies
        return Report(demo: Self.id, seed: seed, settings: settings, step: stepCount, status: status, layers: network.layers,
                      parameterCount: network.parameters.count, loss: loss, trainAccuracy: train, testAccuracy: test,
                      trainPoints: trainPoints, trainLabels: trainLabels, testPoints: testPoints, testLabels: testLabels)
    }

    /// P(class 1) over the plot's region, top row first.
    func boundaryGrid() -> [[Double]] {
        let points = DemoPanels.gridPoints(x: xRange, y: yRange, columns: Self.gridColumns, rows: Self.gridRows)
        let p = network.predict(points.flatMap { $0 })
        guard p.count == Self.gridColumns * Self.gridRows else { return [] }
        return (0..<Self.gridRows).map { r in (0..<Self.gridColumns).map { c in p[r * Self.gridColumns + c].first ?? .nan } }
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (train, test) = accuracies
        let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
        let (lossArea, mapArea) = DemoPanels.split(area, minimumWidth: 80, share: 0.42)
        var points = DemoPanels.classSeries(points: trainPoints, labels: trainLabels, mode: mode, names: ["class 0", "class 1"])
        for (index, var series) in DemoPanels.classSeries(points: testPoints, labels: testLabels, mode: mode).enumerated() {
            series.marker = DemoPanels.testMarker(index, mode: mode)
            points.append(series)
        }
        var map = DemoPanels.boundaryMap(probability: boundaryGrid(), x: xRange, y: yRange, points: points,
                                         title: "train \(f(train))  test \(f(test))", capabilities: capabilities)
        map.showColorBar = area.width >= 100
        guard let mapArea else {
            map.title = "step \(stepCount)  train \(f(train))  test \(f(test))"
            map.render(into: &buffer, area: area)
            return
        }
        map.render(into: &buffer, area: mapArea)
        // At most about 1,000 points: every k-th batch loss, so the curve keeps its jaggedness.
        let stride = max(1, loss.count / 1000)
        let shown = Swift.stride(from: 0, to: loss.count, by: stride).map { loss[$0] }
        var curve = LineChart(series: [Series("loss", x: shown.indices.map { Double($0 * stride + 1) }, y: shown, color: .brightMagenta)],
                              title: "loss, step \(stepCount)", xLabel: "step", mode: mode)
        curve.legend = .none
        curve.xRange = 1...Double(max(loss.count, 2))
        curve.yRange = 0...max((shown.max() ?? 1).isFinite ? (shown.max() ?? 1) : 1, 0.1)
        if case .diverged = status { curve.title = "loss: \(status.message)" }
        curve.render(into: &buffer, area: lossArea)
    }
}
