/// Rosenblatt's perceptron: a weighted sum, a bias and a step activation,
/// ŷ = 1 if w·x + b > 0 else 0, trained by the perceptron rule one sample at a time:
///
///     w ← w + η·(y − ŷ)·x,   b ← b + η·(y − ŷ)
///
/// Only mistakes move the weights. On linearly separable data it stops making mistakes after
/// finitely many updates; on XOR it never does, which is the demo's point.
public struct Perceptron: Sendable {
    public var weights: [Double]
    public var bias: Double
    public var learningRate: Double
    public private(set) var points: [[Double]]
    public private(set) var labels: [Int]
    /// Position in the current epoch's visiting order.
    public private(set) var position = 0
    /// Epochs completed.
    public private(set) var epoch = 0
    /// Mistakes made so far in the current epoch.
    public private(set) var mistakesThisEpoch = 0
    private var order: [Int]
    private var shuffle: Bool
    private var generator: RandomGenerator

    /// A perceptron over `points` with labels 0/1, starting from zero weights. With `shuffle`
    /// each epoch visits the samples in a new seeded random order; otherwise in data order.
    public init(points: [[Double]], labels: [Int], learningRate: Double = 1, shuffle: Bool = true,
                seed: UInt64 = 0) throws(KernelError) {
        guard points.count == labels.count else {
            throw .shapeMismatch(operation: "Perceptron", left: [points.count], right: [labels.count])
        }
        guard let dimension = points.first?.count else { throw .notEnoughSamples(needed: 1, got: 0, context: "Perceptron") }
        guard labels.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw .invalidArgument("Perceptron labels must be 0 or 1")
        }
        self.points = points
        self.labels = labels
        self.learningRate = learningRate
        self.shuffle = shuffle
        weights = [Double](repeating: 0, count: dimension)
        bias = 0
        generator = RandomGenerator(seed: seed)
        order = Array(points.indices)
        if shuffle { generator.shuffle(&order) }
    }

    /// The step activation of w·x + b.
    public func predict(_ row: [Double]) -> Int {
        var z = bias
        for j in 0..<min(row.count, weights.count) { z += weights[j] * row[j] }
        return z > 0 ? 1 : 0
    }

    /// The sample the next `step` will look at.
    public var nextSample: Int { order[position] }

    /// Looks at one sample and applies the perceptron rule; returns whether the weights changed.
    @discardableResult
    public mutating func step() -> Bool {
        let i = order[position]
        let error = Double(labels[i] - predict(points[i]))
        if error != 0 {
            for j in weights.indices { weights[j] += learningRate * error * points[i][j] }
            bias += learningRate * error
            mistakesThisEpoch += 1
        }
        position += 1
        if position == order.count {
            position = 0
            epoch += 1
            mistakesThisEpoch = 0
            if shuffle { generator.shuffle(&order) }
        }
        return error != 0
    }

    /// Runs the rest of the current epoch; returns the number of mistakes (updates) in it.
    @discardableResult
    public mutating func runEpoch() -> Int {
        var mistakes = 0
        repeat {
            if step() { mistakes += 1 }
        } while position != 0
        return mistakes
    }

    /// Number of training samples currently misclassified.
    public var trainingErrors: Int {
        zip(points, labels).filter { predict($0.0) != $0.1 }.count
    }
}
