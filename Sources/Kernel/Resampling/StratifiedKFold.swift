/// Stratified k-fold cross-validation (`sklearn.model_selection.StratifiedKFold`, 1.x algorithm):
/// every fold keeps roughly the class proportions of the whole data set.
///
/// How the samples are dealt out, as in scikit-learn:
/// 1. Classes are numbered in order of first appearance.
/// 2. The class-sorted label list is dealt round-robin into the k folds; counting what each fold
///    received gives how many samples of each class each fold should get.
/// 3. For each class, its samples (in data order, or shuffled) fill fold 0's quota, then fold 1's,
///    and so on, so within a class the folds take consecutive blocks of samples.
public struct StratifiedKFold: Sendable {
    public var splits: Int
    public var shuffle: Bool
    public var seed: UInt64

    public init(splits: Int = 5, shuffle: Bool = false, seed: UInt64 = 0) throws(KernelError) {
        guard splits >= 2 else { throw .invalidArgument("StratifiedKFold needs at least 2 splits, got \(splits)") }
        self.splits = splits
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds for the given class labels (one per sample).
    public func split(labels: [Int]) throws(KernelError) -> [Fold] {
        guard labels.count >= splits else {
            throw .notEnoughSamples(needed: splits, got: labels.count, context: "StratifiedKFold with \(splits) splits")
        }
        // 1. Encode classes by order of first appearance.
        var code: [Int: Int] = [:]
        var encoded: [Int] = []
        for label in labels {
            let c = code[label] ?? code.count
            code[label] = c
            encoded.append(c)
        }
        let classCount = code.count
        var classSizes = [Int](repeating: 0, count: classCount)
        for c in encoded { classSizes[c] += 1 }
        guard classSizes.contains(where: { $0 >= splits }) else {
            throw .invalidArgument("StratifiedKFold: no class has \(splits) members; lower the number of splits")
        }
        // 2. Deal the sorted labels round-robin: allocation[fold][class].
        let sortedCodes = encoded.sorted()
        var allocation = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: splits)
        for (position, c) in sortedCodes.enumerated() { allocation[position % splits][c] += 1 }
        // 3. Fill each class's samples into folds block by block.
        var generator = RandomGenerator(seed: seed)
        var testFold = [Int](repeating: 0, count: labels.count)
        for c in 0..<classCount {
            var foldsForClass: [Int] = []
            for fold in 0..<splits {
                foldsForClass.append(contentsOf: repeatElement(fold, count: allocation[fold][c]))
            }
            if shuffle { generator.shuffle(&foldsForClass) }
            var next = 0
            for i in labels.indices where encoded[i] == c {
                testFold[i] = foldsForClass[next]
                next += 1
            }
        }
        return (0..<splits).map { fold in
            Fold(train: labels.indices.filter { testFold[$0] != fold },
                 test: labels.indices.filter { testFold[$0] == fold })
        }
    }
}
