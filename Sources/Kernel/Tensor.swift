/// An n-dimensional array of doubles: a shape and a contiguous, row-major buffer.
///
/// Row-major means the last index moves fastest: element (i, j) of a 2×3 tensor is `data[i*3 + j]`.
/// Elementwise operations broadcast like numpy: shapes are aligned from the right, and a dimension
/// of size 1 is stretched to match the other operand (a 1×3 bias added to every row of a 4×3 batch).
public struct Tensor: Equatable, Sendable, CustomStringConvertible {
    /// The size of each dimension; `[]` is a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; always `shape.reduce(1, *)` of them.
    public var data: [Double]

    /// Wraps `data` with `shape`, checking that the element count matches.
    public init(shape: [Int], data: [Double]) throws(KernelError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidArgument("tensor shape \(shape) has a negative dimension; use sizes ≥ 0")
        }
        let count = shape.reduce(1, *)
        guard count == data.count else {
            throw .invalidArgument("tensor shape \(shape) needs \(count) elements but \(data.count) were given")
        }
        self.shape = shape
        self.data = data
    }

    /// A tensor of `shape` with every element equal to `value`.
    public init(shape: [Int], repeating value: Double) {
        let safeShape = shape.map { Swift.max($0, 0) }
        self.shape = safeShape
        self.data = [Double](repeating: value, count: safeShape.reduce(1, *))
    }

    /// A scalar (shape `[]`).
    public init(scalar: Double) {
        shape = []
        data = [scalar]
    }

    /// A matrix from its rows, which must all have the same length.
    public init(rows: [[Double]]) throws(KernelError) {
        let columns = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == columns }) else {
            throw .invalidArgument("matrix rows have different lengths; every row needs \(columns) values")
        }
        shape = [rows.count, columns]
        data = rows.flatMap { $0 }
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }
    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }

    /// A tensor of independent uniform values in [low, high).
    public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1,
                               generator: inout RandomGenerator) -> Tensor {
        var t = Tensor(shape: shape, repeating: 0)
        for i in t.data.indices { t.data[i] = generator.uniform(low, high) }
        return t
    }

    /// A tensor of independent normal values.
    public static func normal(_ shape: [Int], mean: Double = 0, standardDeviation: Double = 1,
                              generator: inout RandomGenerator) -> Tensor {
        var t = Tensor(shape: shape, repeating: 0)
        for i in t.data.indices { t.data[i] = generator.normal(mean: mean, standardDeviation: standardDeviation) }
        return t
    }

    /// Number of elements.
    public var count: Int { data.count }
    /// Number of dimensions.
    public var rank: Int { shape.count }

    /// Element access by a full index, e.g. `t[1, 2]`.
    public subscript(_ index: Int...) -> Double {
        get { data[offset(of: index)] }
        set { data[offset(of: index)] = newValue }
    }

    private func offset(of index: [Int]) -> Int {
        var offset = 0
        for (i, size) in zip(index, shape) { offset = offset * size + i }
        return offset
    }

    /// The same elements viewed with another shape of the same element count.
    public func reshaped(_ newShape: [Int]) throws(KernelError) -> Tensor {
        try Tensor(shape: newShape, data: data)
    }

    public var description: String { "Tensor(shape: \(shape), data: \(data))" }

    // MARK: Elementwise with broadcasting

    /// The shape two operands broadcast to, or an error naming `operation` if they cannot.
    public static func broadcastShape(_ a: [Int], _ b: [Int], operation: String) throws(KernelError) -> [Int] {
        let rank = Swift.max(a.count, b.count)
        let paddedA = [Int](repeating: 1, count: rank - a.count) + a
        let paddedB = [Int](repeating: 1, count: rank - b.count) + b
        var result = [Int]()
        for (x, y) in zip(paddedA, paddedB) {
            guard x == y || x == 1 || y == 1 else { throw .shapeMismatch(operation: operation, left: a, right: b) }
            result.append(x == 1 ? y : x)
        }
        return result
    }

    /// Applies `combine` elementwise after broadcasting both operands to a common shape.
    public static func broadcasting(_ a: Tensor, _ b: Tensor, operation: String = "elementwise",
                                    _ combine: (Double, Double) -> Double) throws(KernelError) -> Tensor {
        if a.shape == b.shape {
            return Tensor(uncheckedShape: a.shape, data: zip(a.data, b.data).map(combine))
        }
        let shape = try broadcastShape(a.shape, b.shape, operation: operation)
        let stridesA = broadcastStrides(of: a.shape, to: shape)
        let stridesB = broadcastStrides(of: b.shape, to: shape)
        let count = shape.reduce(1, *)
        var out = [Double](repeating: 0, count: count)
        // Walk the output in order with an odometer over the index; each operand's offset moves by
        // its stride, which is 0 along a broadcast dimension (so the same element is reused).
        var index = [Int](repeating: 0, count: shape.count)
        var offsetA = 0, offsetB = 0
        for position in 0..<count {
            out[position] = combine(a.data[offsetA], b.data[offsetB])
            var dimension = shape.count - 1
            while dimension >= 0 {
                index[dimension] += 1
                offsetA += stridesA[dimension]
                offsetB += stridesB[dimension]
                if index[dimension] < shape[dimension] { break }
                offsetA -= stridesA[dimension] * shape[dimension]
                offsetB -= stridesB[dimension] * shape[dimension]
                index[dimension] = 0
                dimension -= 1
            }
        }
        return Tensor(uncheckedShape: shape, data: out)
    }

    /// Row-major strides of `shape` aligned to `target`, with stride 0 where `shape` is broadcast.
    private static func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        let padded = [Int](repeating: 1, count: target.count - shape.count) + shape
        var strides = [Int](repeating: 0, count: target.count)
        var step = 1
        for d in stride(from: target.count - 1, through: 0, by: -1) {
            strides[d] = padded[d] == 1 ? 0 : step
            step *= padded[d]
        }
        return strides
    }

    init(uncheckedShape shape: [Int], data: [Double]) {
        self.shape = shape
        self.data = data
    }

    /// Applies `transform` to every element.
    public func map(_ transform: (Double) -> Double) -> Tensor {
        Tensor(uncheckedShape: shape, data: data.map(transform))
    }

    public static func + (a: Tensor, b: Tensor) throws(KernelError) -> Tensor { try broadcasting(a, b, operation: "add", +) }
    public static func - (a: Tensor, b: Tensor) throws(KernelError) -> Tensor { try broadcasting(a, b, operation: "subtract", -) }
    public static func * (a: Tensor, b: Tensor) throws(KernelError) -> Tensor { try broadcasting(a, b, operation: "multiply", *) }
    public static func / (a: Tensor, b: Tensor) throws(KernelError) -> Tensor { try broadcasting(a, b, operation: "divide", /) }
    public static func * (a: Tensor, s: Double) -> Tensor { a.map { $0 * s } }
    public static func + (a: Tensor, s: Double) -> Tensor { a.map { $0 + s } }

    // MARK: Reductions

    /// Sum of all elements.
    public func sum() -> Double { data.reduce(0, +) }
    /// Mean of all elements (NaN for an empty tensor).
    public func mean() -> Double { data.isEmpty ? .nan : sum() / Double(data.count) }
    /// Largest element (NaN for an empty tensor; NaN elements propagate).
    public func max() -> Double {
        guard var best = data.first else { return .nan }
        for x in data { if x > best || x.isNaN { best = x } }
        return best
    }
    /// Flat index of the first largest element (0 for an empty tensor).
    public func argmax() -> Int {
        var bestIndex = 0
        for i in data.indices where data[i] > data[bestIndex] { bestIndex = i }
        return bestIndex
    }

    /// Sums over one axis, removing it from the shape (numpy's `sum(axis=)`).
    public func sum(axis: Int) throws(KernelError) -> Tensor {
        guard axis >= 0, axis < rank else {
            throw .invalidArgument("axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        let outer = shape[..<axis].reduce(1, *)
        let size = shape[axis]
        let inner = shape[(axis + 1)...].reduce(1, *)
        var out = [Double](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for s in 0..<size {
                let base = (o * size + s) * inner
                for i in 0..<inner { out[o * inner + i] += data[base + i] }
            }
        }
        var newShape = shape
        newShape.remove(at: axis)
        return Tensor(uncheckedShape: newShape, data: out)
    }

    /// Means over one axis, removing it from the shape.
    public func mean(axis: Int) throws(KernelError) -> Tensor {
        let total = try sum(axis: axis)
        return total * (1 / Double(shape[axis]))
    }

    // MARK: Matrices

    /// Matrix product of two 2-D tensors (m×k · k×n → m×n), using the blocked SIMD kernel.
    public func matmul(_ other: Tensor) throws(KernelError) -> Tensor {
        guard rank == 2, other.rank == 2, shape[1] == other.shape[0] else {
            throw .shapeMismatch(operation: "matmul", left: shape, right: other.shape)
        }
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        return Tensor(uncheckedShape: [m, n], data: Matmul.multiply(data, other.data, m: m, k: k, n: n))
    }

    /// The transpose of a 2-D tensor.
    public func transposed() throws(KernelError) -> Tensor {
        guard rank == 2 else { throw .invalidArgument("transpose needs a 2-D tensor, got shape \(shape)") }
        return Tensor(uncheckedShape: [shape[1], shape[0]],
                      data: Matmul.transpose(data, rows: shape[0], columns: shape[1]))
    }

    /// Elements per entry of the first dimension (a row of a matrix, a sample of a batch).
    private var rowSize: Int { shape.dropFirst().reduce(1, *) }

    /// The entries `range` of the first dimension: rows of a matrix, samples of a batch.
    public func rows(_ range: Range<Int>) throws(KernelError) -> Tensor {
        guard rank >= 1, range.lowerBound >= 0, range.upperBound <= shape[0] else {
            throw .invalidArgument("rows \(range) are outside 0..<\(shape.first ?? 0)")
        }
        var newShape = shape
        newShape[0] = range.count
        return Tensor(uncheckedShape: newShape,
                      data: Array(data[(range.lowerBound * rowSize)..<(range.upperBound * rowSize)]))
    }

    /// The entries of the first dimension listed in `indices`, in that order (a mini-batch).
    public func rows(_ indices: [Int]) throws(KernelError) -> Tensor {
        guard rank >= 1 else { throw .invalidArgument("cannot take rows of a scalar") }
        let size = rowSize
        var out = [Double]()
        out.reserveCapacity(indices.count * size)
        for i in indices {
            guard i >= 0, i < shape[0] else { throw .invalidArgument("row \(i) is outside 0..<\(shape[0])") }
            out.append(contentsOf: data[(i * size)..<((i + 1) * size)])
        }
        var newShape = shape
        newShape[0] = indices.count
        return Tensor(uncheckedShape: newShape, data: out)
    }
}
