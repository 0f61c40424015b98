/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast generator whose whole state is one
/// 64-bit word. It is here, rather than in Kernel, because Curriculum imports nothing of ours and
/// quiz option orders must be reproducible from a seed on every platform and Swift version
/// (the standard library's generator and shuffle algorithm make no such promise).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the tiny bias for small bounds
    /// is irrelevant for shuffling six options).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}

extension Array {
    /// The elements in an order fixed by `generator`: a Fisher–Yates shuffle written out, so the
    /// same seed gives the same order everywhere.
    public func seededShuffle(using generator: inout SplitMix64) -> [Element] {
        var result = self
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            let j = generator.next(below: i + 1)
            if i != j { result.swapAt(i, j) }
        }
        return result
    }
}
