/// The blocked, packed matrix product: the one loop in the kernel where speed decides what a demo
/// can show.
///
/// The textbook triple loop `c[i][j] += a[i][p] * b[p][j]` is correct but slow: it reads B down a
/// column (a cache miss per element) and keeps one sum in flight, while the CPU could keep a dozen.
/// This is the classic BLIS/GotoBLAS shape, cut down to what a teacher can read:
///
/// 1. **Cache blocking.** Work on a `depthBlock`-deep slice of the shared dimension at a time, so the
///    slices of A and B being combined stay in the L1/L2 caches while they are reused.
/// 2. **Packing.** Copy the slice of B into panels of 8 columns and the slice of A into panels of
///    4 (or 6) rows, laid out in exactly the order the inner loop reads them: every load is sequential.
///    Panels are padded with zeros, so the inner loop never needs an edge case.
/// 3. **A register-blocked micro-kernel.** A 4×8 tile of C lives in 8 `SIMD4<Double>` accumulators
///    for the whole depth of the slice; each step broadcasts one value of A per row and multiplies
///    it by two vectors of B. Eight independent sums hide the latency of the adds, and with the
///    two B vectors and the broadcasts everything fits in the 16 vector registers of x86-64 AVX2.
///    A 6×8 tile with separate multiplies and adds was measured 40% slower (the compiler spilled
///    accumulators to the stack); with fused multiply-adds it needs no temporaries and is the
///    faster one (see `fused`).
///
/// ## Why this module is separate, and everything in it is `@inlinable`
/// Speed depends on the instructions the compiler may use. x86-64's baseline only guarantees
/// 128-bit SSE2, so each `SIMD4<Double>` operation becomes two instructions; with AVX2 it is one and
/// throughput more than doubles. A binary built for AVX2 everywhere would crash on older CPUs, so
/// the code is compiled twice instead: every function here is inlined into its caller, once in the
/// `Kernel` module (portable flags) and once in `PackedMatmulAVX2` (built for Haswell (x86-64-v3)), and
/// `Kernel.Matmul` picks one at run time from what the CPU reports.
///
/// ## `fused`: the FMA trap, and when to step over it
/// The portable inner loop uses a plain `a * b + c`. Swift's `addProduct`/`fma` on SIMD types turns
/// into a slow library call unless the compile target has FMA instructions (measured 30× slower),
/// while `a * b + c` always compiles to vector multiplies and adds. Haswell-class CPUs do have FMA,
/// so the AVX2 copy passes `fused: true`: one `vfmadd` per vector instead of two instructions, and
/// a 6×8 tile whose 12 independent sums cover the FMA latency on both units (measured 20 → 31
/// GFLOP/s at n = 256). A fused multiply-add rounds once where `a * b + c` rounds twice, so the two
/// copies differ in the last bits (relative 1e-15 on these sizes); both are checked against the
/// plain triple loop. `fused` is a compile-time constant at each call site, so the branches on it
/// fold away.
public enum PackedMatmul {
    /// Rows of A handled by one micro-kernel call: 6 with fused multiply-adds, 4 without.
    @inlinable static func tileRows(fused: Bool) -> Int { fused ? 6 : 4 }
    /// Columns of B handled by one micro-kernel call (two SIMD4 vectors).
    @inlinable static var tileColumns: Int { 8 }
    /// Depth of the shared-dimension slice packed at once: a B panel is then 128·8 doubles (8 KiB,
    /// comfortably in L1) and an A panel 4·128 doubles.
    @inlinable static var depthBlock: Int { 128 }
    /// Rows of A packed at once (a multiple of `tileRows`): 64·128 doubles = 64 KiB, in L2
    /// (72 rows, 72 KiB, for the 6-row tile). Chosen by measurement; 96 and 128 rows were up to
    /// 2× slower at n = 128.
    @inlinable static func rowBlock(fused: Bool) -> Int { fused ? 72 : 64 }

