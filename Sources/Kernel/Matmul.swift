/// Matrix multiplication, the one loop in the kernel where speed decides what a demo can show.
///
/// The textbook triple loop `c[i][j] += a[i][p] * b[p][j]` is correct but slow: it reads B down a
/// column (a cache miss per element) and keeps one sum in flight, while the CPU could keep a dozen.
/// The fast path below is the classic BLIS/GotoBLAS shape, cut down to what a teacher can read:
///
/// 1. **Cache blocking.** Work on a `depthBlock`-deep slice of the shared dimension at a time, so the
///    slices of A and B being combined stay in the L1/L2 caches while they are reused.
/// 2. **Packing.** Copy the slice of B into panels of 8 columns and the slice of A into panels of
///    4 rows, laid out in exactly the order the inner loop reads them: every load is sequential.
///    Panels are padded with zeros, so the inner loop never needs an edge case.
/// 3. **A register-blocked micro-kernel.** A 4×8 tile of C lives in 8 `SIMD4<Double>` accumulators
///    for the whole depth of the slice; each step broadcasts one value of A per row and multiplies
///    it by two vectors of B. Eight independent sums hide the latency of the adds, and with the
///    two B vectors and the broadcasts everything fits in the 16 vector registers of x86-64 AVX2
///    (a 6×8 tile was measured 40% slower: the compiler spilled accumulators to the stack).
///
/// Speed depends on the compile target. x86-64's baseline only guarantees 128-bit SSE2, so each
/// `SIMD4<Double>` operation becomes two instructions; building with AVX2 enabled
/// (`-Xswiftc -target-cpu -Xswiftc haswell`) makes them one and more than doubles throughput.
///
/// The inner loop uses a plain `a * b + c`. Swift's `addingProduct`/`fma` on SIMD types turns into a
/// slow library call unless the compile target has FMA instructions (measured 30× slower), while
/// `a * b + c` always compiles to vector multiplies and adds.
public enum Matmul {
    /// Rows of A handled by one micro-kernel call.
    static let tileRows = 4
    /// Columns of B handled by one micro-kernel call (two SIMD4 vectors).
    static let tileColumns = 8
    /// Depth of the shared-dimension slice packed at once: a B panel is then 128·8 doubles (8 KiB,
    /// comfortably in L1) and an A panel 4·128 doubles.
    static let depthBlock = 128
    /// Rows of A packed at once (a multiple of `tileRows`): 64·128 doubles = 64 KiB, in L2.
    /// Chosen by measurement; 96 and 128 rows were up to 2× slower at n = 128.
    static let rowBlock = 64

