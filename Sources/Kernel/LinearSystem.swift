/// Solving small dense linear systems A·x = b, for the closed-form and Newton fits.
public enum LinearSystem {
    /// Solves A·x = b by Gaussian elimination with partial pivoting (swap in the largest pivot of
    /// each column, which keeps rounding errors from growing). `a` is n×n, row by row.
    public static func solve(_ a: [[Double]], _ b: [Double]) throws(KernelError) -> [Double] {
        let n = b.count
        guard a.count == n, a.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch(operation: "LinearSystem.solve", left: [a.count, a.first?.count ?? 0], right: [n])
        }
        var m = a
        var x = b
        // A tolerance relative to the matrix's size decides "this pivot is zero".
        let scale = a.joined().reduce(0) { max($0, abs($1)) }
        let tiny = Double(n) * scale * Double.ulpOfOne
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<max(n, column + 1) where abs(m[row][column]) > abs(m[pivot][column]) { pivot = row }
            guard abs(m[pivot][column]) > tiny else {
                throw .singularMatrix("column \(column) has no usable pivot (the columns are linearly dependent)")
            }
            if pivot != column {
                m.swapAt(pivot, column)
                x.swapAt(pivot, column)
            }
            for row in (column + 1)..<max(n, column + 1) {
                let factor = m[row][column] / m[column][column]
                if factor == 0 { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                x[row] -= factor * x[column]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<max(n, row + 1) { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