    /// C += A · B on raw row-major buffers: A is m×k, B is k×n, C is m×n, all sizes positive.
    /// Pass `fused: true` only from code compiled for a CPU with FMA (see the type's documentation).
    @inlinable @inline(__always)
    public static func multiplyAdd(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                   into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
                                   fused: Bool = false) {
        let tileRows = tileRows(fused: fused), rowBlock = rowBlock(fused: fused)
        let columnPanels = (n + tileColumns - 1) / tileColumns
        let maxDepth = min(depthBlock, k)
        let maxRows = min(rowBlock, (m + tileRows - 1) / tileRows * tileRows)
        // Sized to this product, not to the largest block: zeroing 200 KiB per call would dominate
        // a 64×64 product. Every element is written by the packing routines before it is read.
        let packedB = UnsafeMutablePointer<SIMD4<Double>>.allocate(capacity: columnPanels * maxDepth * 2)
        let packedA = UnsafeMutablePointer<Double>.allocate(capacity: maxRows * maxDepth)
        defer { packedB.deallocate(); packedA.deallocate() }
        var depthStart = 0
        while depthStart < k {
            let depth = min(depthBlock, k - depthStart)
            packColumnPanels(b, n: n, depthStart: depthStart, depth: depth, into: packedB)
            var rowStart = 0
            while rowStart < m {
                let rows = min(rowBlock, m - rowStart)
                packRowPanels(a, k: k, rowStart: rowStart, rows: rows,
                              depthStart: depthStart, depth: depth, tileRows: tileRows, into: packedA)
                // Column panels outside, row panels inside: one 8 KiB panel of B stays in L1
                // while the small panels of A stream past it from L2.
                let rowPanels = (rows + tileRows - 1) / tileRows
                var columnPanel = 0
                while columnPanel < columnPanels {
                    var rowPanel = 0
                    while rowPanel < rowPanels {
                        microKernel(
                            packedA + rowPanel * tileRows * depth,
                            packedB + columnPanel * depth * 2,
                            depth: depth,
                            c: c, ldc: n,
                            row: rowStart + rowPanel * tileRows, rowLimit: m,
                            column: columnPanel * tileColumns, columnLimit: n, fused: fused)
                        rowPanel += 1
                    }
                    columnPanel += 1
                }
                rowStart += rowBlock
            }
            depthStart += depthBlock
        }
    }

    /// Copies B[depthStart..<depthStart+depth, all columns] into 8-column panels, each panel
    /// `depth` rows of two SIMD4 vectors, zero-padded past the last column.
    @inlinable @inline(__always)
    static func packColumnPanels(_ b: UnsafePointer<Double>, n: Int, depthStart: Int, depth: Int,
                                 into packed: UnsafeMutablePointer<SIMD4<Double>>) {
        let panels = (n + tileColumns - 1) / tileColumns
        var panel = 0
        while panel < panels {
            let column = panel * tileColumns
            let width = min(tileColumns, n - column)
            var p = 0
            while p < depth {
                let row = (depthStart + p) * n + column
                var low = SIMD4<Double>.zero, high = SIMD4<Double>.zero
                if width == tileColumns {
                    low = SIMD4(b[row], b[row + 1], b[row + 2], b[row + 3])
                    high = SIMD4(b[row + 4], b[row + 5], b[row + 6], b[row + 7])
                } else {
                    var j = 0
                    while j < width {
                        if j < 4 { low[j] = b[row + j] } else { high[j - 4] = b[row + j] }
                        j += 1
                    }
                }
                packed[(panel * depth + p) * 2] = low
                packed[(panel * depth + p) * 2 + 1] = high
                p += 1
            }
            panel += 1
        }
    }

    /// Copies A[rowStart..<rowStart+rows, depthStart..<depthStart+depth] into `tileRows`-row panels
    /// stored depth-major (the values the micro-kernel needs at step p are adjacent), zero-padded.
    @inlinable @inline(__always)
    static func packRowPanels(_ a: UnsafePointer<Double>, k: Int, rowStart: Int, rows: Int,
                              depthStart: Int, depth: Int, tileRows: Int, into packed: UnsafeMutablePointer<Double>) {
        let panels = (rows + tileRows - 1) / tileRows
        var panel = 0
        while panel < panels {
            let base = panel * tileRows * depth
            var r = 0
            while r < tileRows {
                let row = panel * tileRows + r
                var p = 0
                if row < rows {
                    let source = (rowStart + row) * k + depthStart
                    while p < depth { packed[base + p * tileRows + r] = a[source + p]; p += 1 }
                } else {
                    while p < depth { packed[base + p * tileRows + r] = 0; p += 1 }
                }
                r += 1
            }
            panel += 1
        }
    }

