/// Feature scaling with scikit-learn's semantics: `fit` learns per-column statistics from the
/// training rows only, `transform` applies them to any rows (fitting on test data leaks it).
/// A constant column gets scale 1 instead of a division by zero, as in scikit-learn.

/// Rescales each feature to [0, 1] (or another range) using the training minimum and maximum
/// (`sklearn.preprocessing.MinMaxScaler`).
public struct MinMaxScaler: Sendable {
    public var featureRange: ClosedRange<Double>
    /// Per-feature minimum and maximum seen in `fit`.
    public private(set) var dataMin: [Double] = []
    public private(set) var dataMax: [Double] = []
    /// x' = x·scale + offset, per feature.
    public private(set) var scale: [Double] = []
    public private(set) var offset: [Double] = []

    public init(featureRange: ClosedRange<Double> = 0...1) { self.featureRange = featureRange }

    /// Learns the per-column minimum and maximum of `rows`.
    public mutating func fit(_ rows: [[Double]]) throws(KernelError) {
        let columns = try Scaling.columnCount(rows)
        dataMin = (0..<columns).map { j in rows.map { $0[j] }.min() ?? 0 }
        dataMax = (0..<columns).map { j in rows.map { $0[j] }.max() ?? 0 }
        let width = featureRange.upperBound - featureRange.lowerBound
        scale = (0..<columns).map { j in
            let range = dataMax[j] - dataMin[j]
            return width / (range == 0 ? 1 : range)
        }
        offset = (0..<columns).map { j in featureRange.lowerBound - dataMin[j] * scale[j] }
    }

    /// Scales `rows` with the fitted statistics.
    public func transform(_ rows: [[Double]]) throws(KernelError) -> [[Double]] {
        try Scaling.check(rows, fittedColumns: scale.count, name: "MinMaxScaler")
        return rows.map { row in row.indices.map { row[$0] * scale[$0] + offset[$0] } }
    }

    /// Maps scaled rows back to the original units.
    public func inverseTransform(_ rows: [[Double]]) throws(KernelError) -> [[Double]] {
        try Scaling.check(rows, fittedColumns: scale.count, name: "MinMaxScaler")
        return rows.map { row in row.indices.map { (row[$0] - offset[$0]) / scale[$0] } }
    }

    /// `fit` then `transform` on the same rows.
    public mutating func fitTransform(_ rows: [[Double]]) throws(KernelError) -> [[Double]] {
        try fit(rows)
        return try transform(rows)
    }
}

/// Standardizes each feature to mean 0 and standard deviation 1 (z-scores) using the training
/// mean and the biased standard deviation (`sklearn.preprocessing.StandardScaler`).
public struct StandardScaler: Sendable {
    public private(set) var mean: [Double] = []
    /// Per-feature standard deviation (ddof 0), with 0 replaced by 1.
    public private(set) var scale: [Double] = []

    public init() {}

    public mutating func fit(_ rows: [[Double]]) throws(KernelError) {
        let columns = try Scaling.columnCount(rows)
        mean = (0..<columns).map { j in Statistics.mean(rows.map { $0[j] }) }
        scale = (0..<columns).map { j in
            let std = Statistics.standardDeviation(rows.map { $0[j] })
            return std == 0 ? 1 : std
        }
    }

    public func transform(_ rows: [[Double]]) throws(KernelError) -> [[Double]] {
        try Scaling.check(rows, fittedColumns: scale.count, name: "StandardScaler")
        return rows.map { row in row.indices.map { (row[$0] - mean[$0]) / scale[$0] } }
    }

    public func inverseTransform(_ rows: [[Double]]) throws(KernelError) -> [[Double]] {
        try Scaling.check(rows, fittedColumns: scale.count, name: "StandardScaler")
        return rows.map { row in row.indices.map { row[$0] * scale[$0] + mean[$0] } }
    }

    public mutating func fitTransform(_ rows: [[Double]]) throws(KernelError) -> [[Double]] {
        try fit(rows)
        return try transform(rows)
    }
}

/// Shape checks shared by the scalers.
enum Scaling {
    static func columnCount(_ rows: [[Double]]) throws(KernelError) -> Int {
        guard let columns = rows.first?.count else {
            throw .notEnoughSamples(needed: 1, got: 0, context: "fitting a scaler")
        }
        guard rows.allSatisfy({ $0.count == columns }) else {
            throw .invalidArgument("rows have different lengths; every row needs \(columns) features")
        }
        return columns
    }

    static func check(_ rows: [[Double]], fittedColumns: Int, name: String) throws(KernelError) {
        guard fittedColumns > 0 else { throw .notFitted(name) }
        if let bad = rows.first(where: { $0.count != fittedColumns }) {
            throw .shapeMismatch(operation: "\(name).transform", left: [bad.count], right: [fittedColumns])
        }
    }
}
