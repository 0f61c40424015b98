import Foundation

/// A small, fast, seeded random number generator: xoshiro256** seeded through splitmix64.
///
/// Why this one: xoshiro256** (Blackman and Vigna, 2018, https://prng.di.unimi.it) passes the
/// standard statistical batteries, needs four words of state and a handful of shifts per number,
/// and is defined purely on 64-bit integers, so the same seed gives the same integer sequence on
/// every platform. The seed is expanded into the 256-bit state with splitmix64, as the authors
/// recommend, so that nearby seeds (1, 2, 3) still start far apart.
///
/// Everything random in the kernel (initializers, shuffles, dropout, data sets) takes one of these,
/// so every demo and test is reproducible. Integers, uniforms, shuffles and choices are bit-exact
/// across platforms; `normal` goes through `log`, `sqrt` and `cos` from the C library, which may
/// differ in the last bit between libm implementations.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second normal deviate of the last Box–Muller pair, kept so no work is wasted.
    private var spareNormal: Double?

    /// Creates a generator whose whole future is determined by `seed`.
    public init(seed: UInt64) {
        var splitmix = seed
        func nextSplitmix() -> UInt64 {
            splitmix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitmix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitmix(), nextSplitmix(), nextSplitmix(), nextSplitmix())
        spareNormal = nil
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// A uniform double in [0, 1): the top 53 bits scaled by 2⁻⁵³, so every value is equally likely.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's multiply-and-reject method).
    /// Returns 0 when `bound` is 0 or negative, so callers never trap.
    public mutating func integer(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            // Reject the few low words that would make some results more likely than others.
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A normal deviate with the given mean and standard deviation (Box–Muller transform).
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return mean + standardDeviation * spare
        }
        // 1 - uniform() lies in (0, 1], so the logarithm is always finite.
        let radius = (-2 * log(1 - uniform())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spareNormal = radius * sin(angle)
        return mean + standardDeviation * radius * cos(angle)
    }

    /// Shuffles `array` in place (Fisher–Yates, from the back).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = integer(below: i + 1)
            array.swapAt(i, j)
        }
    }

    /// A random ordering of 0..<count.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<max(count, 0))
        shuffle(&indices)
        return indices
    }

    /// `count` indices drawn from 0..<population with replacement (as in a bootstrap sample).
    public mutating func choice(from population: Int, count: Int) -> [Int] {
        guard population > 0, count > 0 else { return [] }
        return (0..<count).map { _ in integer(below: population) }
    }

    /// `count` distinct indices drawn from 0..<population without replacement, in random order.
    public mutating func sample(from population: Int, count: Int) throws(KernelError) -> [Int] {
        guard count <= population else {
            throw .invalidArgument("cannot draw \(count) distinct indices from \(population); lower the count")
        }
        return Array(permutation(population).prefix(max(count, 0)))
    }
}
