import CPUFeatures
import PackedMatmul
import PackedMatmulAVX2

/// Matrix multiplication, the one loop in the kernel where speed decides what a demo can show.
///
/// Small products run as plain loops in a cache-friendly order. Large ones go to the blocked,
/// packed SIMD kernel in the `PackedMatmul` module (its documentation explains the method), which
/// exists in two compiled copies: a portable one (x86-64's SSE2 baseline, or the host's own vector
/// unit elsewhere) and, on x86-64, one built for AVX2. The CPU is asked once which it can run.
/// The AVX2 copy uses fused multiply-adds, which round once instead of twice, so its results
/// differ from the portable copy's in the last bits (about 1e-15 relative); the tests hold both
/// to the plain triple loop.
public enum Matmul {
    /// A compiled copy of the packed kernel.
    public enum Path: String, Sendable, CaseIterable {
        /// Built for the architecture's baseline: runs on every CPU.
        case portable
        /// Built for x86-64-v3 (AVX2): about twice as fast, on x86-64 CPUs from 2013 (Intel
        /// Haswell) and 2015 (AMD Excavator) on.
        case avx2

        /// Whether this CPU and operating system can run this path.
        public var isAvailable: Bool {
            switch self {
            case .portable: true
            case .avx2: Matmul.cpuSupportsAVX2
            }
        }
    }

    /// Asked once: CPUID and XGETBV are cheap, but not free. (The C side answers 0 off x86-64.)
    private static let cpuSupportsAVX2 = aitutor_cpu_supports_x86_64_v3() == 1

    /// The path large products take: the fastest one this machine can run.
    public static var fastestPath: Path { Path.avx2.isAvailable ? .avx2 : .portable }

    /// C = A · B for row-major matrices: A is m×k, B is k×n, the result is m×n. `path` chooses
    /// the compiled copy of the packed kernel (benchmarks compare them); the default is the fastest.
    public static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int,
                                path: Path = fastestPath) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        multiplyAdd(a, b, into: &c, m: m, k: k, n: n, path: path)
        return c
    }

    /// C += A · B for row-major matrices: A is m×k, B is k×n, C is m×n.
    ///
    /// The caller guarantees the array sizes (the tensor and tape layers check shapes first);
    /// mismatched sizes are clamped to an empty product rather than reading out of bounds.
    public static func multiplyAdd(_ a: [Double], _ b: [Double], into c: inout [Double], m: Int, k: Int, n: Int,
                                   path: Path = fastestPath) {
        guard m > 0, n > 0, k > 0, a.count >= m * k, b.count >= k * n, c.count >= m * n else { return }
        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
            guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
            multiplyAdd(a, transposeA: false, b, transposeB: false, into: c, m: m, k: k, n: n, path: path)
        }}}
    }

    /// Products smaller than this many multiply-adds skip packing (measured crossover: 8³).
    static let packingThreshold = 512
    /// Transposed products smaller than this run as direct loops instead of copying the transpose.
    static let transposeThreshold = 4096

    /// The packed kernel, C += A · B on raw row-major buffers, on the given path (the portable
    /// one when the asked-for path cannot run here).
    static func blockedMultiplyAdd(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                   into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
                                   path: Path) {
        if path == .avx2 && Path.avx2.isAvailable {
            PackedMatmulAVX2.multiplyAdd(a, b, into: c, m: m, k: k, n: n)
        } else {
            PackedMatmul.multiplyAdd(a, b, into: c, m: m, k: k, n: n)
        }
    }

    /// C += A · B by the i-p-j loop order: B and C are walked along rows, so it is cache-friendly.
    /// The plain version of what the blocked kernel computes; the tests use it as the reference.
    public static func simpleMultiplyAdd(_ a: [Double], _ b: [Double], into c: inout [Double], m: Int, k: Int, n: Int) {
        guard m > 0, n > 0, k > 0, a.count >= m * k, b.count >= k * n, c.count >= m * n else { return }
        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
            for i in 0..<m {
                for p in 0..<k {
                    let aip = a[i * k + p]
                    let bRow = p * n, cRow = i * n
                    for j in 0..<n { c[cRow + j] = aip * b[bRow + j] + c[cRow + j] }
                }
            }
        }}}
    }

    /// C += op(A) · op(B) on raw row-major buffers, where op transposes when asked: the three
    /// products a backward pass needs (A·B, dC·Bᵀ, Aᵀ·dC). `m`, `k`, `n` are the sizes of the
    /// product itself: op(A) is m×k, op(B) is k×n, C is m×n.
    ///
    /// Small products run as direct loops in a cache-friendly order; large ones copy the
    /// transposed operand once and hand over to the blocked kernel.
    static func multiplyAdd(_ a: UnsafePointer<Double>, transposeA: Bool,
                            _ b: UnsafePointer<Double>, transposeB: Bool,
                            into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
                            path: Path = fastestPath) {
        guard m > 0, n > 0, k > 0 else { return }
        let size = m * n * k
        if !transposeA && !transposeB && size >= packingThreshold {
            blockedMultiplyAdd(a, b, into: c, m: m, k: k, n: n, path: path)
            return
        }
        if (transposeA || transposeB) && size >= transposeThreshold {
            // Copy the transposed operands once, then use the fast kernel.
            let left = transposeA ? transpose(Array(UnsafeBufferPointer(start: a, count: m * k)), rows: k, columns: m) : []
            let right = transposeB ? transpose(Array(UnsafeBufferPointer(start: b, count: k * n)), rows: n, columns: k) : []
            left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                // An empty array's base address is not the operand: pick explicitly.
                let leftBase = transposeA ? left.baseAddress : a
                let rightBase = transposeB ? right.baseAddress : b
                guard let leftBase, let rightBase else { return }
                blockedMultiplyAdd(leftBase, rightBase, into: c, m: m, k: k, n: n, path: path)
            }}
            return
        }
        switch (transposeA, transposeB) {
        case (false, false):
            // i-p-j: one value of A times a whole row of B, added to a row of C.
            for i in 0..<m {
                for p in 0..<k {
                    let aip = a[i * k + p]
                    for j in 0..<n { c[i * n + j] = aip * b[p * n + j] + c[i * n + j] }
                }
            }
        case (false, true):
            // B is stored n×k, so C[i][j] is the dot product of two stored rows.
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k { sum = a[i * k + p] * b[j * k + p] + sum }
                    c[i * n + j] += sum
                }
            }
        case (true, false):
            // A is stored k×m: walk it row by row, spreading each value over a row of C.
            for p in 0..<k {
                for i in 0..<m {
                    let api = a[p * m + i]
                    for j in 0..<n { c[i * n + j] = api * b[p * n + j] + c[i * n + j] }
                }
            }
        case (true, true):
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k { sum = a[p * m + i] * b[j * k + p] + sum }
                    c[i * n + j] += sum
                }
            }
        }
    }

    /// Returns the n×m transpose of a row-major m×n matrix.
    public static func transpose(_ a: [Double], rows m: Int, columns n: Int) -> [Double] {
        guard m > 0, n > 0, a.count >= m * n else { return [] }
        var t = [Double](repeating: 0, count: m * n)
        // Blocks of 32×32 keep both the rows being read and the rows being written in cache.
        let block = 32
        for i0 in stride(from: 0, to: m, by: block) {
            for j0 in stride(from: 0, to: n, by: block) {
                for i in i0..<min(i0 + block, m) {
                    for j in j0..<min(j0 + block, n) { t[j * m + i] = a[i * n + j] }
                }
            }
        }
        return t
    }
}
