import Foundation
import Kernel
import Plot
import Terminal

/// Three classifiers on one toy data set, each drawn as its decision boundary: the probability
/// of class 1 over the plane as a blue-to-red heat map, with the points on top.
///
/// Steps show how each model gets its boundary: logistic regression takes one Newton iteration
/// per step (the solver scikit-learn's `lbfgs` approximates) until it converges to a straight line;
/// the decision tree grows one level per step, so its axis-aligned boxes split and refine; k-NN
/// has nothing to train (it remembers the points) and is finished from the start.
/// Three quarters of the points train the model, the rest (hollow markers) test it.
public struct ClassifyDemo: Demo {
    public static let id = "classify"
    public static let title = "Classifiers and their decision boundaries"
    public static let summary = "Logistic regression, k-nearest neighbours and a decision tree on toy data, boundary as a heat map."
    public static let lessons = ["classification"]
    public static let datasets = ["moons", "circles", "blobs", "xor", "spirals"]
    public static let knobs: [Knob] = [
        Knob("model", label: "model", kind: .choice(["logistic", "knn", "tree"]), default: .choice("logistic"),
             help: "logistic regression (a straight boundary), k-nearest neighbours, or a decision tree"),
        Knob("dataset", label: "data set", kind: .choice(datasets), default: .choice("moons"),
             help: "the toy problem: two classes of 2-D points"),
        Knob("k", label: "k (neighbours)", kind: .integer(range: 1...50, step: 1), default: .integer(5),
             help: "how many nearest neighbours vote (k-NN only)"),
        Knob("depth", label: "max depth", kind: .integer(range: 1...12, step: 1), default: .integer(4),
             help: "how deep the tree may grow (tree only)"),
    ]
    public static let notice = """
        Logistic regression can only draw a straight line, so on moons, circles or XOR it leaves whole \
        regions wrong however long it trains. k-NN with k = 1 wraps every training point (perfect \
        training accuracy, ragged boundary); raising k smooths it. The tree cuts the plane into boxes \
        with edges parallel to the axes; each extra level doubles what it can carve. Compare train \
        and test accuracy: a big gap is overfitting.
        """
    public static var predictions: [Prediction] {
        [Prediction(question: "On the circles data, can logistic regression reach 90% test accuracy?",
                    choices: ["yes", "no"], settings: [("model", "logistic"), ("dataset", "circles")], steps: 50,
                    explanation: "Its boundary is one straight line; no line separates a ring from the disc inside it.",
                    judge: { demo in ((demo as? ClassifyDemo)?.testAccuracy ?? 0) >= 0.9 ? 0 : 1 }),
         Prediction(question: "k-NN with k = 1: what is its training accuracy?",
                    choices: ["100%", "about the same as test accuracy", "below 90%"],
                    settings: [("model", "knn"), ("k", "1")], steps: 1,
                    explanation: "Each training point is its own nearest neighbour, so it votes for its own label.",
                    judge: { demo in
                        guard let d = demo as? ClassifyDemo else { return 2 }
                        return d.trainAccuracy == 1 ? 0 : (d.trainAccuracy < 0.9 ? 2 : 1)
                    })]
    }

    /// Points per data set and the number used for training.
    static let count = 200, trainCount = 150
    /// Resolution of the probability grid (columns × rows).
    static let gridColumns = 64, gridRows = 40
    /// Newton iterations at most.
    static let maxLogisticSteps = 100

