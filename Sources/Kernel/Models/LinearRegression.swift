/// Linear regression ŷ = w·x + b, fitted in closed form (least squares) or step by step by
/// gradient descent on the mean squared or mean absolute error.
///
/// The closed form centres the data first (subtract the column means), solves the normal
/// equations (XᵀX)w = Xᵀy for the weights, and recovers the intercept from the means, which is
/// what `sklearn.linear_model.LinearRegression` computes. Gradient descent starts from zero and
/// follows the same update as a PyTorch loop with `torch.optim.SGD`.
public struct LinearRegression: Sendable {
    /// Which error gradient descent minimizes.
    public enum Loss: String, Sendable, CaseIterable {
        /// Mean squared error: smooth, pulled hard by outliers.
        case meanSquaredError
        /// Mean absolute error: robust to outliers, its gradient has constant size.
        case meanAbsoluteError
    }

    public var weights: [Double]
    public var bias: Double
    public var loss: Loss
    public var learningRate: Double

    /// A model with `features` zero weights (gradient descent starts here).
    public init(features: Int, loss: Loss = .meanSquaredError, learningRate: Double = 0.1) {
        weights = [Double](repeating: 0, count: max(features, 0))
        bias = 0
        self.loss = loss
        self.learningRate = learningRate
    }

    /// Fits by least squares in closed form (whatever `loss` says: MAE has no closed form).
    public mutating func fit(_ x: [[Double]], _ y: [Double]) throws(KernelError) {
        try check(x, y)
        let n = Double(x.count), d = weights.count
        let meanX = (0..<d).map { j in x.reduce(0) { $0 + $1[j] } / n }
        let meanY = y.reduce(0, +) / n
        var gram = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        var moment = [Double](repeating: 0, count: d)
        for (row, target) in zip(x, y) {
            for i in 0..<d {
                let xi = row[i] - meanX[i]
                moment[i] += xi * (target - meanY)
                for j in 0..<d { gram[i][j] += xi * (row[j] - meanX[j]) }
            }
        }
        weights = try LinearSystem.solve(gram, moment)
        bias = meanY - zip(meanX, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// One gradient-descent step on (x, y); returns the loss *before* the step, the number a
    /// training loop prints.
    @discardableResult
    public mutating func step(_ x: [[Double]], _ y: [Double]) throws(KernelError) -> Double {
        try check(x, y)
        let n = Double(x.count)
        var gradientW = [Double](repeating: 0, count: weights.count)
        var gradientB = 0.0
        var total = 0.0
        for (row, target) in zip(x, y) {
            let residual = predict(row) - target
            let slope: Double
            switch loss {
            case .meanSquaredError:
                total += residual * residual
                slope = 2 * residual / n
            case .meanAbsoluteError:
                total += abs(residual)
                slope = (residual > 0 ? 1 : (residual < 0 ? -1 : 0)) / n
            }
            for j in weights.indices { gradientW[j] += slope * row[j] }
            gradientB += slope
        }
        for j in weights.indices { weights[j] -= learningRate * gradientW[j] }
        bias -= learningRate * gradientB
        return total / n
    }

    /// The current loss on (x, y).
    public func currentLoss(_ x: [[Double]], _ y: [Double]) throws(KernelError) -> Double {
        try check(x, y)
        let predictions = x.map(predict)
        switch loss {
        case .meanSquaredError: return try RegressionMetrics.meanSquaredError(y, predictions)
        case .meanAbsoluteError: return try RegressionMetrics.meanAbsoluteError(y, predictions)
        }
    }

    /// ŷ for one sample.
    public func predict(_ row: [Double]) -> Double {
        var sum = bias
        for j in 0..<min(row.count, weights.count) { sum += weights[j] * row[j] }
        return sum
    }

    private func check(_ x: [[Double]], _ y: [Double]) throws(KernelError) {
        guard x.count == y.count else { throw .shapeMismatch(operation: "LinearRegression", left: [x.count], right: [y.count]) }
        guard !x.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: "LinearRegression") }
        if let bad = x.first(where: { $0.count != weights.count }) {
            throw .shapeMismatch(operation: "LinearRegression", left: [bad.count], right: [weights.count])
        }
    }
}
