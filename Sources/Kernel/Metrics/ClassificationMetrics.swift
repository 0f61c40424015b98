import Foundation

/// Classification metrics with scikit-learn's definitions (`sklearn.metrics`). Labels are
/// integers; for the binary metrics the positive class is 1 unless told otherwise. A ratio with a
/// zero denominator (precision with no positive predictions) is 0, scikit-learn's
/// `zero_division` default.
public enum ClassificationMetrics {
    /// How per-class precision/recall/F1 are combined for more than two classes.
    public enum Average: Sendable, Equatable {
        /// Only the given positive class (binary problems).
        case binary(positive: Int)
        /// Unweighted mean over classes: every class counts the same.
        case macro
        /// Mean over classes weighted by each class's true count.
        case weighted
        /// Global counts of true and false positives: equals accuracy for single-label data.
        case micro
    }

    private static func check(_ truth: [Int], _ prediction: [Int], _ name: String) throws(KernelError) {
        guard truth.count == prediction.count else {
            throw .shapeMismatch(operation: name, left: [truth.count], right: [prediction.count])
        }
        guard !truth.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: name) }
    }

    /// Fraction of predictions equal to the truth.
    public static func accuracy(_ truth: [Int], _ prediction: [Int]) throws(KernelError) -> Double {
        try check(truth, prediction, "accuracy")
        return Double(zip(truth, prediction).filter { $0 == $1 }.count) / Double(truth.count)
    }

    /// The sorted labels present in either array (the rows and columns of the confusion matrix).
    public static func labels(_ truth: [Int], _ prediction: [Int]) -> [Int] {
        Array(Set(truth).union(prediction)).sorted()
    }

    /// Confusion matrix C where C[i][j] counts samples of true class labels[i] predicted as
    /// labels[j] (rows: truth, columns: prediction, labels sorted), as scikit-learn.
    public static func confusionMatrix(_ truth: [Int], _ prediction: [Int], labels: [Int]? = nil)
        throws(KernelError) -> [[Int]] {
        try check(truth, prediction, "confusionMatrix")
        let classes = labels ?? Self.labels(truth, prediction)
        var position: [Int: Int] = [:]
        for (i, c) in classes.enumerated() { position[c] = i }
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: classes.count)
        for (t, p) in zip(truth, prediction) {
            if let i = position[t], let j = position[p] { matrix[i][j] += 1 }
        }
        return matrix
    }

    /// Per-class (true positives, predicted positives, actual positives).
    private static func counts(_ truth: [Int], _ prediction: [Int], positive: Int) -> (tp: Int, predicted: Int, actual: Int) {
        var tp = 0, predicted = 0, actual = 0
        for (t, p) in zip(truth, prediction) {
            if p == positive { predicted += 1 }
            if t == positive { actual += 1 }
            if t == positive && p == positive { tp += 1 }
        }
        return (tp, predicted, actual)
    }

    private static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    private static func fScore(_ tp: Int, _ predicted: Int, _ actual: Int) -> Double {
        // F1 = 2TP / (2TP + FP + FN) = 2TP / (predicted + actual), the harmonic mean of P and R.
        ratio(2 * tp, predicted + actual)
    }

    private static func averaged(_ truth: [Int], _ prediction: [Int], _ average: Average, _ name: String,
                                 _ score: (Int, Int, Int) -> Double) throws(KernelError) -> Double {
        try check(truth, prediction, name)
        switch average {
        case let .binary(positive):
            let c = counts(truth, prediction, positive: positive)
            return score(c.tp, c.predicted, c.actual)
        case .micro:
            var tp = 0, predicted = 0, actual = 0
            for label in labels(truth, prediction) {
                let c = counts(truth, prediction, positive: label)
                tp += c.tp; predicted += c.predicted; actual += c.actual
            }
            return score(tp, predicted, actual)
        case .macro, .weighted:
            var total = 0.0, weightTotal = 0.0
            for label in labels(truth, prediction) {
                let c = counts(truth, prediction, positive: label)
                let weight = average == .macro ? 1 : Double(c.actual)
                total += weight * score(c.tp, c.predicted, c.actual)
                weightTotal += weight
            }
            return weightTotal == 0 ? 0 : total / weightTotal
        }
    }

    /// Precision TP / (TP + FP): of the samples called positive, the share that are.
    public static func precision(_ truth: [Int], _ prediction: [Int], average: Average = .binary(positive: 1))
        throws(KernelError) -> Double {
        try averaged(truth, prediction, average, "precision") { tp, predicted, _ in ratio(tp, predicted) }
    }

    /// Recall TP / (TP + FN): of the positive samples, the share that were found.
    public static func recall(_ truth: [Int], _ prediction: [Int], average: Average = .binary(positive: 1))
        throws(KernelError) -> Double {
        try averaged(truth, prediction, average, "recall") { tp, _, actual in ratio(tp, actual) }
    }

    /// F1, the harmonic mean of precision and recall.
    public static func f1Score(_ truth: [Int], _ prediction: [Int], average: Average = .binary(positive: 1))
        throws(KernelError) -> Double {
        try averaged(truth, prediction, average, "f1Score") { tp, predicted, actual in fScore(tp, predicted, actual) }
    }

    /// Binary log loss (cross-entropy) of predicted probabilities of class 1:
    /// −mean(y·log p + (1 − y)·log(1 − p)). As scikit-learn, p is clipped to [ε, 1 − ε] with ε the
    /// machine epsilon, so a confident mistake costs a large but finite amount.
    public static func logLoss(_ truth: [Int], _ probability: [Double]) throws(KernelError) -> Double {
        guard truth.count == probability.count else {
            throw .shapeMismatch(operation: "logLoss", left: [truth.count], right: [probability.count])
        }
        guard !truth.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: "logLoss") }
        let epsilon = Double.ulpOfOne
        var total = 0.0
        for (y, p) in zip(truth, probability) {
            let clipped = min(max(p, epsilon), 1 - epsilon)
            total += y == 1 ? -log(clipped) : -log(1 - clipped)
        }
        return total / Double(truth.count)
    }

    /// Multiclass log loss from per-sample probability rows (each row is renormalized to sum to 1
    /// after clipping, as scikit-learn does) and labels 0..<columns.
    public static func logLoss(_ truth: [Int], probabilities: [[Double]]) throws(KernelError) -> Double {
        guard truth.count == probabilities.count else {
            throw .shapeMismatch(operation: "logLoss", left: [truth.count], right: [probabilities.count])
        }
        guard !truth.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: "logLoss") }
        let epsilon = Double.ulpOfOne
        var total = 0.0
        for (y, row) in zip(truth, probabilities) {
            guard y >= 0, y < row.count else {
                throw .invalidArgument("label \(y) has no probability column; rows have \(row.count) columns")
            }
            let clipped = row.map { min(max($0, epsilon), 1 - epsilon) }
            total -= log(clipped[y] / clipped.reduce(0, +))
        }
        return total / Double(truth.count)
    }

    /// Area under the ROC curve for binary labels (1 positive) and scores: the probability that a
    /// random positive scores above a random negative, ties counting one half. Computed from ranks
    /// (the Mann–Whitney U statistic), which equals scikit-learn's trapezoidal area exactly.
    public static func rocAUC(_ truth: [Int], _ score: [Double]) throws(KernelError) -> Double {
        guard truth.count == score.count else {
            throw .shapeMismatch(operation: "rocAUC", left: [truth.count], right: [score.count])
        }
        let positives = truth.filter { $0 == 1 }.count
        let negatives = truth.count - positives
        guard positives > 0, negatives > 0 else {
            throw .invalidArgument("ROC AUC needs both classes in the truth; got \(positives) positives and \(negatives) negatives")
        }
        // Average ranks (1-based) with ties sharing the mean of their ranks.
        let order = score.indices.sorted { score[$0] < score[$1] }
        var ranks = [Double](repeating: 0, count: score.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && score[order[end + 1]] == score[order[start]] { end += 1 }
            let averageRank = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = averageRank }
            start = end + 1
        }
        var positiveRankSum = 0.0
        for i in truth.indices where truth[i] == 1 { positiveRankSum += ranks[i] }
        let u = positiveRankSum - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }
}
