import Foundation
import XCTest
@testable import Kernel

final class TensorTests: XCTestCase {
    func testShapeChecksAndIndexing() throws {
        let t = try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(t[1, 2], 6)
        XCTAssertEqual(t[0, 1], 2)
        XCTAssertThrowsError(try Tensor(shape: [2, 2], data: [1, 2, 3]))
        XCTAssertThrowsError(try Tensor(rows: [[1, 2], [3]]))
        XCTAssertEqual(try t.reshaped([3, 2])[2, 0], 5)
        XCTAssertThrowsError(try t.reshaped([4]))
    }

    func testBroadcastingLikeNumpy() throws {
        let m = try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        let row = try Tensor(shape: [3], data: [10, 20, 30])
        let column = try Tensor(shape: [2, 1], data: [100, 200])
        XCTAssertEqual(try (m + row).data, [11, 22, 33, 14, 25, 36])
        XCTAssertEqual(try (m * column).data, [100, 200, 300, 800, 1000, 1200])
        let outer = try column + row  // (2,1) + (3,) → (2,3)
        XCTAssertEqual(outer.shape, [2, 3])
        XCTAssertEqual(outer.data, [110, 120, 130, 210, 220, 230])
        XCTAssertEqual(try (m - Tensor(scalar: 1)).data, [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(try (m / m).data, [1, 1, 1, 1, 1, 1])
        XCTAssertThrowsError(try m + Tensor(shape: [2], data: [1, 2])) { error in
            XCTAssertEqual(error as? KernelError, .shapeMismatch(operation: "add", left: [2, 3], right: [2]))
        }
        let three = try Tensor(shape: [2, 1, 2], data: [1, 2, 3, 4]) + Tensor(shape: [3, 1], data: [0, 10, 20])
        XCTAssertEqual(three.shape, [2, 3, 2])
        XCTAssertEqual(three.data, [1, 2, 11, 12, 21, 22, 3, 4, 13, 14, 23, 24])
    }

    func testReductions() throws {
        let m = try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 9])
        XCTAssertEqual(m.sum(), 24)
        XCTAssertEqual(m.mean(), 4)
        XCTAssertEqual(m.max(), 9)
        XCTAssertEqual(m.argmax(), 5)
        XCTAssertEqual(try m.sum(axis: 0).data, [5, 7, 12])
        XCTAssertEqual(try m.sum(axis: 1).data, [6, 18])
        XCTAssertEqual(try m.mean(axis: 1).data, [2, 6])
        XCTAssertThrowsError(try m.sum(axis: 2))
        XCTAssert(Tensor.zeros([0]).mean().isNaN)
    }

    func testMatmulTransposeAndRows() throws {
        let a = try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        let b = try Tensor(shape: [3, 2], data: [7, 8, 9, 10, 11, 12])
        XCTAssertEqual(try a.matmul(b).data, [58, 64, 139, 154])
        XCTAssertThrowsError(try a.matmul(a))
        XCTAssertEqual(try a.transposed().data, [1, 4, 2, 5, 3, 6])
        XCTAssertEqual(try a.transposed().shape, [3, 2])
        XCTAssertEqual(try b.rows(1..<3).data, [9, 10, 11, 12])
        XCTAssertEqual(try b.rows([2, 0]).data, [11, 12, 7, 8])
        XCTAssertThrowsError(try b.rows([3]))
        XCTAssertThrowsError(try b.rows(2..<4))
    }

    func testNaNAndInfinityFlowThrough() throws {
        let t = try Tensor(shape: [2], data: [.nan, .infinity])
        let r = try t + Tensor(scalar: 1)
        XCTAssert(r.data[0].isNaN)
        XCTAssertEqual(r.data[1], .infinity)
    }
}

final class MatmulTests: XCTestCase {
    /// Sizes with edge tiles in every direction and more than one depth block.
    static let awkwardSizes = [(1, 1, 1), (7, 5, 9), (13, 300, 17), (64, 64, 64), (97, 258, 33), (6, 8, 8), (100, 3, 200), (75, 20, 10)]

