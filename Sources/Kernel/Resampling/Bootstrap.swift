/// Bootstrap resampling: draw n samples *with replacement* from n. Each sample is left out with
/// probability (1 − 1/n)ⁿ → 1/e ≈ 0.368, and the left-out ("out-of-bag") samples make a free
/// test set for the model trained on the bag.
public struct Bootstrap: Sendable {
    private var generator: RandomGenerator

    public init(seed: UInt64) { generator = RandomGenerator(seed: seed) }

    /// One bootstrap sample of `count` samples: the drawn indices (with repeats, in draw order)
    /// and the sorted indices never drawn.
    public mutating func sample(count: Int) throws(KernelError) -> (inBag: [Int], outOfBag: [Int]) {
        guard count >= 1 else { throw .notEnoughSamples(needed: 1, got: count, context: "bootstrap sample") }
        let inBag = generator.choice(from: count, count: count)
        var drawn = [Bool](repeating: false, count: count)
        for i in inBag { drawn[i] = true }
        return (inBag, (0..<count).filter { !drawn[$0] })
    }

    /// `rounds` independent bootstrap samples.
    public mutating func samples(count: Int, rounds: Int) throws(KernelError) -> [(inBag: [Int], outOfBag: [Int])] {
        var result: [(inBag: [Int], outOfBag: [Int])] = []
        for _ in 0..<max(rounds, 0) { result.append(try sample(count: count)) }
        return result
    }

    /// Efron's .632 estimate of the prediction error: 0.368·(training error) + 0.632·(out-of-bag
    /// error). The training error is optimistic and the out-of-bag error pessimistic (each bag
    /// sees only about 63.2% of the distinct samples), so the blend corrects both.
    public static func estimate632(trainingError: Double, outOfBagError: Double) -> Double {
        0.368 * trainingError + 0.632 * outOfBagError
    }
}
