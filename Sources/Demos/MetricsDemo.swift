import Foundation
import Kernel
import Plot
import Terminal

/// Evaluation metrics on a small seeded set of predictions: regression (MAE, MSE, RMSE, R²) and
/// binary classification at a chosen threshold (confusion matrix, accuracy, precision, recall,
/// F1) plus the threshold-free log loss and ROC AUC, all computed by the kernel's
/// `RegressionMetrics` and `ClassificationMetrics` with scikit-learn's definitions.
///
/// A score at or above the threshold counts as positive, the convention of scikit-learn's
/// `roc_curve`. There is nothing to iterate: the demo is finished from the start, and the
/// threshold knob is what the learner moves.
public struct MetricsDemo: Demo {
    public static let id = "metrics"
    public static let title = "Metrics: regression errors, confusion matrix, precision and recall"
    public static let summary = "Move the decision threshold and watch the confusion matrix, precision, recall and F1 trade off."
    public static let lessons = ["metrics", "loss-functions", "evaluation-and-monitoring"]
    public static let knobs: [Knob] = [
        Knob("threshold", label: "threshold", kind: .number(range: 0...1, step: 0.05), default: .number(0.5),
             help: "scores at or above it are called positive"),
    ]
    public static let notice = """
        Lower the threshold and more items are called positive: false negatives become true positives \
        (recall rises) but true negatives become false positives (precision falls). Accuracy moves in \
        jumps, one item at a time, while log loss and ROC AUC do not depend on the threshold at all. \
        In the regression panel one prediction is far off: it dominates the MSE (errors squared) much \
        more than the MAE.
        """
    public static var predictions: [Prediction] {
        [Prediction(question: "Lowering the threshold from 0.5 to 0.2: what happens to recall?",
                    choices: ["it rises (or stays)", "it falls"], settings: [("threshold", "0.2")], steps: 0,
                    explanation: "Every item positive at 0.5 is still positive at 0.2, so no true positive is lost and some false negatives become true positives.",
                    judge: { demo in
                        guard let d = demo as? MetricsDemo, let base = try? MetricsDemo(threshold: 0.5, seed: d.seed) else { return 0 }
                        return d.classification.recall >= base.classification.recall ? 0 : 1
                    })]
    }

    static let regressionCount = 12, positives = 14, negatives = 16