    /// The blocked kernel must agree with the plain triple loop on awkward sizes, on every
    /// compiled path this CPU can run.
    func testBlockedKernelMatchesSimpleLoop() {
        for path in Matmul.Path.allCases where path.isAvailable {
            var g = RandomGenerator(seed: 5)
            for (m, k, n) in Self.awkwardSizes {
                let a = (0..<(m * k)).map { _ in g.uniform(-1, 1) }
                let b = (0..<(k * n)).map { _ in g.uniform(-1, 1) }
                var expected = [Double](repeating: 0, count: m * n)
                for i in 0..<m { for j in 0..<n { for p in 0..<k { expected[i * n + j] += a[i * k + p] * b[p * n + j] } } }
                let c = Matmul.multiply(a, b, m: m, k: k, n: n, path: path)
                assertClose(c, expected, relative: 1e-12, absolute: 1e-12, "\(path) \(m)×\(k)×\(n)")
                // multiplyAdd accumulates.
                var twice = c
                Matmul.multiplyAdd(a, b, into: &twice, m: m, k: k, n: n, path: path)
                assertClose(twice, c.map { 2 * $0 }, relative: 1e-12, absolute: 1e-12, "\(path)")
            }
        }
    }

    /// The AVX2 copy (6-row tile, fused multiply-adds) and the portable one (4-row tile, separate
    /// multiplies and adds) round differently but must agree to the last few bits, on sizes that
    /// hit every edge of both tile shapes.
    func testCompiledPathsAgree() throws {
        try XCTSkipUnless(Matmul.Path.avx2.isAvailable, "this CPU cannot run the AVX2 path")
        XCTAssertEqual(Matmul.fastestPath, .avx2)
        var g = RandomGenerator(seed: 9)
        for (m, k, n) in Self.awkwardSizes + [(5, 7, 3), (11, 129, 9), (73, 40, 16), (256, 256, 256)] {
            let a = (0..<(m * k)).map { _ in g.normal() * 1e3 }
            let b = (0..<(k * n)).map { _ in g.normal() * 1e-3 }
            let portable = Matmul.multiply(a, b, m: m, k: k, n: n, path: .portable)
            let avx2 = Matmul.multiply(a, b, m: m, k: k, n: n, path: .avx2)
            assertClose(avx2, portable, relative: 1e-12, absolute: 1e-12, "\(m)×\(k)×\(n)")
        }
    }

    /// The CPUID check agrees with what Linux reports in /proc/cpuinfo.
    func testAVX2DetectionAgreesWithTheOperatingSystem() throws {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flagsLine = try XCTUnwrap(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        let needed = ["avx", "avx2", "fma", "bmi1", "bmi2", "abm", "movbe", "f16c", "popcnt", "sse4_2", "cx16"]
        XCTAssertEqual(Matmul.Path.avx2.isAvailable, needed.allSatisfy(flags.contains),
                       "missing: \(needed.filter { !flags.contains($0) })")
        #else
        XCTAssertFalse(Matmul.Path.avx2.isAvailable)
        #endif
        XCTAssertTrue(Matmul.Path.portable.isAvailable)
    }

    func testTransposedVariantsUsedByBackward() {
        var g = RandomGenerator(seed: 6)
        for (m, k, n) in [(3, 4, 5), (40, 30, 20)] {
            let a = (0..<(m * k)).map { _ in g.uniform(-1, 1) }
            let b = (0..<(k * n)).map { _ in g.uniform(-1, 1) }
            let expected = Matmul.multiply(a, b, m: m, k: k, n: n)
            let at = Matmul.transpose(a, rows: m, columns: k), bt = Matmul.transpose(b, rows: k, columns: n)
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                var c = [Double](repeating: 0, count: m * n)
                let left = ta ? at : a, right = tb ? bt : b
                left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in c.withUnsafeMutableBufferPointer { cp in
                    Matmul.multiplyAdd(l.baseAddress!, transposeA: ta, r.baseAddress!, transposeB: tb,
                                       into: cp.baseAddress!, m: m, k: k, n: n)
                }}}
                assertClose(c, expected, relative: 1e-12, absolute: 1e-12, "transposeA \(ta) transposeB \(tb)")
            }
        }
    }
}
