import Foundation
import Kernel
import Plot
import Terminal

/// Rosenblatt's perceptron learning rule, one sample per step (the kernel's `Perceptron`):
/// predict ŷ = 1 if w·x + b > 0, and on a mistake move the line towards the sample,
/// w ← w + η(y − ŷ)x, b ← b + η(y − ŷ). The readout shows each update as it happens.
///
/// On linearly separable data an epoch without mistakes comes after finitely many updates (the
/// perceptron convergence theorem) and the run is finished. On XOR no line separates the classes,
/// so every epoch has mistakes; after `maxEpochs` the demo stops and says it did not converge.
public struct PerceptronDemo: Demo {
    public static let id = "perceptron"
    public static let title = "The perceptron learning rule"
    public static let summary = "Step through the perceptron rule: it converges on separable data and never on XOR."
    public static let lessons = ["perceptron"]
    public static let knobs: [Knob] = [
        Knob("dataset", label: "data set", kind: .choice(["separable", "xor"]), default: .choice("separable"),
             help: "two separable blobs, or the XOR pattern no single line can split"),
        Knob("lr", label: "learning rate", kind: .number(range: 0.1...2, step: 0.1), default: .number(1),
             help: "η in the update; from zero weights it only rescales the line, so the mistakes stay the same"),
    ]
    /// Epochs a run may take before the demo gives up.
    public static let maxEpochs = 50
    public static let notice = """
        Each step shows one point (the ringed marker). If the line already puts it on the right side \
        nothing happens; if not, the weights move by ±η times the point and the line swings towards it. \
        On the separable set the mistakes per epoch fall to zero and the run stops. On XOR the line keeps \
        chasing one corner after another: some point is always wrong, which is why networks need a \
        hidden layer.
        """
    public static var predictions: [Prediction] {
        [Prediction(question: "On XOR, will the perceptron reach an epoch with no mistakes within \(maxEpochs) epochs?",
                    choices: ["yes", "no"], settings: [("dataset", "xor")], steps: maxEpochs * 40 + 1,
                    explanation: "XOR is not linearly separable: for any line, some point lies on the wrong side, so every epoch has a mistake.",
                    judge: { demo in ((demo as? PerceptronDemo)?.converged ?? false) ? 0 : 1 })]
    }

    static let count = 40

    /// What the last step did.
    public struct Update: Encodable, Equatable {
        public var sample: Int
        public var point: [Double]
        public var label: Int
        public var prediction: Int
        /// Whether the weights moved (a mistake).
        public var updated: Bool
        public var weights: [Double]
        public var bias: Double
    }

