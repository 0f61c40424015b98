import Foundation

/// Repeated random train/test splits (`sklearn.model_selection.ShuffleSplit`), plus the one-off
/// train/test and train/validation/test splits.
///
/// Sizes follow scikit-learn: a test fraction f of n samples gives ceil(f·n) test samples, and the
/// training set gets the rest (or floor(t·n) when a training fraction t is also given).
public struct ShuffleSplit: Sendable {
    public var splits: Int
    public var testFraction: Double
    public var trainFraction: Double?
    public var seed: UInt64

    public init(splits: Int = 10, testFraction: Double = 0.1, trainFraction: Double? = nil,
                seed: UInt64 = 0) throws(KernelError) {
        guard splits >= 1 else { throw .invalidArgument("ShuffleSplit needs at least 1 split, got \(splits)") }
        guard testFraction > 0, testFraction < 1, (trainFraction ?? 0.5) > 0,
              testFraction + (trainFraction ?? 0) <= 1 else {
            throw .invalidArgument("ShuffleSplit fractions must lie in (0, 1) and sum to at most 1")
        }
        self.splits = splits
        self.testFraction = testFraction
        self.trainFraction = trainFraction
        self.seed = seed
    }

    /// The (train, test) sizes scikit-learn would use for `count` samples.
    public func sizes(count: Int) -> (train: Int, test: Int) {
        let test = Int((testFraction * Double(count)).rounded(.up))
        let train = trainFraction.map { Int(($0 * Double(count)).rounded(.down)) } ?? count - test
        return (train, test)
    }

    public func split(count: Int) throws(KernelError) -> [Fold] {
        let (trainSize, testSize) = sizes(count: count)
        guard trainSize >= 1, testSize >= 1, trainSize + testSize <= count else {
            throw .notEnoughSamples(needed: 2, got: count, context: "ShuffleSplit with test fraction \(testFraction)")
        }
        var generator = RandomGenerator(seed: seed)
        return (0..<splits).map { _ in
            let order = generator.permutation(count)
            return Fold(train: Array(order[testSize..<(testSize + trainSize)]), test: Array(order[0..<testSize]))
        }
    }

    /// One train/test split (`sklearn.model_selection.train_test_split` on indices): ceil(f·n)
    /// test samples. Without shuffling, train is the first n − test indices and test the rest.
    public static func trainTestSplit(count: Int, testFraction: Double, shuffle: Bool = true,
                                      seed: UInt64 = 0) throws(KernelError) -> Fold {
        let testSize = Int((testFraction * Double(count)).rounded(.up))
        guard testFraction > 0, testFraction < 1, testSize >= 1, testSize < count else {
            throw .notEnoughSamples(needed: 2, got: count, context: "train/test split with test fraction \(testFraction)")
        }
        var order = Array(0..<count)
        if shuffle {
            var generator = RandomGenerator(seed: seed)
            generator.shuffle(&order)
            // Shuffled like ShuffleSplit: test first in the permutation.
            return Fold(train: Array(order[testSize...]), test: Array(order[..<testSize]))
        }
        return Fold(train: Array(order[..<(count - testSize)]), test: Array(order[(count - testSize)...]))
    }

    /// Train, validation and test index sets: ceil(v·n) validation and ceil(t·n) test samples, the
    /// rest for training. Without shuffling they are consecutive blocks in that order.
    public static func trainValidationTestSplit(count: Int, validationFraction: Double, testFraction: Double,
                                                shuffle: Bool = true, seed: UInt64 = 0)
        throws(KernelError) -> (train: [Int], validation: [Int], test: [Int]) {
        let testSize = Int((testFraction * Double(count)).rounded(.up))
        let validationSize = Int((validationFraction * Double(count)).rounded(.up))
        let trainSize = count - testSize - validationSize
        guard testFraction > 0, validationFraction > 0, testFraction + validationFraction < 1, trainSize >= 1 else {
            throw .notEnoughSamples(needed: 3, got: count,
                                    context: "train/validation/test split with fractions \(validationFraction), \(testFraction)")
        }
        var order = Array(0..<count)
        if shuffle {
            var generator = RandomGenerator(seed: seed)
            generator.shuffle(&order)
        }
        return (Array(order[..<trainSize]),
                Array(order[trainSize..<(trainSize + validationSize)]),
                Array(order[(trainSize + validationSize)...]))
    }
}
