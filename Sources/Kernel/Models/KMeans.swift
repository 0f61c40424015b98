/// k-means clustering with a k-means++ start and Lloyd's algorithm, one step at a time.
///
/// Lloyd's algorithm alternates two moves, each of which can only lower the inertia (the sum of
/// squared distances from points to their centroids): move every centroid to the mean of its
/// points, then reassign every point to its nearest centroid. It stops when no assignment changes.
///
/// k-means++ picks the first centroid uniformly at random and each next one with probability
/// proportional to the squared distance to the nearest centroid chosen so far, so the starting
/// centroids are spread out. (scikit-learn's greedy variant tries several candidates per centroid;
/// this is the original single-candidate rule.)
public struct KMeans: Sendable {
    public let k: Int
    public private(set) var points: [[Double]] = []
    public private(set) var centroids: [[Double]] = []
    /// The centroid index of each point.
    public private(set) var assignments: [Int] = []
    /// Lloyd steps taken since `initialize`.
    public private(set) var stepCount = 0
    private var generator: RandomGenerator

    public init(k: Int, seed: UInt64) throws(KernelError) {
        guard k >= 1 else { throw .invalidArgument("k-means needs k ≥ 1, got \(k)") }
        self.k = k
        generator = RandomGenerator(seed: seed)
    }

    /// Chooses starting centroids by k-means++ and assigns every point to the nearest one.
    public mutating func initialize(_ points: [[Double]]) throws(KernelError) {
        guard points.count >= k else { throw .notEnoughSamples(needed: k, got: points.count, context: "k-means with k = \(k)") }
        let dimension = points[0].count
        guard points.allSatisfy({ $0.count == dimension }) else {
            throw .invalidArgument("k-means: points have different lengths; every point needs \(dimension) coordinates")
        }
        self.points = points
        centroids = [points[generator.integer(below: points.count)]]
        var nearest = points.map { Self.squaredDistance($0, centroids[0]) }
        while centroids.count < k {
            let total = nearest.reduce(0, +)
            var chosen = generator.integer(below: points.count)  // all points coincide: any will do
            if total > 0 {
                // Walk the cumulative distribution to the drawn threshold.
                let threshold = generator.uniform() * total
                var cumulative = 0.0
                for (i, d) in nearest.enumerated() {
                    cumulative += d
                    if cumulative > threshold && d > 0 { chosen = i; break }
                }
            }
            centroids.append(points[chosen])
            for i in points.indices { nearest[i] = min(nearest[i], Self.squaredDistance(points[i], points[chosen])) }
        }
        assignments = [Int](repeating: 0, count: points.count)
        stepCount = 0
        _ = assign()
    }

    /// One Lloyd step: centroids to the means of their points, then reassignment.
    /// Returns whether any assignment changed (false means converged).
    @discardableResult
    public mutating func step() -> Bool {
        guard !points.isEmpty else { return false }
        updateCentroids()
        stepCount += 1
        return assign()
    }

    /// Runs Lloyd steps until nothing changes or `maxSteps` is reached; returns the steps taken.
    @discardableResult
    public mutating func run(maxSteps: Int = 300) -> Int {
        var steps = 0
        while steps < maxSteps {
            steps += 1
            if !step() { break }
        }
        return steps
    }

    /// Moves each centroid to the mean of its points; a centroid with no points stays put.
    public mutating func updateCentroids() {
        guard let dimension = points.first?.count else { return }
        var sums = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: k)
        var counts = [Int](repeating: 0, count: k)
        for (point, c) in zip(points, assignments) {
            counts[c] += 1
            for j in 0..<dimension { sums[c][j] += point[j] }
        }
        for c in 0..<k where counts[c] > 0 {
            centroids[c] = sums[c].map { $0 / Double(counts[c]) }
        }
    }

    /// Assigns each point to its nearest centroid (lowest index on a tie); returns whether any
    /// assignment changed.
    public mutating func assign() -> Bool {
        var changed = false
        for (i, point) in points.enumerated() {
            let c = nearestCentroid(to: point)
            if c != assignments[i] { assignments[i] = c; changed = true }
        }
        return changed
    }

    /// Index of the centroid nearest to `point` (for colouring a grid by cluster).
    public func nearestCentroid(to point: [Double]) -> Int {
        var best = 0, bestDistance = Double.infinity
        for (c, centroid) in centroids.enumerated() {
            let d = Self.squaredDistance(point, centroid)
            if d < bestDistance { best = c; bestDistance = d }
        }
        return best
    }

    /// Sum of squared distances from each point to its assigned centroid.
    public var inertia: Double {
        zip(points, assignments).reduce(0) { $0 + Self.squaredDistance($1.0, centroids[$1.1]) }
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        var d = 0.0
        for j in 0..<min(a.count, b.count) { d += (a[j] - b[j]) * (a[j] - b[j]) }
        return d
    }
}
