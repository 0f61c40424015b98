import PackedMatmul

/// `PackedMatmul` compiled for x86-64-v3 / Haswell (AVX2): Package.swift builds this module, and only this
/// module, with `-target-cpu haswell` (the x86-64-v3 level), so the inlined kernel below uses 256-bit vectors and fused multiply-adds.
///
/// Calling it on a CPU without AVX2 stops the program with an illegal instruction, so nothing
/// calls it directly: `Kernel.Matmul` calls it only after asking the CPU (see CPUFeatures).
/// On other architectures the flag is not set and this is the same code as the portable path.
public enum PackedMatmulAVX2 {
    /// C += A · B on raw row-major buffers: A is m×k, B is k×n, C is m×n, all sizes positive.
    @inline(never)
    public static func multiplyAdd(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                   into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
        PackedMatmul.multiplyAdd(a, b, into: c, m: m, k: k, n: n, fused: true)
    }
}