    public let settings: KnobSettings
    public let seed: UInt64
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    let model: String
    let trainPoints: [[Double]], trainLabels: [Int]
    let testPoints: [[Double]], testLabels: [Int]
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    private(set) var logistic: LogisticRegression
    private(set) var tree: DecisionTree
    private(set) var knn: KNearestNeighbors
    /// Class-1 probability over the plane, top row first.
    private(set) var probability: [[Double]] = []
    private(set) var trainAccuracy = 0.0
    private(set) var testAccuracy = 0.0

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        model = settings.choice("model")
        let data = Self.dataset(settings.choice("dataset"), seed: seed)
        let split = LabelledSplit(points: data.points, labels: data.labels, trainCount: Self.trainCount, seed: seed &+ 1)
        (trainPoints, trainLabels) = (split.trainPoints, split.trainLabels)
        (testPoints, testLabels) = (split.testPoints, split.testLabels)
        (xRange, yRange) = DemoPanels.bounds(data.points)
        logistic = LogisticRegression(features: 2, inverseRegularization: 1)
        tree = DecisionTree(maxDepth: 0)
        try tree.fit(trainPoints, trainLabels)
        knn = try KNearestNeighbors(k: min(settings.integer("k"), Self.trainCount))
        if model == "knn" {
            try knn.fit(trainPoints, trainLabels)
            status = .finished("fitted")
        }
        try refresh()
    }

    /// The seeded toy data sets, two classes each.
    static func dataset(_ name: String, seed: UInt64) -> LabeledPoints {
        switch name {
        case "circles": return Datasets.circles(count: count, factor: 0.5, noise: 0.08, seed: seed)
        case "blobs": return Datasets.blobs(centers: [[-1, -1], [1, 1]], countPerCenter: count / 2, standardDeviation: 0.7, seed: seed)
        case "xor": return Datasets.xor(count: count, noise: 0.05, seed: seed)
        case "spirals": return Datasets.spirals(count: count, turns: 1.25, noise: 0.04, seed: seed)
        default: return Datasets.moons(count: count, noise: 0.15, seed: seed)
        }
    }

    /// The class-1 probability the current model gives a point.
    func probabilityOfClassOne(_ row: [Double]) -> Double {
        switch model {
        case "knn":
            let p = knn.predictProbability(row)
            return knn.classes.count > 1 ? p[1] : Double(knn.classes.first ?? 0)
        case "tree":
            let p = tree.predictProbability(row)
            return tree.classes.count > 1 ? p[1] : Double(tree.classes.first ?? 0)
        default:
            return logistic.predictProbability(row)
        }
    }

    func predict(_ row: [Double]) -> Int {
        switch model {
        case "knn": return knn.predict(row)
        case "tree": return tree.predict(row)
        default: return logistic.predict(row)
        }
    }

    private mutating func refresh() throws {
        probability = DemoPanels.grid(x: xRange, y: yRange, columns: Self.gridColumns, rows: Self.gridRows) { probabilityOfClassOne($0) }
        trainAccuracy = try ClassificationMetrics.accuracy(trainLabels, trainPoints.map(predict))
        testAccuracy = try ClassificationMetrics.accuracy(testLabels, testPoints.map(predict))
    }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        do {
            switch model {
            case "tree":
                tree = DecisionTree(maxDepth: stepCount)
                try tree.fit(trainPoints, trainLabels)
                if stepCount >= settings.integer("depth") {
                    status = .finished("grown to depth \(tree.depth)")
                } else if tree.depth < stepCount {
                    status = .finished("every leaf is pure at depth \(tree.depth)")
                }
            default:
                let before = logistic.weights + [logistic.bias]
                try logistic.fit(trainPoints, trainLabels, maxIterations: 1)
                let after = logistic.weights + [logistic.bias]
                if after.contains(where: DemoPanels.isBlownUp) {
                    status = .diverged(step: stepCount, reason: "a logistic-regression weight overflowed")
                    logistic.weights = Array(before.prefix(2))
                    logistic.bias = before[2]
                    return
                }
                let change = zip(before, after).map { abs($0 - $1) }.max() ?? 0
                if change < 1e-10 {
                    status = .finished("converged")
                } else if stepCount >= Self.maxLogisticSteps {
                    status = .finished("stopped after \(Self.maxLogisticSteps) Newton steps")
                }
            }
            try refresh()
        } catch {
            status = .diverged(step: stepCount, reason: "\(error)")
        }
    }

    /// What the model looks like now, in words.
    var modelDescription: String {
        switch model {
        case "knn": return "k-NN, k = \(knn.k)"
        case "tree": return "tree, depth \(tree.depth), \(tree.leafCount) leaves"
        default:
            let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
            return "logistic: \(f(logistic.weights[0]))x + \(f(logistic.weights[1]))y + \(f(logistic.bias))"
        }
    }

    public var readout: [ReadoutItem] {
        [
            ReadoutItem("step", "\(stepCount)"),
            ReadoutItem("model", modelDescription),
            ReadoutItem("train accuracy", DemoPanels.format(trainAccuracy, digits: 3)),
            ReadoutItem("test accuracy", DemoPanels.format(testAccuracy, digits: 3)),
            ReadoutItem("status", status.message),
        ]
    }

    /// The probability grid and the region it covers.
    public struct Boundary: Encodable {
        public var xRange: [Double]
        public var yRange: [Double]
        /// P(class 1) at cell centres, top row first.
        public var probability: [[Double]]
    }

    /// The fitted logistic regression.
    public struct LogisticFit: Encodable {
        public var weights: [Double]
        public var bias: Double
    }

    /// The grown tree's size.
    public struct TreeShape: Encodable {
        public var depth: Int
        public var leaves: Int
    }

    public struct Report: Encodable {
        public var demo: String
        public var seed: UInt64
        public var settings: KnobSettings
        public var step: Int
        public var status: DemoStatus
        public var trainPoints: [[Double]]
        public var trainLabels: [Int]
        public var testPoints: [[Double]]
        public var testLabels: [Int]
        public var trainAccuracy: Double
        public var testAccuracy: Double
        public var logistic: LogisticFit?
        public var tree: TreeShape?
        public var boundary: Boundary
    }

    public func report() -> Report {
        Report(demo: Self.id, seed: seed, settings: settings, step: stepCount, status: status,
               trainPoints: trainPoints, trainLabels: trainLabels, testPoints: testPoints, testLabels: testLabels,
               trainAccuracy: trainAccuracy, testAccuracy: testAccuracy,
               logistic: model == "logistic" ? LogisticFit(weights: logistic.weights, bias: logistic.bias) : nil,
               tree: model == "tree" ? TreeShape(depth: tree.depth, leaves: tree.leafCount) : nil,
               boundary: Boundary(xRange: [xRange.lowerBound, xRange.upperBound], yRange: [yRange.lowerBound, yRange.upperBound],
                                  probability: probability))
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (plotArea, side) = DemoPanels.split(area, minimumWidth: 90, share: 0.72)
        var points = DemoPanels.classSeries(points: trainPoints, labels: trainLabels, mode: mode, names: ["class 0", "class 1"])
        for (index, var series) in DemoPanels.classSeries(points: testPoints, labels: testLabels, mode: mode).enumerated() {
            series.marker = DemoPanels.testMarker(index, mode: mode)
            points.append(series)
        }
        var map = DemoPanels.boundaryMap(probability: probability, x: xRange, y: yRange, points: points,
                                         title: "\(settings.choice("dataset")): P(class 1), step \(stepCount)", capabilities: capabilities)
        map.showColorBar = area.width >= 60
        map.render(into: &buffer, area: plotArea)
        guard let side else { return }
        let filled = [DemoPanels.classMarker(0, mode: mode), DemoPanels.classMarker(1, mode: mode)]
        let hollow = [DemoPanels.testMarker(0, mode: mode), DemoPanels.testMarker(1, mode: mode)]
        let lines = [
            modelDescription,
            "",
            "train accuracy \(DemoPanels.format(trainAccuracy, digits: 3))",
            "test accuracy  \(DemoPanels.format(testAccuracy, digits: 3))",
            "",
            "\(filled[0]) \(filled[1])  training points",
            "\(hollow[0]) \(hollow[1])  test points",
            mode == .unicode ? "blue: class 0, red: class 1" : "blank: class 0, @: class 1",
            "",
            status.message,
        ]
        DemoPanels.text(lines, into: &buffer, area: side.inset(top: 1, left: 1))
    }
}
