/// Regression metrics with scikit-learn's definitions (`sklearn.metrics`).
public enum RegressionMetrics {
    private static func check(_ truth: [Double], _ prediction: [Double], _ name: String) throws(KernelError) {
        guard truth.count == prediction.count else {
            throw .shapeMismatch(operation: name, left: [truth.count], right: [prediction.count])
        }
        guard !truth.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: name) }
    }

    /// Mean absolute error: mean |y − ŷ|. Every error counts in proportion to its size.
    public static func meanAbsoluteError(_ truth: [Double], _ prediction: [Double]) throws(KernelError) -> Double {
        try check(truth, prediction, "meanAbsoluteError")
        var total = 0.0
        for i in truth.indices { total += abs(truth[i] - prediction[i]) }
        return total / Double(truth.count)
    }

    /// Mean squared error: mean (y − ŷ)². Squaring makes large errors (outliers) dominate.
    public static func meanSquaredError(_ truth: [Double], _ prediction: [Double]) throws(KernelError) -> Double {
        try check(truth, prediction, "meanSquaredError")
        var total = 0.0
        for i in truth.indices { total += (truth[i] - prediction[i]) * (truth[i] - prediction[i]) }
        return total / Double(truth.count)
    }

    /// Root mean squared error: √MSE, back in the units of y.
    public static func rootMeanSquaredError(_ truth: [Double], _ prediction: [Double]) throws(KernelError) -> Double {
        try meanSquaredError(truth, prediction).squareRoot()
    }

    /// Coefficient of determination R² = 1 − SS_res / SS_tot: the share of the variance of y the
    /// model explains (1 is perfect, 0 is no better than predicting the mean, negative is worse).
    /// For constant y, scikit-learn returns 1 for a perfect fit and 0 otherwise; so does this.
    public static func r2Score(_ truth: [Double], _ prediction: [Double]) throws(KernelError) -> Double {
        try check(truth, prediction, "r2Score")
        let mean = Statistics.mean(truth)
        var residual = 0.0, total = 0.0
        for i in truth.indices {
            residual += (truth[i] - prediction[i]) * (truth[i] - prediction[i])
            total += (truth[i] - mean) * (truth[i] - mean)
        }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }
}