    /// Adds the product of one `tileRows`-row panel of A and one 8-column panel of B (both `depth`
    /// deep) into the tile of C at (row, column), skipping the rows and columns past the edge.
    @inlinable @inline(__always)
    static func microKernel(_ a: UnsafePointer<Double>, _ b: UnsafePointer<SIMD4<Double>>, depth: Int,
                            c: UnsafeMutablePointer<Double>, ldc: Int,
                            row: Int, rowLimit: Int, column: Int, columnLimit: Int, fused: Bool) {
        let tileRows = tileRows(fused: fused)
        // Row r of the tile is (cr0, cr1): columns 0–3 and 4–7. Rows 4 and 5 are used only by
        // the fused (6-row) tile; in the 4-row one the compiler removes them.
        var c00 = SIMD4<Double>.zero, c01 = SIMD4<Double>.zero
        var c10 = SIMD4<Double>.zero, c11 = SIMD4<Double>.zero
        var c20 = SIMD4<Double>.zero, c21 = SIMD4<Double>.zero
        var c30 = SIMD4<Double>.zero, c31 = SIMD4<Double>.zero
        var c40 = SIMD4<Double>.zero, c41 = SIMD4<Double>.zero
        var c50 = SIMD4<Double>.zero, c51 = SIMD4<Double>.zero
        var pa = a, pb = b
        var step = 0
        if fused {
            // One fused multiply-add per vector: 12 independent sums keep both FMA units busy
            // through their 4-cycle latency, in 12 + 2 + 1 of the 16 AVX2 registers.
            while step < depth {
                let b0 = pb[0], b1 = pb[1]
                var x = SIMD4<Double>(repeating: pa[0]); c00.addProduct(x, b0); c01.addProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[1]); c10.addProduct(x, b0); c11.addProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[2]); c20.addProduct(x, b0); c21.addProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[3]); c30.addProduct(x, b0); c31.addProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[4]); c40.addProduct(x, b0); c41.addProduct(x, b1)
                x = SIMD4<Double>(repeating: pa[5]); c50.addProduct(x, b0); c51.addProduct(x, b1)
                pa += tileRows
                pb += 2
                step += 1
            }
        } else {
            while step < depth {
                let b0 = pb[0], b1 = pb[1]
                let a0 = SIMD4<Double>(repeating: pa[0]), a1 = SIMD4<Double>(repeating: pa[1])
                let a2 = SIMD4<Double>(repeating: pa[2]), a3 = SIMD4<Double>(repeating: pa[3])
                c00 = a0 * b0 + c00; c01 = a0 * b1 + c01
                c10 = a1 * b0 + c10; c11 = a1 * b1 + c11
                c20 = a2 * b0 + c20; c21 = a2 * b1 + c21
                c30 = a3 * b0 + c30; c31 = a3 * b1 + c31
                pa += tileRows
                pb += 2
                step += 1
            }
        }
        let rows = min(tileRows, rowLimit - row)
        if rows == tileRows && column + tileColumns <= columnLimit {
            // A whole tile: add the accumulators straight into C, one vector at a time.
            let raw = UnsafeMutableRawPointer(c + row * ldc + column)
            let rowBytes = ldc * MemoryLayout<Double>.stride
            let halfBytes = 4 * MemoryLayout<Double>.stride
            @inline(__always) func add(_ v: SIMD4<Double>, row r: Int, half: Int) {
                let address = raw + r * rowBytes + half * halfBytes
                address.storeBytes(of: address.loadUnaligned(as: SIMD4<Double>.self) + v, as: SIMD4<Double>.self)
            }
            add(c00, row: 0, half: 0); add(c01, row: 0, half: 1)
            add(c10, row: 1, half: 0); add(c11, row: 1, half: 1)
            add(c20, row: 2, half: 0); add(c21, row: 2, half: 1)
            add(c30, row: 3, half: 0); add(c31, row: 3, half: 1)
            if fused {
                add(c40, row: 4, half: 0); add(c41, row: 4, half: 1)
                add(c50, row: 5, half: 0); add(c51, row: 5, half: 1)
            }
            return
        }
        // An edge tile: copy out only the rows and columns inside C.
        let width = min(tileColumns, columnLimit - column)
        var r = 0
        while r < rows {
            let low: SIMD4<Double>, high: SIMD4<Double>
            switch r {
            case 0: (low, high) = (c00, c01)
            case 1: (low, high) = (c10, c11)
            case 2: (low, high) = (c20, c21)
            case 3: (low, high) = (c30, c31)
            case 4: (low, high) = (c40, c41)
            default: (low, high) = (c50, c51)
            }
            let base = (row + r) * ldc + column
            var j = 0
            while j < width { c[base + j] += j < 4 ? low[j] : high[j - 4]; j += 1 }
            r += 1
        }
    }
}