    public let settings: KnobSettings
    public let seed: UInt64
    public let stepCount = 0
    public let status: DemoStatus = .finished("computed")
    let regression: RegressionResult
    let classification: ClassificationResult

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        var g = RandomGenerator(seed: seed)
        // Regression: predictions near the truth, with one far off.
        var yTrue: [Double] = [], yPred: [Double] = []
        for _ in 0..<Self.regressionCount {
            let y = g.uniform(0, 10)
            yTrue.append(y)
            yPred.append(y + g.normal(standardDeviation: 0.8))
        }
        let far = g.integer(below: Self.regressionCount)
        yPred[far] += 6
        regression = RegressionResult(yTrue: yTrue, yPred: yPred,
                                      mae: try RegressionMetrics.meanAbsoluteError(yTrue, yPred),
                                      mse: try RegressionMetrics.meanSquaredError(yTrue, yPred),
                                      rmse: try RegressionMetrics.rootMeanSquaredError(yTrue, yPred),
                                      r2: try RegressionMetrics.r2Score(yTrue, yPred))
        // Classification: a model's probabilities, higher on average for the positives.
        var labels: [Int] = [], scores: [Double] = []
        for label in [0, 1] {
            for _ in 0..<(label == 1 ? Self.positives : Self.negatives) {
                labels.append(label)
                scores.append(Activation.logistic(g.normal(mean: label == 1 ? 1.0 : -1.0, standardDeviation: 1.3)))
            }
        }
        // Interleave the classes so the list reads like real predictions, not sorted blocks.
        let order = g.permutation(labels.count)
        labels = order.map { labels[$0] }
        scores = order.map { scores[$0] }
        classification = try Self.classify(labels, scores, threshold: settings.number("threshold"))
    }

    /// The demo at a threshold, for comparisons.
    init(threshold: Double, seed: UInt64) throws {
        try self.init(settings: KnobSettings(knobs: Self.knobs, demoID: Self.id, settings: [("threshold", "\(threshold)")]), seed: seed)
    }

    static func classify(_ labels: [Int], _ scores: [Double], threshold: Double) throws -> ClassificationResult {
        let predictions = scores.map { $0 >= threshold ? 1 : 0 }
        // ROC points at every distinct score, from the highest threshold (nothing positive) down.
        var fpr: [Double] = [0], tpr: [Double] = [0]
        for t in Array(Set(scores)).sorted(by: >) {
            let m = try ClassificationMetrics.confusionMatrix(labels, scores.map { $0 >= t ? 1 : 0 }, labels: [0, 1])
            fpr.append(Double(m[0][1]) / Double(max(m[0][0] + m[0][1], 1)))
            tpr.append(Double(m[1][1]) / Double(max(m[1][0] + m[1][1], 1)))
        }
        return ClassificationResult(
            yTrue: labels, scores: scores, threshold: threshold, predictions: predictions,
            confusion: try ClassificationMetrics.confusionMatrix(labels, predictions, labels: [0, 1]),
            accuracy: try ClassificationMetrics.accuracy(labels, predictions),
            precision: try ClassificationMetrics.precision(labels, predictions),
            recall: try ClassificationMetrics.recall(labels, predictions),
            f1: try ClassificationMetrics.f1Score(labels, predictions),
            logLoss: try ClassificationMetrics.logLoss(labels, scores),
            rocAuc: try ClassificationMetrics.rocAUC(labels, scores),
            roc: RocCurve(fpr: fpr, tpr: tpr))
    }

    public mutating func step() {}

    public var readout: [ReadoutItem] {
        let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
        let c = classification
        return [
            ReadoutItem("threshold", f(c.threshold)),
            ReadoutItem("TN FP / FN TP", "\(c.confusion[0][0]) \(c.confusion[0][1]) / \(c.confusion[1][0]) \(c.confusion[1][1])"),
            ReadoutItem("accuracy", f(c.accuracy)),
            ReadoutItem("precision", f(c.precision)),
            ReadoutItem("recall", f(c.recall)),
            ReadoutItem("F1", f(c.f1)),
            ReadoutItem("log loss", f(c.logLoss)),
            ReadoutItem("ROC AUC", f(c.rocAuc)),
            ReadoutItem("MAE", f(regression.mae)),
            ReadoutItem("MSE", f(regression.mse)),
            ReadoutItem("RMSE", f(regression.rmse)),
            ReadoutItem("R2", f(regression.r2)),
        ]
    }

    /// Regression truth, predictions and their errors.
    public struct RegressionResult: Encodable {
        public var yTrue: [Double]
        public var yPred: [Double]
        public var mae: Double
        public var mse: Double
        public var rmse: Double
        public var r2: Double
    }

    /// The ROC curve's points, from threshold +∞ (0, 0) to the lowest score (1, 1).
    public struct RocCurve: Encodable {
        public var fpr: [Double]
        public var tpr: [Double]
    }

    /// Binary truth, scores and the metrics at the threshold.
    public struct ClassificationResult: Encodable {
        public var yTrue: [Int]
        public var scores: [Double]
        public var threshold: Double
        public var predictions: [Int]
        /// [[tn, fp], [fn, tp]]: rows are the truth, columns the prediction.
        public var confusion: [[Int]]
        public var accuracy: Double
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var logLoss: Double
        public var rocAuc: Double
        public var roc: RocCurve
    }

    public struct Report: Encodable {
        public var demo: String
        public var seed: UInt64
        public var settings: KnobSettings
        public var step: Int
        public var status: DemoStatus
        public var regression: RegressionResult
        public var classification: ClassificationResult
    }

    public func report() -> Report {
        Report(demo: Self.id, seed: seed, settings: settings, step: stepCount, status: status,
               regression: regression, classification: classification)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let f = { (v: Double) in DemoPanels.format(v, digits: 3) }
        let c = classification
        let (top, bottom) = DemoPanels.stack(area, minimumHeight: 24, share: 0.55)
        let (matrixArea, rocArea) = DemoPanels.split(top, minimumWidth: 80, share: 0.45)

        var matrix = MatrixView(values: c.confusion.map { $0.map(Double.init) },
                                rowLabels: ["true 0", "true 1"], columnLabels: ["pred 0", "pred 1"],
                                title: "confusion at threshold \(f(c.threshold))", mode: mode)
        matrix.format = .fixed(0)
        matrix.useColor = capabilities.colors != .monochrome
        matrix.render(into: &buffer, area: Rect(x: matrixArea.x, y: matrixArea.y, width: matrixArea.width, height: min(4, matrixArea.height)))
        let wide = matrixArea.width >= 50
        var lines = wide
            ? ["accuracy \(f(c.accuracy))   precision \(f(c.precision))",
               "recall   \(f(c.recall))   F1        \(f(c.f1))",
               "log loss \(f(c.logLoss))   ROC AUC   \(f(c.rocAuc))"]
            : ["acc \(f(c.accuracy)) P \(f(c.precision)) R \(f(c.recall))",
               "F1 \(f(c.f1)) logloss \(f(c.logLoss)) AUC \(f(c.rocAuc))"]
        if bottom == nil {
            lines.append("MAE \(f(regression.mae)) MSE \(f(regression.mse)) RMSE \(f(regression.rmse)) R2 \(f(regression.r2))")
        }
        DemoPanels.text(lines, into: &buffer, area: matrixArea.inset(top: 5))

        if let rocArea {
            // The operating point: this threshold's false and true positive rates.
            let n = Double(c.confusion[0][0] + c.confusion[0][1]), p = Double(c.confusion[1][0] + c.confusion[1][1])
            let point = (Double(c.confusion[0][1]) / max(n, 1), Double(c.confusion[1][1]) / max(p, 1))
            var roc = LineChart(series: [
                Series("chance", x: [0, 1], y: [0, 1], color: .brightBlack),
                Series("ROC", x: c.roc.fpr, y: c.roc.tpr, color: .brightCyan),
                Series("threshold", x: [point.0], y: [point.1], color: .brightYellow, marker: mode == .unicode ? "◆" : "*"),
            ], title: "ROC curve, AUC \(f(c.rocAuc))", xLabel: "false positive rate", mode: mode)
            roc.xRange = 0...1
            roc.yRange = 0...1
            roc.legend = .inside
            roc.zeroLines = false
            roc.render(into: &buffer, area: rocArea)
        }

        guard let bottom else { return }
        let (scoreArea, regressionArea) = DemoPanels.split(bottom, minimumWidth: 80, share: 0.5)
        // Scores along x, one row per true class, with the threshold as a vertical line.
        var jitter = RandomGenerator(seed: seed &+ 99)
        let offsets = c.scores.map { _ in jitter.uniform(-0.25, 0.25) }
        let negatives = c.yTrue.indices.filter { c.yTrue[$0] == 0 }, positives = c.yTrue.indices.filter { c.yTrue[$0] == 1 }
        var strip = LineChart(series: [
            DemoPanels.points("negative", x: negatives.map { c.scores[$0] }, y: negatives.map { offsets[$0] },
                              color: .brightBlue, marker: DemoPanels.classMarker(0, mode: mode)),
            DemoPanels.points("positive", x: positives.map { c.scores[$0] }, y: positives.map { 1 + offsets[$0] },
                              color: .brightRed, marker: DemoPanels.classMarker(1, mode: mode)),
            Series("threshold", x: [c.threshold, c.threshold], y: [-0.5, 1.5], color: .brightYellow),
        ], title: "scores by true class", xLabel: "score", mode: mode)
        strip.xRange = 0...1
        strip.yRange = -0.5...1.5
        strip.zeroLines = false
        strip.legend = .none
        strip.render(into: &buffer, area: scoreArea)

        guard let regressionArea else { return }
        let lo = min(regression.yTrue.min() ?? 0, regression.yPred.min() ?? 0) - 0.5
        let hi = max(regression.yTrue.max() ?? 10, regression.yPred.max() ?? 10) + 0.5
        var scatter = LineChart(series: [
            Series("perfect", x: [lo, hi], y: [lo, hi], color: .brightBlack),
            DemoPanels.points("prediction", x: regression.yTrue, y: regression.yPred, color: .brightGreen,
                              marker: mode == .unicode ? "●" : "o"),
        ], title: "MAE \(f(regression.mae))  MSE \(f(regression.mse))  RMSE \(f(regression.rmse))  R\(mode == .unicode ? "²" : "2") \(f(regression.r2))",
           xLabel: "true y", mode: mode)
        scatter.xRange = lo...hi
        scatter.yRange = lo...hi
        scatter.legend = .none
        scatter.zeroLines = false
        scatter.render(into: &buffer, area: regressionArea)
    }
}
