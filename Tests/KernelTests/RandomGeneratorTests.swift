import XCTest
@testable import Kernel

final class RandomGeneratorTests: XCTestCase {
    /// The integer stream must be identical on every platform: compare with an independent
    /// Python implementation of xoshiro256** + splitmix64.
    func testMatchesReferenceImplementation() throws {
        let cases = try fixture("rng").objects("cases")
        XCTAssertEqual(cases.count, 3)
        for c in cases {
            let seed = try XCTUnwrap(UInt64(c["seed"] as? String ?? ""))
            var g = RandomGenerator(seed: seed)
            let words = (c["words"] as? [String] ?? []).compactMap(UInt64.init)
            XCTAssertEqual(words.count, 6)
            for w in words { XCTAssertEqual(g.next(), w) }
            // Hexadecimal floats, so the comparison is bit-exact.
            let uniforms = (c["uniforms"] as? [String] ?? []).compactMap(Double.init)
            XCTAssertEqual(uniforms.count, 4)
            for u in uniforms { XCTAssertEqual(g.uniform(), u) }
            let below = c.ints("below")
            for b in below.prefix(10) { XCTAssertEqual(g.integer(below: 10), b) }
            for b in below.dropFirst(10) { XCTAssertEqual(g.integer(below: 3), b) }
        }
    }

    func testSameSeedSameStreamDifferentSeedDifferentStream() {
        var a = RandomGenerator(seed: 7), b = RandomGenerator(seed: 7), c = RandomGenerator(seed: 8)
        let sa = (0..<5).map { _ in a.next() }
        XCTAssertEqual(sa, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(sa, (0..<5).map { _ in c.next() })
    }

    func testUniformAndNormalMoments() {
        var g = RandomGenerator(seed: 1)
        let u = (0..<200_000).map { _ in g.uniform() }
        XCTAssert(u.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(Statistics.mean(u), 0.5, accuracy: 0.003)
        XCTAssertEqual(Statistics.variance(u), 1.0 / 12, accuracy: 0.001)
        let n = (0..<200_000).map { _ in g.normal(mean: 2, standardDeviation: 3) }
        XCTAssertEqual(Statistics.mean(n), 2, accuracy: 0.03)
        XCTAssertEqual(Statistics.standardDeviation(n), 3, accuracy: 0.03)
        // About 95.4% within two standard deviations.
        XCTAssertEqual(Double(n.filter { abs($0 - 2) < 6 }.count) / 200_000, 0.9545, accuracy: 0.003)
    }

    func testIntegerBelowIsUnbiasedAndInRange() {
        var g = RandomGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[g.integer(below: 6)] += 1 }
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 400) }
        XCTAssertEqual(g.integer(below: 1), 0)
        XCTAssertEqual(g.integer(below: 0), 0)
    }

    func testShufflePermutationChoiceSample() throws {
        var g = RandomGenerator(seed: 11)
        let p = g.permutation(50)
        XCTAssertEqual(p.sorted(), Array(0..<50))
        XCTAssertNotEqual(p, Array(0..<50))
        var h = RandomGenerator(seed: 11)
        XCTAssertEqual(h.permutation(50), p, "seeded determinism")
        let c = g.choice(from: 5, count: 1000)
        XCTAssertEqual(c.count, 1000)
        XCTAssertEqual(Set(c), Set(0..<5), "with replacement, every value appears")
        let s = try g.sample(from: 10, count: 4)
        XCTAssertEqual(Set(s).count, 4)
        XCTAssertThrowsError(try g.sample(from: 3, count: 4))
        // Every position of a shuffle is equally likely to receive element 0.
        var positions = [Int](repeating: 0, count: 4)
        for _ in 0..<40_000 {
            var a = [0, 1, 2, 3]
            g.shuffle(&a)
            positions[a.firstIndex(of: 0) ?? 0] += 1
        }
        for c in positions { XCTAssertEqual(Double(c), 10_000, accuracy: 400) }
    }
}
