/// Leave-one-out cross-validation (`sklearn.model_selection.LeaveOneOut`): n folds, each testing
/// on a single sample and training on all the others. K-fold with k = n.
public struct LeaveOneOut: Sendable {
    public init() {}

    public func split(count: Int) throws(KernelError) -> [Fold] {
        guard count >= 2 else { throw .notEnoughSamples(needed: 2, got: count, context: "LeaveOneOut") }
        return (0..<count).map { i in Fold(train: (0..<count).filter { $0 != i }, test: [i]) }
    }
}