    public let settings: KnobSettings
    public let seed: UInt64
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    private(set) var model: Perceptron
    private(set) var lastUpdate: Update?
    /// Mistakes in each completed epoch.
    private(set) var mistakesPerEpoch: [Int] = []
    private var mistakesThisEpoch = 0
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        let data: LabeledPoints
        if settings.choice("dataset") == "xor" {
            data = Datasets.xor(count: Self.count, noise: 0.05, seed: seed)
        } else {
            data = Datasets.blobs(centers: [[-1.2, -0.8], [1.2, 0.8]], countPerCenter: Self.count / 2, standardDeviation: 0.45, seed: seed)
        }
        model = try Perceptron(points: data.points, labels: data.labels, learningRate: settings.number("lr"), shuffle: true, seed: seed &+ 1)
        (xRange, yRange) = DemoPanels.bounds(data.points)
    }

    /// True once an epoch went by without a mistake.
    var converged: Bool { status == .finished("converged") }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        let sample = model.nextSample
        let prediction = model.predict(model.points[sample])
        let updated = model.step()
        if updated { mistakesThisEpoch += 1 }
        lastUpdate = Update(sample: sample, point: model.points[sample], label: model.labels[sample], prediction: prediction,
                            updated: updated, weights: model.weights, bias: model.bias)
        if (model.weights + [model.bias]).contains(where: DemoPanels.isBlownUp) {
            status = .diverged(step: stepCount, reason: "a weight overflowed")
            return
        }
        guard model.position == 0 else { return }  // the epoch goes on
        mistakesPerEpoch.append(mistakesThisEpoch)
        mistakesThisEpoch = 0
        if mistakesPerEpoch.last == 0 {
            status = .finished("converged")
        } else if model.epoch >= Self.maxEpochs {
            status = .finished("no convergence after \(Self.maxEpochs) epochs")
        }
    }

    /// The update of the last step in words, e.g. "w += 1*(1-0)*x".
    var updateDescription: String {
        guard let u = lastUpdate else { return "no step yet: w = (0, 0), b = 0" }
        let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
        let point = "(\(f(u.point[0])), \(f(u.point[1])))"
        guard u.updated else { return "#\(u.sample) \(point) label \(u.label): correct, no update" }
        let eta = f(model.learningRate)
        return "#\(u.sample) \(point) label \(u.label), predicted \(u.prediction): w += \(eta)*(\(u.label)-\(u.prediction))*x, b += \(eta)*(\(u.label)-\(u.prediction))"
    }

    public var readout: [ReadoutItem] {
        let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
        return [
            ReadoutItem("step", "\(stepCount)"),
            ReadoutItem("epoch", "\(model.epoch + (status.isRunning ? 1 : 0))"),
            ReadoutItem("update", updateDescription),
            ReadoutItem("weights", "w = (\(f(model.weights[0])), \(f(model.weights[1]))), b = \(f(model.bias))"),
            ReadoutItem("mistakes this epoch", "\(mistakesThisEpoch)"),
            ReadoutItem("misclassified now", "\(model.trainingErrors) of \(model.points.count)"),
            ReadoutItem("status", status.message),
        ]
    }

    public struct Report: Encodable {
        public var demo: String
        public var seed: UInt64
        public var settings: KnobSettings
        public var step: Int
        public var status: DemoStatus
        public var points: [[Double]]
        public var labels: [Int]
        public var weights: [Double]
        public var bias: Double
        public var epoch: Int
        public var mistakesPerEpoch: [Int]
        public var misclassified: Int
        public var lastUpdate: Update?
    }

    public func report() -> Report {
        Report(demo: Self.id, seed: seed, settings: settings, step: stepCount, status: status, points: model.points,
               labels: model.labels, weights: model.weights, bias: model.bias, epoch: model.epoch,
               mistakesPerEpoch: mistakesPerEpoch, misclassified: model.trainingErrors, lastUpdate: lastUpdate)
    }

    /// The segment of w·x + b = 0 inside the plot's ranges (none while w is zero).
    func boundarySegment() -> Series? {
        let w = model.weights, b = model.bias
        if abs(w[1]) >= abs(w[0]), w[1] != 0 {
            let xs = [xRange.lowerBound, xRange.upperBound]
            return Series("boundary", x: xs, y: xs.map { -(w[0] * $0 + b) / w[1] }, color: .brightYellow)
        }
        guard w[0] != 0 else { return nil }
        let ys = [yRange.lowerBound, yRange.upperBound]
        return Series("boundary", x: ys.map { -(w[1] * $0 + b) / w[0] }, y: ys, color: .brightYellow)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (left, right) = DemoPanels.split(area, share: 0.62)
        var series = DemoPanels.classSeries(points: model.points, labels: model.labels, mode: mode).map { s in
            DemoPanels.points(s.name, x: s.x, y: s.y, color: s.color, marker: s.marker)
        }
        if let line = boundarySegment() { series.append(line) }
        if let u = lastUpdate {
            series.append(Series(u.updated ? "mistake" : "checked", x: [u.point[0]], y: [u.point[1]],
                                 color: u.updated ? .brightYellow : .brightGreen, marker: mode == .unicode ? "◉" : "@"))
        }
        var chart = LineChart(series: series, title: "\(settings.choice("dataset")), epoch \(model.epoch + (status.isRunning ? 1 : 0)), step \(stepCount)", mode: mode)
        chart.xRange = xRange
        chart.yRange = yRange
        chart.legend = area.width >= 60 ? .inside : .none
        chart.zeroLines = false
        chart.render(into: &buffer, area: left)
        guard let right else { return }
        let (text, plot) = DemoPanels.stack(right, minimumHeight: 12, share: 0.3)
        DemoPanels.text(["w = (\(DemoPanels.format(model.weights[0], digits: 3)), \(DemoPanels.format(model.weights[1], digits: 3))), b = \(DemoPanels.format(model.bias, digits: 3))"]
                        + updateDescription.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        + [status.message],
                        into: &buffer, area: text.inset(top: 1))
        guard let plot else { return }
        var mistakes = LineChart(series: [Series("mistakes", y: mistakesPerEpoch.map(Double.init), color: .brightRed,
                                                 marker: mode == .unicode ? "●" : "o")],
                                 title: "mistakes per epoch", xLabel: "epoch", mode: mode)
        mistakes.legend = .none
        mistakes.yRange = 0...Double(max(mistakesPerEpoch.max() ?? 1, 1))
        mistakes.xRange = 0...Double(max(mistakesPerEpoch.count - 1, 1))
        mistakes.render(into: &buffer, area: plot)
    }
}
