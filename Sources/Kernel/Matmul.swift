/// Matrix multiplication, the one loop in the kernel where speed decides what a demo can show.
///
/// The textbook triple loop `c[i][j] += a[i][p] * b[p][j]` is correct but slow: it reads B down a
/// column (a cache miss per element) and keeps one sum in flight, while the CPU could keep a dozen.
/// The fast path below is the classic BLIS/GotoBLAS shape, cut down to what a teacher can read:
///
/// 1. **Cache blocking.** Work on a `depthBlock`-deep slice of the shared dimension at a time, so the
///    slices of A and B being combined stay in the L1/L2 caches while they are reused.
/// 2. **Packing.** Copy the slice of B into panels of 8 columns and the slice of A into panels of
///    6 rows, laid out in exactly the order the inner loop reads them: every load is sequential.
///    Panels are padded with zeros, so the inner loop never needs an edge case.
/// 3. **A register-blocked micro-kernel.** A 6×8 tile of C lives in 12 `SIMD4<Double>` accumulators
///    for the whole depth of the slice; each step broadcasts one value of A per row and multiplies
///    it by two vectors of B. Twelve independent sums hide the latency of the adds.
///
/// The inner loop uses a plain `a * b + c`. Swift's `addingProduct`/`fma` on SIMD types turns into a
/// slow library call unless the compile target has FMA instructions (measured 30× slower), while
/// `a * b + c` always compiles to vector multiplies and adds.
public enum Matmul {
    /// Rows of A handled by one micro-kernel call.
    static let tileRows = 6
    /// Columns of B handled by one micro-kernel call (two SIMD4 vectors).
    static let tileColumns = 8
    /// Depth of the shared-dimension slice packed at once (6·256 + 8·256 doubles ≈ 28 KiB: L1/L2).
    static let depthBlock = 256
    /// Rows of A packed at once (a multiple of `tileRows`).
    static let rowBlock = 96

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
        // Tiny products (the MLP's 32×16·16×16) are dominated by packing; the simple loop wins there.
        if m * n * k < 4096 {
            simpleMultiplyAdd(a, b, into: &c, m: m, k: k, n: n)
            return
        }
        let columnPanels = (n + tileColumns - 1) / tileColumns
        let maxDepth = min(depthBlock, k)
        let maxRows = min(rowBlock, (m + tileRows - 1) / tileRows * tileRows)
        // Sized to this product, not to the largest block: zeroing 200 KiB per call would dominate
        // a 64×64 product. Every element is written by the packing routines before it is read.
        var packedB = [SIMD4<Double>](repeating: .zero, count: columnPanels * maxDepth * 2)
        var packedA = [Double](repeating: 0, count: maxRows * maxDepth)

        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
        packedB.withUnsafeMutableBufferPointer { packedB in
        packedA.withUnsafeMutableBufferPointer { packedA in
            for depthStart in stride(from: 0, to: k, by: depthBlock) {
                let depth = min(depthBlock, k - depthStart)
                packColumnPanels(b, n: n, depthStart: depthStart, depth: depth, into: packedB)
                for rowStart in stride(from: 0, to: m, by: rowBlock) {
                    let rows = min(rowBlock, m - rowStart)
                    packRowPanels(a, k: k, rowStart: rowStart, rows: rows,
                                  depthStart: depthStart, depth: depth, into: packedA)
                    for rowPanel in 0..<((rows + tileRows - 1) / tileRows) {
                        for columnPanel in 0..<columnPanels {
                            microKernel(
                                packedA.baseAddress! + rowPanel * tileRows * depth,
                                packedB.baseAddress! + columnPanel * depth * 2,
                                depth: depth,
                                c: c, ldc: n,
                                row: rowStart + rowPanel * tileRows, rowLimit: m,
                                column: columnPanel * tileColumns, columnLimit: n)
                        }
                    }
                }
            }
        }}}}}
    }

    /// Copies B[depthStart..<depthStart+depth, all columns] into 8-column panels, each panel
    /// `depth` rows of two SIMD4 vectors, zero-padded past the last column.
    private static func packColumnPanels(_ b: UnsafeBufferPointer<Double>, n: Int, depthStart: Int, depth: Int,
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

    /// Copies A[rowStart..<rowStart+rows, depthStart..<depthStart+depth] into 6-row panels stored
    /// depth-major (the 6 values the micro-kernel needs at step p are adjacent), zero-padded.
    private static func packRowPanels(_ a: UnsafeBufferPointer<Double>, k: Int, rowStart: Int, rows: Int,
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

    /// Adds the product of one 6-row panel of A and one 8-column panel of B (both `depth` deep)
    /// into the 6×8 tile of C at (row, column), skipping the rows and columns past the edge.
    @inline(__always)
    private static func microKernel(_ a: UnsafePointer<Double>, _ b: UnsafePointer<SIMD4<Double>>, depth: Int,
                                    c: UnsafeMutableBufferPointer<Double>, ldc: Int,
                                    row: Int, rowLimit: Int, column: Int, columnLimit: Int) {
        // Twelve accumulators: row r of the tile is (cr0, cr1), columns 0–3 and 4–7.
        var c00 = SIMD4<Double>.zero, c01 = SIMD4<Double>.zero
        var c10 = SIMD4<Double>.zero, c11 = SIMD4<Double>.zero
        var c20 = SIMD4<Double>.zero, c21 = SIMD4<Double>.zero
        var c30 = SIMD4<Double>.zero, c31 = SIMD4<Double>.zero
        var c40 = SIMD4<Double>.zero, c41 = SIMD4<Double>.zero
        var c50 = SIMD4<Double>.zero, c51 = SIMD4<Double>.zero
        var pa = a, pb = b
        for _ in 0..<depth {
            let b0 = pb[0], b1 = pb[1]
            var s = SIMD4<Double>(repeating: pa[0]); c00 = s * b0 + c00; c01 = s * b1 + c01
            s = SIMD4<Double>(repeating: pa[1]); c10 = s * b0 + c10; c11 = s * b1 + c11
            s = SIMD4<Double>(repeating: pa[2]); c20 = s * b0 + c20; c21 = s * b1 + c21
            s = SIMD4<Double>(repeating: pa[3]); c30 = s * b0 + c30; c31 = s * b1 + c31
            s = SIMD4<Double>(repeating: pa[4]); c40 = s * b0 + c40; c41 = s * b1 + c41
            s = SIMD4<Double>(repeating: pa[5]); c50 = s * b0 + c50; c51 = s * b1 + c51
            pa += tileRows
            pb += 2
        }
        let rows = min(tileRows, rowLimit - row)
        if rows == tileRows && column + tileColumns <= columnLimit {
            // A whole tile: add the accumulators straight into C, one vector at a time.
            let raw = UnsafeMutableRawPointer(c.baseAddress! + row * ldc + column)
            let stride = ldc * MemoryLayout<Double>.stride
            func add(_ v: SIMD4<Double>, row r: Int, half: Int) {
                let address = raw + r * stride + half * 4 * MemoryLayout<Double>.stride
                address.storeBytes(of: address.loadUnaligned(as: SIMD4<Double>.self) + v, as: SIMD4<Double>.self)
            }
            add(c00, row: 0, half: 0); add(c01, row: 0, half: 1)
            add(c10, row: 1, half: 0); add(c11, row: 1, half: 1)
            add(c20, row: 2, half: 0); add(c21, row: 2, half: 1)
            add(c30, row: 3, half: 0); add(c31, row: 3, half: 1)
            add(c40, row: 4, half: 0); add(c41, row: 4, half: 1)
            add(c50, row: 5, half: 0); add(c51, row: 5, half: 1)
            return
        }
        // An edge tile: copy out only the rows and columns inside C.
        let width = min(tileColumns, columnLimit - column)
        withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: 2 * tileRows) { tile in
            tile[0] = c00; tile[1] = c01; tile[2] = c10; tile[3] = c11; tile[4] = c20; tile[5] = c21
            tile[6] = c30; tile[7] = c31; tile[8] = c40; tile[9] = c41; tile[10] = c50; tile[11] = c51
            for r in 0..<rows {
                let base = (row + r) * ldc + column
                for j in 0..<width { c[base + j] += tile[2 * r + j / 4][j % 4] }
            }
        }
    }

    /// C += A · B by the i-p-j loop order: B and C are walked along rows, so it is cache-friendly
    /// and the compiler vectorizes the innermost loop. Used for small products and as the reference.
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
        if m * n * k >= 4096 {
            let left = transposeA ? transpose(Array(UnsafeBufferPointer(start: a, count: m * k)), rows: k, columns: m)
                                  : Array(UnsafeBufferPointer(start: a, count: m * k))
            let right = transposeB ? transpose(Array(UnsafeBufferPointer(start: b, count: k * n)), rows: n, columns: k)
                                   : Array(UnsafeBufferPointer(start: b, count: k * n))
            var product = [Double](repeating: 0, count: m * n)
            multiplyAdd(left, right, into: &product, m: m, k: k, n: n)
            for i in 0..<(m * n) { c[i] += product[i] }
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
