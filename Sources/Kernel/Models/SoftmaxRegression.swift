import Foundation

/// Multinomial logistic regression (softmax regression) for any number of classes:
/// p(class k | x) = softmax(W·x + b)ₖ, one weight row and one intercept per class.
///
/// `fit` minimizes scikit-learn's multinomial objective ½‖W‖² + C·Σ cross-entropy (intercepts not
/// penalized) by Newton's method, so weights and probabilities match
/// `sklearn.linear_model.LogisticRegression(C=…)` on three or more classes. Softmax ignores a
/// constant added to every intercept, so the intercepts are only defined up to such a shift; this
/// model reports the centred ones (summing to zero). `step` is one gradient-descent step on the
/// mean cross-entropy plus ‖W‖²/(2Cn), for animated training.
///
/// For two classes prefer `LogisticRegression`: scikit-learn fits binary problems with a single
/// weight vector, which this symmetric parametrization does not reproduce.
public struct SoftmaxRegression: Sendable {
    /// weights[k] is the weight row of class `classes[k]`.
    public var weights: [[Double]]
    public var intercepts: [Double]
    /// Inverse regularization strength, as scikit-learn's C (∞: no penalty).
    public var inverseRegularization: Double
    /// The class labels, sorted; row k of `weights` belongs to `classes[k]`.
    public private(set) var classes: [Int]

    /// A model with zero weights for the given class labels (at least two).
    public init(features: Int, classes: [Int], inverseRegularization: Double = 1) throws(KernelError) {
        let sorted = Array(Set(classes)).sorted()
        guard sorted.count >= 2 else { throw .invalidArgument("softmax regression needs at least two classes, got \(sorted)") }
        self.classes = sorted
        weights = [[Double]](repeating: [Double](repeating: 0, count: max(features, 0)), count: sorted.count)
        intercepts = [Double](repeating: 0, count: sorted.count)
        self.inverseRegularization = inverseRegularization
    }

    /// The logits W·x + b, one per class.
    public func decision(_ row: [Double]) -> [Double] {
        (0..<classes.count).map { k in
            var z = intercepts[k]
            for j in 0..<min(row.count, weights[k].count) { z += weights[k][j] * row[j] }
            return z
        }
    }

    /// Class probabilities (ordered as `classes`).
    public func predictProbability(_ row: [Double]) -> [Double] { Activation.softmax(decision(row)) }

    /// The most probable class label (the first on a tie).
    public func predict(_ row: [Double]) -> Int {
        let z = decision(row)
        var best = 0
        for k in z.indices where z[k] > z[best] { best = k }
        return classes[best]
    }

    /// Fits by Newton's method; returns the number of iterations used.
    @discardableResult
    public mutating func fit(_ x: [[Double]], _ y: [Int], maxIterations: Int = 100) throws(KernelError) -> Int {
        let encoded = try check(x, y)
        let classCount = classes.count, d = weights[0].count, width = d + 1
        let size = classCount * width
        let penalty = inverseRegularization.isInfinite ? 0 : 1 / inverseRegularization
        // Parameter (k, j) sits at k·width + j; j = d is class k's intercept.
        for iteration in 1...max(maxIterations, 1) {
            var gradient = [Double](repeating: 0, count: size)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
            for (row, label) in zip(x, encoded) {
                let p = predictProbability(row)
                let features = row + [1]
                for k in 0..<classCount {
                    let residual = p[k] - (k == label ? 1 : 0)
                    for j in 0..<width { gradient[k * width + j] += residual * features[j] }
                    for l in 0..<classCount {
                        // ∂²/∂zₖ∂zₗ of the cross-entropy is pₖ(δₖₗ − pₗ).
                        let curvature = p[k] * ((k == l ? 1 : 0) - p[l])
                        for j in 0..<width {
                            for m in 0..<width { hessian[k * width + j][l * width + m] += curvature * features[j] * features[m] }
                        }
                    }
                }
            }
            let interceptSum = intercepts.reduce(0, +)
            for k in 0..<classCount {
                for j in 0..<d {
                    gradient[k * width + j] += penalty * weights[k][j]
                    hessian[k * width + j][k * width + j] += penalty
                }
                // The objective is flat along "add c to every intercept"; the term ½(Σb)² picks the
                // centred solution and makes the Newton system solvable, without moving the optimum.
                gradient[k * width + d] += interceptSum
                for l in 0..<classCount { hessian[k * width + d][l * width + d] += 1 }
            }
            let delta = try LinearSystem.solve(hessian, gradient)
            for k in 0..<classCount {
                for j in 0..<d { weights[k][j] -= delta[k * width + j] }
                intercepts[k] -= delta[k * width + d]
            }
            let stepSize = delta.reduce(0) { max($0, abs($1)) }
            let scale = max(1, weights.joined().reduce(0) { max($0, abs($1)) }, intercepts.reduce(0) { max($0, abs($1)) })
            if stepSize < 1e-13 * scale || !stepSize.isFinite { return iteration }
        }
        return maxIterations
    }

    /// One gradient-descent step; returns the penalized mean cross-entropy before the step.
    @discardableResult
    public mutating func step(_ x: [[Double]], _ y: [Int], learningRate: Double) throws(KernelError) -> Double {
        let encoded = try check(x, y)
        let n = Double(x.count)
        let penalty = inverseRegularization.isInfinite ? 0 : 1 / (inverseRegularization * n)
        var gradientW = weights.map { $0.map { penalty * $0 } }
        var gradientB = [Double](repeating: 0, count: classes.count)
        var loss = 0.0
        for (row, label) in zip(x, encoded) {
            let z = decision(row)
            let lse = Activation.logSumExp(z)
            loss += lse - z[label]
            for k in z.indices {
                let residual = (exp(z[k] - lse) - (k == label ? 1 : 0)) / n
                for j in 0..<min(row.count, weights[k].count) { gradientW[k][j] += residual * row[j] }
                gradientB[k] += residual
            }
        }
        let before = loss / n + 0.5 * penalty * weights.joined().reduce(0) { $0 + $1 * $1 }
        for k in weights.indices {
            for j in weights[k].indices { weights[k][j] -= learningRate * gradientW[k][j] }
            intercepts[k] -= learningRate * gradientB[k]
        }
        return before
    }

    /// Validates the data and encodes labels as class indices.
    private func check(_ x: [[Double]], _ y: [Int]) throws(KernelError) -> [Int] {
        guard x.count == y.count else { throw .shapeMismatch(operation: "SoftmaxRegression", left: [x.count], right: [y.count]) }
        guard !x.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: "SoftmaxRegression") }
        if let bad = x.first(where: { $0.count != weights[0].count }) {
            throw .shapeMismatch(operation: "SoftmaxRegression", left: [bad.count], right: [weights[0].count])
        }
        var encoded: [Int] = []
        encoded.reserveCapacity(y.count)
        for label in y {
            guard let k = classes.firstIndex(of: label) else {
                throw .invalidArgument("label \(label) is not one of the model's classes \(classes)")
            }
            encoded.append(k)
        }
        return encoded
    }
}
