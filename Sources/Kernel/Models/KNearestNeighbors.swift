/// k-nearest-neighbours classification: a point gets the majority label of the k training points
/// closest to it (Euclidean distance). There is no training beyond remembering the data, which is
/// why prediction is where the work happens.
///
/// Ties behave as in `sklearn.neighbors.KNeighborsClassifier` (uniform weights): equally distant
/// neighbours are taken in training order, and a tied vote goes to the smallest label.
public struct KNearestNeighbors: Sendable {
    public var k: Int
    public private(set) var points: [[Double]] = []
    public private(set) var labels: [Int] = []
    /// The distinct training labels, sorted: the columns of `predictProbability`.
    public private(set) var classes: [Int] = []

    public init(k: Int = 5) throws(KernelError) {
        guard k >= 1 else { throw .invalidArgument("k-nearest neighbours needs k ≥ 1, got \(k)") }
        self.k = k
    }

    /// Remembers the training data.
    public mutating func fit(_ x: [[Double]], _ y: [Int]) throws(KernelError) {
        guard x.count == y.count else { throw .shapeMismatch(operation: "KNearestNeighbors.fit", left: [x.count], right: [y.count]) }
        guard x.count >= k else { throw .notEnoughSamples(needed: k, got: x.count, context: "k-nearest neighbours with k = \(k)") }
        points = x
        labels = y
        classes = Array(Set(y)).sorted()
    }

    /// Indices of the k nearest training points, nearest first.
    public func neighbors(of row: [Double]) -> [Int] {
        var distances: [(Double, Int)] = []
        distances.reserveCapacity(points.count)
        for (i, p) in points.enumerated() {
            var d = 0.0
            for j in 0..<min(p.count, row.count) { d += (p[j] - row[j]) * (p[j] - row[j]) }
            distances.append((d, i))
        }
        distances.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return distances.prefix(k).map { $0.1 }
    }

    /// The share of the k neighbours in each class (ordered as `classes`).
    public func predictProbability(_ row: [Double]) -> [Double] {
        var votes = [Double](repeating: 0, count: classes.count)
        for i in neighbors(of: row) {
            if let c = classes.firstIndex(of: labels[i]) { votes[c] += 1 }
        }
        return votes.map { $0 / Double(k) }
    }

    /// The majority label among the k neighbours (smallest label on a tie).
    public func predict(_ row: [Double]) -> Int {
        let votes = predictProbability(row)
        var best = 0
        for c in votes.indices where votes[c] > votes[best] { best = c }
        return classes.isEmpty ? 0 : classes[best]
    }
}
