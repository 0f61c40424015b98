import Foundation

/// Binary logistic regression: p(y = 1 | x) = σ(w·x + b).
///
/// `fit` minimizes scikit-learn's objective ½‖w‖² + C·Σ log-loss (the intercept is not penalized;
/// C = ∞ means no penalty) by Newton's method, which converges to machine precision in a handful
/// of iterations, so the coefficients match `sklearn.linear_model.LogisticRegression(C=…)`.
/// `step` takes one plain gradient-descent step on the same objective divided by C·n (the mean
/// log-loss plus ‖w‖²/(2Cn)), for demos that animate training.
public struct LogisticRegression: Sendable {
    public var weights: [Double]
    public var bias: Double
    /// Inverse regularization strength, as scikit-learn's C.
    public var inverseRegularization: Double

    public init(features: Int, inverseRegularization: Double = 1) {
        weights = [Double](repeating: 0, count: max(features, 0))
        bias = 0
        self.inverseRegularization = inverseRegularization
    }

    /// σ(w·x + b) for one sample.
    public func predictProbability(_ row: [Double]) -> Double {
        Activation.logistic(decision(row))
    }

    /// The class with probability above one half.
    public func predict(_ row: [Double]) -> Int { decision(row) > 0 ? 1 : 0 }

    /// w·x + b, the log-odds of class 1.
    public func decision(_ row: [Double]) -> Double {
        var z = bias
        for j in 0..<min(row.count, weights.count) { z += weights[j] * row[j] }
        return z
    }

    /// Fits by Newton's method; returns the number of iterations used.
    @discardableResult
    public mutating func fit(_ x: [[Double]], _ y: [Int], maxIterations: Int = 100) throws(KernelError) -> Int {
        try check(x, y)
        let d = weights.count
        let penalty = inverseRegularization.isInfinite ? 0 : 1 / inverseRegularization
        for iteration in 1...max(maxIterations, 1) {
            // Gradient and Hessian of the objective divided by C (same minimizer, nicer scale).
            var gradient = [Double](repeating: 0, count: d + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: d + 1), count: d + 1)
            for (row, label) in zip(x, y) {
                let p = predictProbability(row)
                let residual = p - Double(label)
                let curvature = p * (1 - p)
                let features = row + [1]  // the constant 1 carries the intercept
                for i in 0...d {
                    gradient[i] += residual * features[i]
                    for j in 0...d { hessian[i][j] += curvature * features[i] * features[j] }
                }
            }
            for i in 0..<d {
                gradient[i] += penalty * weights[i]
                hessian[i][i] += penalty
            }
            let delta = try LinearSystem.solve(hessian, gradient)
            for i in 0..<d { weights[i] -= delta[i] }
            bias -= delta[d]
            let size = delta.reduce(0) { max($0, abs($1)) }
            if size < 1e-13 * max(1, weights.reduce(abs(bias)) { max($0, abs($1)) }) || !size.isFinite {
                return iteration
            }
        }
        return maxIterations
    }

    /// One gradient-descent step; returns the mean log-loss before the step.
    @discardableResult
    public mutating func step(_ x: [[Double]], _ y: [Int], learningRate: Double) throws(KernelError) -> Double {
        try check(x, y)
        let n = Double(x.count)
        let penalty = inverseRegularization.isInfinite ? 0 : 1 / (inverseRegularization * n)
        var gradientW = weights.map { penalty * $0 }
        var gradientB = 0.0
        var loss = 0.0
        for (row, label) in zip(x, y) {
            let z = decision(row)
            // log(1 + e^−z) or log(1 + e^z), written to avoid overflow.
            loss += max(z, 0) - z * Double(label) + log1p(exp(-abs(z)))
            let residual = (Activation.logistic(z) - Double(label)) / n
            for j in weights.indices { gradientW[j] += residual * row[j] }
            gradientB += residual
        }
        let before = loss / n + 0.5 * penalty * weights.reduce(0) { $0 + $1 * $1 }
        for j in weights.indices { weights[j] -= learningRate * gradientW[j] }
        bias -= learningRate * gradientB
        return before
    }

    private func check(_ x: [[Double]], _ y: [Int]) throws(KernelError) {
        guard x.count == y.count else { throw .shapeMismatch(operation: "LogisticRegression", left: [x.count], right: [y.count]) }
        guard !x.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: "LogisticRegression") }
        if let bad = x.first(where: { $0.count != weights.count }) {
            throw .shapeMismatch(operation: "LogisticRegression", left: [bad.count], right: [weights.count])
        }
        guard y.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw .invalidArgument("LogisticRegression is binary: labels must be 0 or 1")
        }
    }
}
