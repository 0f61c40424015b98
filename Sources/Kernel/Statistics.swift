import Foundation

/// Descriptive statistics with numpy's definitions. Empty input gives NaN (as numpy does, minus
/// the warning), never a trap.
public enum Statistics {
    /// Arithmetic mean.
    public static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    /// Variance with `ddof` delta degrees of freedom: 0 is the biased (population) variance,
    /// numpy's default; 1 is the unbiased (sample) variance, pandas' and `statistics`' default.
    public static func variance(_ x: [Double], ddof: Int = 0) -> Double {
        guard x.count > ddof else { return .nan }
        let m = mean(x)
        var sum = 0.0
        for value in x { sum += (value - m) * (value - m) }
        return sum / Double(x.count - ddof)
    }

    /// Standard deviation, the square root of `variance(x, ddof:)`.
    public static func standardDeviation(_ x: [Double], ddof: Int = 0) -> Double {
        variance(x, ddof: ddof).squareRoot()
    }

    /// The median: the middle value, or the mean of the two middle values.
    public static func median(_ x: [Double]) -> Double { quantile(x, 0.5) }

    /// The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics: numpy's
    /// default `method="linear"` (Hyndman–Fan type 7), position q·(n − 1) in the sorted data.
    public static func quantile(_ x: [Double], _ q: Double) -> Double {
        guard !x.isEmpty, q >= 0, q <= 1 else { return .nan }
        let sorted = x.sorted()
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        // numpy's lerp: a + (b − a)·t, switched to b − (b − a)·(1 − t) for t ≥ 0.5 (exact at the ends).
        let a = sorted[lower], b = sorted[upper]
        return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction
    }

    /// Pearson's correlation coefficient r of two equally long samples (NaN if either is constant).
    public static func pearsonCorrelation(_ x: [Double], _ y: [Double]) throws(KernelError) -> Double {
        guard x.count == y.count else {
            throw .shapeMismatch(operation: "pearsonCorrelation", left: [x.count], right: [y.count])
        }
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// A histogram with `bins` equal-width bins, as `numpy.histogram`: every bin is half-open
    /// [edge, next edge) except the last, which also includes its right edge. The range defaults
    /// to the data's minimum and maximum; values outside it are not counted.
    public static func histogram(_ x: [Double], bins: Int, range: ClosedRange<Double>? = nil)
        throws(KernelError) -> (counts: [Int], edges: [Double]) {
        guard bins > 0 else { throw .invalidArgument("a histogram needs at least one bin, got \(bins)") }
        let finite = x.filter { $0.isFinite }
        var low = range?.lowerBound ?? (finite.min() ?? 0)
        var high = range?.upperBound ?? (finite.max() ?? 1)
        if low == high { low -= 0.5; high += 0.5 }  // numpy widens a degenerate range the same way
        // numpy's linspace: low + i·step, with the last edge set exactly to high.
        let step = (high - low) / Double(bins)
        var edges = (0...bins).map { low + Double($0) * step }
        edges[bins] = high
        var counts = [Int](repeating: 0, count: bins)
        for value in x where value >= low && value <= high {
            var bin = min(Int((value - low) / (high - low) * Double(bins)), bins - 1)
            // Rounding in the division can land one bin off; the edges are the authority.
            if bin > 0 && value < edges[bin] { bin -= 1 }
            if bin < bins - 1 && value >= edges[bin + 1] { bin += 1 }
            counts[bin] += 1
        }
        return (counts, edges)
    }
}
