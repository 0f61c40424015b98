/// K-fold cross-validation (`sklearn.model_selection.KFold`).
///
/// The samples (in order, or shuffled first) are cut into `splits` consecutive folds; each fold is
/// the test set once while the others train. With n samples the first n mod k folds get one extra
/// sample, so fold sizes differ by at most one. Test indices come out in fold order, train indices
/// in increasing order, exactly as scikit-learn returns them when not shuffling.
public struct KFold: Sendable {
    public var splits: Int
    public var shuffle: Bool
    public var seed: UInt64

    public init(splits: Int = 5, shuffle: Bool = false, seed: UInt64 = 0) throws(KernelError) {
        guard splits >= 2 else { throw .invalidArgument("KFold needs at least 2 splits, got \(splits)") }
        self.splits = splits
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds for `count` samples.
    public func split(count: Int) throws(KernelError) -> [Fold] {
        guard count >= splits else {
            throw .notEnoughSamples(needed: splits, got: count, context: "KFold with \(splits) splits")
        }
        var order = Array(0..<count)
        if shuffle {
            var generator = RandomGenerator(seed: seed)
            generator.shuffle(&order)
        }
        var folds: [Fold] = []
        var start = 0
        for fold in 0..<splits {
            let size = count / splits + (fold < count % splits ? 1 : 0)
            let test = Array(order[start..<(start + size)])
            let testSet = Set(test)
            folds.append(Fold(train: (0..<count).filter { !testSet.contains($0) }, test: test))
            start += size
        }
        return folds
    }
}
