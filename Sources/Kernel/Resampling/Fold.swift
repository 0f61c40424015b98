/// One round of a resampling scheme: which sample indices to train on and which to test on.
public struct Fold: Equatable, Sendable {
    public var train: [Int]
    public var test: [Int]

    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }
}