    /// C = A · B for row-major matrices: A is m×k, B is k×n, the result is m×n.
    public static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        multiplyAdd(a, b, into: &c, m: m, k: k, n: n)
        return c
    }

    /// C += A · B for row-major matrices: A is m×k, B is k×n, C is m×n.
    ///
    /// The caller guarantees the array sizes (the tensor and tape layers check shapes first);
    /// mismatched sizes are clamped to an empty product rather than reading out of bounds.
    public static func multiplyAdd(_ a: [Double], _ b: [Double], into c: inout [Double], m: Int, k: Int, n: Int) {
        guard m > 0, n > 0, k > 0, a.count >= m * k, b.count >= k * n, c.count >= m * n else { return }
        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
            guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
            multiplyAdd(a, transposeA: false, b, transposeB: false, into: c, m: m, k: k, n: n)
        }}}
    }

    /// Products smaller than this many multiply-adds skip packing (measured crossover: 8³).
    static let packingThreshold = 512
    /// Transposed products smaller than this run as direct loops instead of copying the transpose.
    static let transposeThreshold = 4096

    /// The blocked, packed product C += A · B on raw row-major buffers.
    static func blockedMultiplyAdd(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                   into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
        let columnPanels = (n + tileColumns - 1) / tileColumns
        let maxDepth = min(depthBlock, k)
        let maxRows = min(rowBlock, (m + tileRows - 1) / tileRows * tileRows)
        // Sized to this product, not to the largest block: zeroing 200 KiB per call would dominate
        // a 64×64 product. Every element is written by the packing routines before it is read.
        var packedB = [SIMD4<Double>](repeating: .zero, count: columnPanels * maxDepth * 2)
        var packedA = [Double](repeating: 0, count: maxRows * maxDepth)
        packedB.withUnsafeMutableBufferPointer { packedB in
        packedA.withUnsafeMutableBufferPointer { packedA in
            guard let packedABase = packedA.baseAddress, let packedBBase = packedB.baseAddress else { return }
            for depthStart in stride(from: 0, to: k, by: depthBlock) {
                let depth = min(depthBlock, k - depthStart)
                packColumnPanels(b, n: n, depthStart: depthStart, depth: depth, into: packedB)
                for rowStart in stride(from: 0, to: m, by: rowBlock) {
                    let rows = min(rowBlock, m - rowStart)
                    packRowPanels(a, k: k, rowStart: rowStart, rows: rows,
                                  depthStart: depthStart, depth: depth, into: packedA)
                    // Column panels outside, row panels inside: one 8 KiB panel of B stays in L1
                    // while the small panels of A stream past it from L2.
                    for columnPanel in 0..<columnPanels {
                        for rowPanel in 0..<((rows + tileRows - 1) / tileRows) {
                            microKernel(
                                packedABase + rowPanel * tileRows * depth,
                                packedBBase + columnPanel * depth * 2,
                                depth: depth,
                                c: c, ldc: n,
                                row: rowStart + rowPanel * tileRows, rowLimit: m,
                                column: columnPanel * tileColumns, columnLimit: n)
                        }
                    }
                }
            }
        }}
    }

    /// Copies B[depthStart..<depthStart+depth, all columns] into 8-column panels, each panel
    /// `depth` rows of two SIMD4 vectors, zero-padded past the last column.
    private static func packColumnPanels(_ b: UnsafePointer<Double>, n: Int, depthStart: Int, depth: Int,
                                         into packed: UnsafeMutableBufferPointer<SIMD4<Double>>) {
        let panels = (n + tileColumns - 1) / tileColumns
        for panel in 0..<panels {
            let column = panel * tileColumns
            let width = min(tileColumns, n - column)
            for p in 0..<depth {
                let row = (depthStart + p) * n + column
                var low = SIMD4<Double>.zero, high = SIMD4<Double>.zero
                if width == tileColumns {
                    low = SIMD4(b[row], b[row + 1], b[row + 2], b[row + 3])
                    high = SIMD4(b[row + 4], b[row + 5], b[row + 6], b[row + 7])
                } else {
                    for j in 0..<width {
                        if j < 4 { low[j] = b[row + j] } else { high[j - 4] = b[row + j] }
                    }
                }
                packed[(panel * depth + p) * 2] = low
                packed[(panel * depth + p) * 2 + 1] = high
            }
        }
    }

    /// Copies A[rowStart..<rowStart+rows, depthStart..<depthStart+depth] into 4-row panels stored
    /// depth-major (the 4 values the micro-kernel needs at step p are adjacent), zero-padded.
    private static func packRowPanels(_ a: UnsafePointer<Double>, k: Int, rowStart: Int, rows: Int,
                                      depthStart: Int, depth: Int, into packed: UnsafeMutableBufferPointer<Double>) {
        let panels = (rows + tileRows - 1) / tileRows
        for panel in 0..<panels {
            let base = panel * tileRows * depth
            for r in 0..<tileRows {
                let row = panel * tileRows + r
                if row < rows {
                    let source = (rowStart + row) * k + depthStart
                    for p in 0..<depth { packed[base + p * tileRows + r] = a[source + p] }
                } else {
                    for p in 0..<depth { packed[base + p * tileRows + r] = 0 }
                }
            }
        }
    }

    /// Adds the product of one 4-row panel of A and one 8-column panel of B (both `depth` deep)
    /// into the 4×8 tile of C at (row, column), skipping the rows and columns past the edge.
    @inline(__always)
    private static func microKernel(_ a: UnsafePointer<Double>, _ b: UnsafePointer<SIMD4<Double>>, depth: Int,
                                    c: UnsafeMutablePointer<Double>, ldc: Int,
                                    row: Int, rowLimit: Int, column: Int, columnLimit: Int) {
        // Row r of the tile is (cr0, cr1): columns 0–3 and 4–7.
        var c00 = SIMD4<Double>.zero, c01 = SIMD4<Double>.zero
        var c10 = SIMD4<Double>.zero, c11 = SIMD4<Double>.zero
        var c20 = SIMD4<Double>.zero, c21 = SIMD4<Double>.zero
        var c30 = SIMD4<Double>.zero, c31 = SIMD4<Double>.zero
        var pa = a, pb = b
        for _ in 0..<depth {
            let b0 = pb[0], b1 = pb[1]
            let a0 = SIMD4<Double>(repeating: pa[0]), a1 = SIMD4<Double>(repeating: pa[1])
            let a2 = SIMD4<Double>(repeating: pa[2]), a3 = SIMD4<Double>(repeating: pa[3])
            c00 = a0 * b0 + c00; c01 = a0 * b1 + c01
            c10 = a1 * b0 + c10; c11 = a1 * b1 + c11
            c20 = a2 * b0 + c20; c21 = a2 * b1 + c21
            c30 = a3 * b0 + c30; c31 = a3 * b1 + c31
            pa += tileRows
            pb += 2
        }
        let rows = min(tileRows, rowLimit - row)
        if rows == tileRows && column + tileColumns <= columnLimit {
            // A whole tile: add the accumulators straight into C, one vector at a time.
            let raw = UnsafeMutableRawPointer(c + row * ldc + column)
            let stride = ldc * MemoryLayout<Double>.stride
            func add(_ v: SIMD4<Double>, row r: Int, half: Int) {
                let address = raw + r * stride + half * 4 * MemoryLayout<Double>.stride
                address.storeBytes(of: address.loadUnaligned(as: SIMD4<Double>.self) + v, as: SIMD4<Double>.self)
            }
            add(c00, row: 0, half: 0); add(c01, row: 0, half: 1)
            add(c10, row: 1, half: 0); add(c11, row: 1, half: 1)
            add(c20, row: 2, half: 0); add(c21, row: 2, half: 1)
            add(c30, row: 3, half: 0); add(c31, row: 3, half: 1)
            return
        }
        // An edge tile: copy out only the rows and columns inside C.
        let width = min(tileColumns, columnLimit - column)
        withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: 2 * tileRows) { tile in
            tile[0] = c00; tile[1] = c01; tile[2] = c10; tile[3] = c11; tile[4] = c20; tile[5] = c21
            tile[6] = c30; tile[7] = c31
            for r in 0..<rows {
                let base = (row + r) * ldc + column
                for j in 0..<width { c[base + j] += tile[2 * r + j / 4][j % 4] }
            }
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
                            into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
        guard m > 0, n > 0, k > 0 else { return }
        let size = m * n * k
        if !transposeA && !transposeB && size >= packingThreshold {
            blockedMultiplyAdd(a, b, into: c, m: m, k: k, n: n)
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
                blockedMultiplyAdd(leftBase, rightBase, into: c, m: m, k: k, n: n)
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
