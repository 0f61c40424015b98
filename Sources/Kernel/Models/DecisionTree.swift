/// A CART classification tree grown with the Gini impurity, as
/// `sklearn.tree.DecisionTreeClassifier` (best splitter, all features).
///
/// Gini impurity of a node is 1 − Σ pₖ², the chance two random samples from it have different
/// labels. Each split tries every feature and every threshold halfway between consecutive distinct
/// values, and keeps the one that minimizes the weighted impurity of the two children. A node
/// stops splitting when it is pure, at `maxDepth`, or when a split would leave fewer than
/// `minSamplesLeaf` samples on a side.
///
/// scikit-learn visits features in a random order and keeps the first best split, so when two
/// features split equally well the two implementations may choose differently; this one takes the
/// lowest feature index.
public struct DecisionTree: Sendable {
    /// One node of the fitted tree; the root is `nodes[0]`.
    public struct Node: Sendable, Equatable {
        /// Feature tested, or nil for a leaf.
        public var feature: Int?
        /// Samples with feature ≤ threshold go left.
        public var threshold: Double
        public var left: Int
        public var right: Int
        /// Training samples per class (ordered as `classes`) that reached this node.
        public var classCounts: [Int]
        public var impurity: Double
        public var depth: Int
        /// The majority class (smallest label on a tie).
        public var prediction: Int
    }

    public var maxDepth: Int?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    public private(set) var nodes: [Node] = []
    public private(set) var classes: [Int] = []

    public init(maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1) {
        self.maxDepth = maxDepth
        self.minSamplesSplit = max(minSamplesSplit, 2)
        self.minSamplesLeaf = max(minSamplesLeaf, 1)
    }

    /// Number of leaves.
    public var leafCount: Int { nodes.filter { $0.feature == nil }.count }
    /// Depth of the deepest leaf (a lone root has depth 0).
    public var depth: Int { nodes.map(\.depth).max() ?? 0 }

    public mutating func fit(_ x: [[Double]], _ y: [Int]) throws(KernelError) {
        guard x.count == y.count else { throw .shapeMismatch(operation: "DecisionTree.fit", left: [x.count], right: [y.count]) }
        guard let features = x.first?.count else { throw .notEnoughSamples(needed: 1, got: 0, context: "DecisionTree.fit") }
        guard x.allSatisfy({ $0.count == features }) else {
            throw .invalidArgument("DecisionTree.fit: rows have different lengths; every row needs \(features) features")
        }
        classes = Array(Set(y)).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let encoded = y.map { classIndex[$0] ?? 0 }
        nodes = []
        grow(Array(x.indices), depth: 0, x: x, y: encoded, features: features)
    }

    /// Builds the subtree for `samples` and returns its node index.
    @discardableResult
    private mutating func grow(_ samples: [Int], depth: Int, x: [[Double]], y: [Int], features: Int) -> Int {
        let counts = classCounts(samples, y)
        let impurity = Self.gini(counts, samples.count)
        var best = 0
        for c in counts.indices where counts[c] > counts[best] { best = c }
        let index = nodes.count
        nodes.append(Node(feature: nil, threshold: 0, left: -1, right: -1, classCounts: counts,
                          impurity: impurity, depth: depth, prediction: classes.isEmpty ? 0 : classes[best]))
        let mayGrow = (maxDepth.map { depth < $0 } ?? true) && samples.count >= minSamplesSplit
            && samples.count >= 2 * minSamplesLeaf && impurity > 1e-7
        guard mayGrow, let split = bestSplit(samples, x: x, y: y, features: features) else { return index }
        let left = samples.filter { x[$0][split.feature] <= split.threshold }
        let right = samples.filter { x[$0][split.feature] > split.threshold }
        nodes[index].feature = split.feature
        nodes[index].threshold = split.threshold
        nodes[index].left = grow(left, depth: depth + 1, x: x, y: y, features: features)
        nodes[index].right = grow(right, depth: depth + 1, x: x, y: y, features: features)
        return index
    }

    private func classCounts(_ samples: [Int], _ y: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: classes.count)
        for i in samples { counts[y[i]] += 1 }
        return counts
    }

    private static func gini(_ counts: [Int], _ total: Int) -> Double {
        guard total > 0 else { return 0 }
        var sumOfSquares = 0.0
        for c in counts { sumOfSquares += Double(c) * Double(c) }
        return 1 - sumOfSquares / (Double(total) * Double(total))
    }

    /// The split with the lowest weighted child impurity, scanning sorted values once per feature
    /// and moving one sample at a time from the right child to the left.
    private func bestSplit(_ samples: [Int], x: [[Double]], y: [Int], features: Int) -> (feature: Int, threshold: Double)? {
        var best: (feature: Int, threshold: Double, score: Double)?
        let n = samples.count
        let total = classCounts(samples, y)
        for feature in 0..<features {
            let sorted = samples.sorted { x[$0][feature] < x[$1][feature] }
            var left = [Int](repeating: 0, count: classes.count)
            var right = total
            for position in 0..<(n - 1) {
                let sample = sorted[position]
                left[y[sample]] += 1
                right[y[sample]] -= 1
                let value = x[sample][feature], next = x[sorted[position + 1]][feature]
                // Only between distinct values (scikit-learn's 1e-7 tolerance), honouring the leaf minimum.
                guard next > value + 1e-7 else { continue }
                let leftCount = position + 1, rightCount = n - leftCount
                guard leftCount >= minSamplesLeaf, rightCount >= minSamplesLeaf else { continue }
                let score = Double(leftCount) * Self.gini(left, leftCount) + Double(rightCount) * Self.gini(right, rightCount)
                if score < (best?.score ?? .infinity) - 1e-12 {
                    var threshold = value / 2 + next / 2
                    if threshold == next || !threshold.isFinite { threshold = value }
                    best = (feature, threshold, score)
                }
            }
        }
        return best.map { ($0.feature, $0.threshold) }
    }

    /// The index of the leaf `row` falls into.
    public func leaf(for row: [Double]) -> Int {
        var index = 0
        while index < nodes.count, let feature = nodes[index].feature {
            index = (feature < row.count && row[feature] <= nodes[index].threshold) ? nodes[index].left : nodes[index].right
        }
        return index
    }

    /// The predicted class (0 if the tree is not fitted).
    public func predict(_ row: [Double]) -> Int {
        nodes.isEmpty ? 0 : nodes[leaf(for: row)].prediction
    }

    /// Class shares at the leaf `row` falls into (ordered as `classes`).
    public func predictProbability(_ row: [Double]) -> [Double] {
        guard !nodes.isEmpty else { return [] }
        let counts = nodes[leaf(for: row)].classCounts
        let total = Double(counts.reduce(0, +))
        return counts.map { Double($0) / total }
    }
}
