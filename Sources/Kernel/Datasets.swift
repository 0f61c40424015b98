import Foundation

/// Points with integer class labels, the shape of every classification demo's data.
public struct LabeledPoints: Sendable, Equatable {
    public var points: [[Double]]
    public var labels: [Int]

    public init(points: [[Double]], labels: [Int]) {
        self.points = points
        self.labels = labels
    }
}

/// One input and one target per sample, for regression demos.
public struct RegressionData: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    /// Indices of the samples that were turned into outliers.
    public var outliers: [Int]
}

/// Seeded synthetic data sets, the classic toy problems (shapes as in scikit-learn's
/// `make_blobs`, `make_moons`, `make_circles`, plus spirals, XOR and a line with outliers).
/// The same seed always gives the same points; classes come out in blocks, not shuffled.
public enum Datasets {
    /// Gaussian blobs: `countPerCenter` points around each center with the given spread.
    public static func blobs(centers: [[Double]], countPerCenter: Int, standardDeviation: Double = 1,
                             seed: UInt64) -> LabeledPoints {
        var g = RandomGenerator(seed: seed)
        var data = LabeledPoints(points: [], labels: [])
        for (label, center) in centers.enumerated() {
            for _ in 0..<max(countPerCenter, 0) {
                data.points.append(center.map { g.normal(mean: $0, standardDeviation: standardDeviation) })
                data.labels.append(label)
            }
        }
        return data
    }

    /// Two interleaving half circles: class 0 is the upper arc, class 1 the lower arc shifted
    /// right and down. Not linearly separable, easy for a small MLP.
    public static func moons(count: Int, noise: Double = 0.1, seed: UInt64) -> LabeledPoints {
        var g = RandomGenerator(seed: seed)
        let outer = count - count / 2, inner = count / 2
        var data = LabeledPoints(points: [], labels: [])
        for i in 0..<outer {
            let t = Double.pi * Double(i) / Double(max(outer - 1, 1))
            data.points.append([cos(t) + g.normal(standardDeviation: noise), sin(t) + g.normal(standardDeviation: noise)])
            data.labels.append(0)
        }
        for i in 0..<inner {
            let t = Double.pi * Double(i) / Double(max(inner - 1, 1))
            data.points.append([1 - cos(t) + g.normal(standardDeviation: noise),
                                0.5 - sin(t) + g.normal(standardDeviation: noise)])
            data.labels.append(1)
        }
        return data
    }

    /// A small circle (class 1, radius `factor`) inside a large one (class 0, radius 1).
    public static func circles(count: Int, factor: Double = 0.5, noise: Double = 0.05, seed: UInt64) -> LabeledPoints {
        var g = RandomGenerator(seed: seed)
        let outer = count - count / 2, inner = count / 2
        var data = LabeledPoints(points: [], labels: [])
        for (size, radius, label) in [(outer, 1.0, 0), (inner, factor, 1)] {
            for i in 0..<size {
                let t = 2 * Double.pi * Double(i) / Double(max(size, 1))
                data.points.append([radius * cos(t) + g.normal(standardDeviation: noise),
                                    radius * sin(t) + g.normal(standardDeviation: noise)])
                data.labels.append(label)
            }
        }
        return data
    }

    /// Two interleaved spirals (classes 0 and 1) making `turns` turns around the origin.
    public static func spirals(count: Int, turns: Double = 1.5, noise: Double = 0.05, seed: UInt64) -> LabeledPoints {
        var g = RandomGenerator(seed: seed)
        let perArm = count / 2
        var data = LabeledPoints(points: [], labels: [])
        for arm in 0..<2 {
            for i in 0..<(arm == 0 ? count - perArm : perArm) {
                let r = Double(i + 1) / Double(max(count - perArm, 1))  // radius grows from near 0 to 1
                let t = 2 * Double.pi * turns * r + Double(arm) * Double.pi
                data.points.append([r * cos(t) + g.normal(standardDeviation: noise),
                                    r * sin(t) + g.normal(standardDeviation: noise)])
                data.labels.append(arm)
            }
        }
        return data
    }

    /// The XOR problem: points uniform in [−1, 1]², label 1 when x and y have different signs.
    /// Noise jitters the points after labelling, so some cross the axes.
    public static func xor(count: Int, noise: Double = 0.05, seed: UInt64) -> LabeledPoints {
        var g = RandomGenerator(seed: seed)
        var data = LabeledPoints(points: [], labels: [])
        for _ in 0..<max(count, 0) {
            let x = g.uniform(-1, 1), y = g.uniform(-1, 1)
            data.points.append([x + g.normal(standardDeviation: noise), y + g.normal(standardDeviation: noise)])
            data.labels.append((x > 0) != (y > 0) ? 1 : 0)
        }
        return data
    }

    /// y = slope·x + intercept + noise for x uniform in `range`, with a share of the samples
    /// pushed far off the line (by ±`outlierOffset`), to show MSE chasing outliers while MAE shrugs.
    public static func noisyLine(count: Int, slope: Double = 2, intercept: Double = 1, noise: Double = 0.5,
                                 outlierFraction: Double = 0.1, outlierOffset: Double = 8,
                                 range: ClosedRange<Double> = -3...3, seed: UInt64) -> RegressionData {
        var g = RandomGenerator(seed: seed)
        var data = RegressionData(x: [], y: [], outliers: [])
        for _ in 0..<max(count, 0) {
            let x = g.uniform(range.lowerBound, range.upperBound)
            data.x.append(x)
            data.y.append(slope * x + intercept + g.normal(standardDeviation: noise))
        }
        let outlierCount = min(Int((outlierFraction * Double(count)).rounded()), count)
        data.outliers = (try? g.sample(from: count, count: max(outlierCount, 0)).sorted()) ?? []
        for i in data.outliers { data.y[i] += (g.uniform() < 0.5 ? -1 : 1) * outlierOffset }
        return data
    }
}
