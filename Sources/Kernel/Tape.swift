import Foundation

/// A value recorded on a `Tape`: just its position in the tape's node list.
///
/// Because a variable is an integer, building a graph allocates no objects; the tape owns all
/// numbers in two flat arrays, and the backward pass is one loop over the nodes in reverse.
public struct Variable: Hashable, Sendable {
    /// Index of the node on its tape.
    public let index: Int
}

/// Reverse-mode automatic differentiation on a tape (a "Wengert list").
///
/// Every operation appends one node: where its result lives in the flat `values` array, its shape,
/// and which operation made it from which earlier nodes (by index). Because nodes are appended in
/// the order they are computed, walking the list backwards visits every node after all of its
/// users, which is exactly the order the chain rule needs:
///
///     grad[input] += (∂ output / ∂ input) · grad[output]
///
/// Values are matrices (`rows × columns`, row-major); a scalar is 1×1 and a vector is 1×n.
/// Binary operations broadcast a dimension of size 1, so a 1×n bias adds to every row of a
/// batch and a 1×1 constant scales everything. Reuse one tape across training steps with
/// `removeAll()`: it keeps its memory, so a warmed-up step allocates almost nothing.
///
///     var tape = Tape()
///     let x = tape.variable([3], rows: 1, columns: 1)
///     let y = try tape.multiply(x, x)      // y = x²
///     tape.backward(from: y)
///     tape.gradient(of: x)                 // [6.0]
///
/// The tape is a value type: record a node into a variable first, then read it. In
/// `tape.value(of: try tape.relu(x))` Swift copies `tape` for the outer call before the inner
/// call appends the node, so the copy does not have it.
public struct Tape: Sendable {
    /// What produced a node; the integers are indices of earlier nodes.
    enum Operation: Sendable {
        case leaf
        case add(Int, Int), subtract(Int, Int), multiply(Int, Int), divide(Int, Int)
        case matmul(Int, Int)
        case sum(Int), mean(Int)
        case exp(Int), log(Int), power(Int, Double)
        case relu(Int), leakyReLU(Int, Double), sigmoid(Int), tanh(Int)
        case gelu(Int), geluTanh(Int)
        case softmax(Int), logSoftmax(Int)
        case meanSquaredError(Int, Int), meanAbsoluteError(Int, Int)
        case binaryCrossEntropy(Int, Int), binaryCrossEntropyWithLogits(Int, Int)
        /// Logits node; labels are stored in `auxiliary` from `labelsOffset`.
        case crossEntropy(Int, labelsOffset: Int)
        /// The mask (0 or 1/(1-p)) is stored in `auxiliary` from `maskOffset`.
        case dropout(Int, maskOffset: Int)
        case l1Penalty(Int, Double), l2Penalty(Int, Double)
    }

    struct Node: Sendable {
        var offset: Int
        var rows: Int
        var columns: Int
        var operation: Operation
        var count: Int { rows * columns }
    }

    var nodes: [Node] = []
    /// Every node's value, one after the other.
    var values: [Double] = []
    /// Every node's gradient, laid out like `values`; filled by `backward(from:)`.
    var grads: [Double] = []
    /// Side data some operations need in the backward pass (dropout masks, class labels).
    var auxiliary: [Double] = []

    public init() {}

    /// Forgets every node but keeps the memory, ready for the next forward pass.
    public mutating func removeAll() {
        nodes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        grads.removeAll(keepingCapacity: true)
        auxiliary.removeAll(keepingCapacity: true)
    }

    /// Number of nodes recorded so far.
    public var count: Int { nodes.count }

    // MARK: Leaves and reading results

    /// Records an input (a parameter or data) with the given shape.
    public mutating func variable<Values: Collection<Double>>(_ values: Values, rows: Int, columns: Int)
        throws(KernelError) -> Variable {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw .invalidArgument("a \(rows)×\(columns) variable needs \(max(rows, 0) * max(columns, 0)) values, got \(values.count)")
        }
        let v = append(rows: rows, columns: columns, operation: .leaf)
        var position = nodes[v.index].offset
        for value in values {
            self.values[position] = value
            position += 1
        }
        return v
    }

    /// Records a 1×1 input.
    public mutating func scalar(_ value: Double) -> Variable {
        let v = append(rows: 1, columns: 1, operation: .leaf)
        values[nodes[v.index].offset] = value
        return v
    }

    /// Records a tensor of rank 0, 1 (as one row) or 2 as an input.
    public mutating func variable(_ tensor: Tensor) throws(KernelError) -> Variable {
        switch tensor.rank {
        case 0: return scalar(tensor.data[0])
        case 1: return try variable(tensor.data, rows: 1, columns: tensor.shape[0])
        case 2: return try variable(tensor.data, rows: tensor.shape[0], columns: tensor.shape[1])
        default: throw .invalidArgument("the tape holds matrices; reshape the rank-\(tensor.rank) tensor to 2-D first")
        }
    }

    /// The value of `v` in row-major order.
    public func value(of v: Variable) -> [Double] {
        let node = nodes[v.index]
        return Array(values[node.offset..<(node.offset + node.count)])
    }

    /// The first (for a scalar, the only) element of `v`.
    public func scalarValue(of v: Variable) -> Double { values[nodes[v.index].offset] }

    /// The gradient of the last `backward(from:)` target with respect to `v`.
    public func gradient(of v: Variable) -> [Double] {
        let node = nodes[v.index]
        guard grads.count >= node.offset + node.count else { return [Double](repeating: 0, count: node.count) }
        return Array(grads[node.offset..<(node.offset + node.count)])
    }

    /// Copies the gradient of `v` into `destination` starting at `offset` (no allocation: the
    /// MLP gathers its parameter gradients this way every step).
    public func copyGradient(of v: Variable, into destination: inout [Double], at offset: Int) {
        let node = nodes[v.index]
        guard offset >= 0, offset + node.count <= destination.count, grads.count >= node.offset + node.count else { return }
        for i in 0..<node.count { destination[offset + i] = grads[node.offset + i] }
    }

    /// The (rows, columns) of `v`.
    public func shape(of v: Variable) -> (rows: Int, columns: Int) {
        (nodes[v.index].rows, nodes[v.index].columns)
    }

    private mutating func append(rows: Int, columns: Int, operation: Operation) -> Variable {
        nodes.append(Node(offset: values.count, rows: rows, columns: columns, operation: operation))
        values.append(contentsOf: repeatElement(0, count: rows * columns))
        return Variable(index: nodes.count - 1)
    }

    // MARK: Elementwise arithmetic with broadcasting

    /// Shape of a broadcast binary operation: each dimension equal, or 1 on one side.
    private func broadcastShape(_ a: Node, _ b: Node, _ name: String) throws(KernelError) -> (Int, Int) {
        func combine(_ x: Int, _ y: Int) -> Int? { x == y ? x : (x == 1 ? y : (y == 1 ? x : nil)) }
        guard let rows = combine(a.rows, b.rows), let columns = combine(a.columns, b.columns) else {
            throw .shapeMismatch(operation: name, left: [a.rows, a.columns], right: [b.rows, b.columns])
        }
        return (rows, columns)
    }

    /// Offsets of element (i, j) of a broadcast operand: stride 0 along a dimension of size 1.
    private static func strides(_ node: Node) -> (row: Int, column: Int) {
        (node.rows == 1 ? 0 : node.columns, node.columns == 1 ? 0 : 1)
    }

    private mutating func binary(_ a: Variable, _ b: Variable, _ name: String, _ operation: Operation,
                                 _ combine: (Double, Double) -> Double) throws(KernelError) -> Variable {
        let (rows, columns) = try broadcastShape(nodes[a.index], nodes[b.index], name)
        let out = append(rows: rows, columns: columns, operation: operation)
        let na = nodes[a.index], nb = nodes[b.index], no = nodes[out.index]
        let sa = Self.strides(na), sb = Self.strides(nb)
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<rows {
                for j in 0..<columns {
                    v[no.offset + i * columns + j] = combine(
                        v[na.offset + i * sa.row + j * sa.column], v[nb.offset + i * sb.row + j * sb.column])
                }
            }
        }
        return out
    }

    /// a + b (broadcasting).
    public mutating func add(_ a: Variable, _ b: Variable) throws(KernelError) -> Variable {
        try binary(a, b, "add", .add(a.index, b.index), +)
    }
    /// a − b (broadcasting).
    public mutating func subtract(_ a: Variable, _ b: Variable) throws(KernelError) -> Variable {
        try binary(a, b, "subtract", .subtract(a.index, b.index), -)
    }
    /// a ⊙ b, elementwise (broadcasting).
    public mutating func multiply(_ a: Variable, _ b: Variable) throws(KernelError) -> Variable {
        try binary(a, b, "multiply", .multiply(a.index, b.index), *)
    }
    /// a ⊘ b, elementwise (broadcasting).
    public mutating func divide(_ a: Variable, _ b: Variable) throws(KernelError) -> Variable {
        try binary(a, b, "divide", .divide(a.index, b.index), /)
    }

    /// Matrix product a · b.
    public mutating func matmul(_ a: Variable, _ b: Variable) throws(KernelError) -> Variable {
        let na = nodes[a.index], nb = nodes[b.index]
        guard na.columns == nb.rows else {
            throw .shapeMismatch(operation: "matmul", left: [na.rows, na.columns], right: [nb.rows, nb.columns])
        }
        let out = append(rows: na.rows, columns: nb.columns, operation: .matmul(a.index, b.index))
        let no = nodes[out.index]
        values.withUnsafeMutableBufferPointer { v in
            guard let base = v.baseAddress else { return }
            Matmul.multiplyAdd(base + na.offset, transposeA: false, base + nb.offset, transposeB: false,
                               into: base + no.offset, m: na.rows, k: na.columns, n: nb.columns)
        }
        return out
    }

    // MARK: Reductions

    /// Sum of all elements (1×1).
    public mutating func sum(_ x: Variable) -> Variable {
        let total = values[nodes[x.index].offset..<(nodes[x.index].offset + nodes[x.index].count)].reduce(0, +)
        let out = append(rows: 1, columns: 1, operation: .sum(x.index))
        values[nodes[out.index].offset] = total
        return out
    }

    /// Mean of all elements (1×1).
    public mutating func mean(_ x: Variable) -> Variable {
        let node = nodes[x.index]
        let total = values[node.offset..<(node.offset + node.count)].reduce(0, +)
        let out = append(rows: 1, columns: 1, operation: .mean(x.index))
        values[nodes[out.index].offset] = total / Double(node.count)
        return out
    }

    // MARK: Elementwise functions and activations

    private mutating func unary(_ x: Variable, _ operation: Operation, _ f: (Double) -> Double) -> Variable {
        let nx = nodes[x.index]
        let out = append(rows: nx.rows, columns: nx.columns, operation: operation)
        let offset = nodes[out.index].offset
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<nx.count { v[offset + i] = f(v[nx.offset + i]) }
        }
        return out
    }

    /// eˣ elementwise.
    public mutating func exp(_ x: Variable) -> Variable { unary(x, .exp(x.index)) { Foundation.exp($0) } }
    /// Natural logarithm elementwise (−∞ at 0 and NaN below, as in numpy).
    public mutating func log(_ x: Variable) -> Variable { unary(x, .log(x.index)) { Foundation.log($0) } }
    /// xᵖ elementwise for a constant exponent p.
    public mutating func power(_ x: Variable, _ exponent: Double) -> Variable {
        unary(x, .power(x.index, exponent)) { Foundation.pow($0, exponent) }
    }
    /// max(0, x).
    public mutating func relu(_ x: Variable) -> Variable { unary(x, .relu(x.index)) { $0 > 0 ? $0 : 0 } }
    /// x for x > 0, slope·x otherwise (PyTorch's default slope is 0.01).
    public mutating func leakyReLU(_ x: Variable, slope: Double = 0.01) -> Variable {
        unary(x, .leakyReLU(x.index, slope)) { $0 > 0 ? $0 : slope * $0 }
    }
    /// 1 / (1 + e⁻ˣ), computed without overflow for large |x|.
    public mutating func sigmoid(_ x: Variable) -> Variable { unary(x, .sigmoid(x.index)) { Activation.logistic($0) } }
    /// tanh(x).
    public mutating func tanh(_ x: Variable) -> Variable { unary(x, .tanh(x.index)) { Foundation.tanh($0) } }
    /// GELU, exact form x·Φ(x) with Φ the standard normal CDF.
    public mutating func gelu(_ x: Variable) -> Variable { unary(x, .gelu(x.index)) { Activation.geluExact($0) } }
    /// GELU, tanh approximation (PyTorch's `approximate="tanh"`).
    public mutating func geluTanh(_ x: Variable) -> Variable { unary(x, .geluTanh(x.index)) { Activation.geluApproximate($0) } }

    /// Softmax along each row (each row becomes a probability distribution).
    public mutating func softmax(_ x: Variable) -> Variable { rowwise(x, .softmax(x.index), logarithm: false) }
    /// log(softmax(x)) along each row, computed stably as x − logsumexp(x).
    public mutating func logSoftmax(_ x: Variable) -> Variable { rowwise(x, .logSoftmax(x.index), logarithm: true) }

    private mutating func rowwise(_ x: Variable, _ operation: Operation, logarithm: Bool) -> Variable {
        let nx = nodes[x.index]
        let out = append(rows: nx.rows, columns: nx.columns, operation: operation)
        let offset = nodes[out.index].offset
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<nx.rows {
                let input = nx.offset + i * nx.columns, output = offset + i * nx.columns
                let lse = Activation.logSumExp(UnsafeBufferPointer(rebasing: v[input..<(input + nx.columns)]))
                for j in 0..<nx.columns {
                    let logProbability = v[input + j] - lse
                    v[output + j] = logarithm ? logProbability : Foundation.exp(logProbability)
                }
            }
        }
        return out
    }

    // MARK: Losses (mean over all elements, as PyTorch's default reduction)

    private mutating func pairLoss(_ prediction: Variable, _ target: Variable, _ name: String, _ operation: Operation,
                                   _ term: (Double, Double) -> Double) throws(KernelError) -> Variable {
        let np = nodes[prediction.index], nt = nodes[target.index]
        guard np.rows == nt.rows, np.columns == nt.columns else {
            throw .shapeMismatch(operation: name, left: [np.rows, np.columns], right: [nt.rows, nt.columns])
        }
        var total = 0.0
        for i in 0..<np.count { total += term(values[np.offset + i], values[nt.offset + i]) }
        let out = append(rows: 1, columns: 1, operation: operation)
        values[nodes[out.index].offset] = total / Double(np.count)
        return out
    }

    /// Mean squared error, mean((prediction − target)²).
    public mutating func meanSquaredError(_ prediction: Variable, _ target: Variable) throws(KernelError) -> Variable {
        try pairLoss(prediction, target, "meanSquaredError", .meanSquaredError(prediction.index, target.index)) {
            ($0 - $1) * ($0 - $1)
        }
    }

    /// Mean absolute error, mean(|prediction − target|).
    public mutating func meanAbsoluteError(_ prediction: Variable, _ target: Variable) throws(KernelError) -> Variable {
        try pairLoss(prediction, target, "meanAbsoluteError", .meanAbsoluteError(prediction.index, target.index)) {
            Swift.abs($0 - $1)
        }
    }

    /// Binary cross-entropy of probabilities p against targets t in [0, 1]:
    /// −mean(t·log p + (1−t)·log(1−p)). Like PyTorch, each log is clamped at −100 so p = 0 or 1
    /// gives a large finite loss instead of infinity.
    public mutating func binaryCrossEntropy(_ probability: Variable, _ target: Variable) throws(KernelError) -> Variable {
        try pairLoss(probability, target, "binaryCrossEntropy", .binaryCrossEntropy(probability.index, target.index)) { p, t in
            -(t * Swift.max(Foundation.log(p), -100) + (1 - t) * Swift.max(Foundation.log(1 - p), -100))
        }
    }

    /// Binary cross-entropy applied to logits z (the sigmoid is folded in, which is stable):
    /// mean(max(z, 0) − z·t + log(1 + e^−|z|)).
    public mutating func binaryCrossEntropyWithLogits(_ logits: Variable, _ target: Variable) throws(KernelError) -> Variable {
        try pairLoss(logits, target, "binaryCrossEntropyWithLogits",
                     .binaryCrossEntropyWithLogits(logits.index, target.index)) { z, t in
            Swift.max(z, 0) - z * t + Foundation.log1p(Foundation.exp(-Swift.abs(z)))
        }
    }

    /// Cross-entropy from logits (one row per sample) and integer class labels:
    /// mean over rows of logsumexp(row) − row[label]. Working from logits through log-sum-exp
    /// never takes the log of an underflowed probability.
    public mutating func crossEntropy(logits: Variable, labels: [Int]) throws(KernelError) -> Variable {
        let nl = nodes[logits.index]
        guard labels.count == nl.rows else {
            throw .shapeMismatch(operation: "crossEntropy", left: [nl.rows, nl.columns], right: [labels.count])
        }
        if let bad = labels.first(where: { $0 < 0 || $0 >= nl.columns }) {
            throw .invalidArgument("class label \(bad) is outside 0..<\(nl.columns); labels must index the logit columns")
        }
        return crossEntropyUnchecked(logits, labels)
    }

    private mutating func crossEntropyUnchecked(_ logits: Variable, _ labels: [Int]) -> Variable {
        let nl = nodes[logits.index]
        let labelsOffset = auxiliary.count
        auxiliary.append(contentsOf: labels.map(Double.init))
        var total = 0.0
        values.withUnsafeBufferPointer { v in
            for i in 0..<nl.rows {
                let row = nl.offset + i * nl.columns
                total += Activation.logSumExp(UnsafeBufferPointer(rebasing: v[row..<(row + nl.columns)])) - v[row + labels[i]]
            }
        }
        let out = append(rows: 1, columns: 1, operation: .crossEntropy(logits.index, labelsOffset: labelsOffset))
        values[nodes[out.index].offset] = total / Double(Swift.max(nl.rows, 1))
        return out
    }

    // MARK: Regularization

    /// Inverted dropout: each element is zeroed with probability p and the survivors are scaled by
    /// 1/(1−p), so the expected value is unchanged and inference needs no rescaling.
    public mutating func dropout(_ x: Variable, probability p: Double,
                                 generator: inout RandomGenerator) throws(KernelError) -> Variable {
        guard p >= 0, p <= 1 else { throw .invalidArgument("dropout probability \(p) must be in [0, 1]") }
        let nx = nodes[x.index]
        let maskOffset = auxiliary.count
        let keep = p < 1 ? 1 / (1 - p) : 0
        for _ in 0..<nx.count { auxiliary.append(generator.uniform() < p ? 0 : keep) }
        let out = append(rows: nx.rows, columns: nx.columns, operation: .dropout(x.index, maskOffset: maskOffset))
        let offset = nodes[out.index].offset
        for i in 0..<nx.count { values[offset + i] = values[nx.offset + i] * auxiliary[maskOffset + i] }
        return out
    }

    /// strength · Σ|x| (L1 penalty: pushes weights to exactly zero).
    public mutating func l1Penalty(_ x: Variable, strength: Double) -> Variable {
        let node = nodes[x.index]
        let total = values[node.offset..<(node.offset + node.count)].reduce(0) { $0 + Swift.abs($1) }
        let out = append(rows: 1, columns: 1, operation: .l1Penalty(x.index, strength))
        values[nodes[out.index].offset] = strength * total
        return out
    }

    /// strength · Σx² (L2 penalty, "weight decay" when added to the loss).
    public mutating func l2Penalty(_ x: Variable, strength: Double) -> Variable {
        let node = nodes[x.index]
        let total = values[node.offset..<(node.offset + node.count)].reduce(0) { $0 + $1 * $1 }
        let out = append(rows: 1, columns: 1, operation: .l2Penalty(x.index, strength))
        values[nodes[out.index].offset] = strength * total
        return out
    }

    // MARK: The backward pass

    /// Fills every node's gradient with ∂output/∂node, where `output` is usually a scalar loss.
    /// For a non-scalar output the seed is all ones (the gradient of the sum of its elements).
    public mutating func backward(from output: Variable) {
        grads.removeAll(keepingCapacity: true)
        grads.append(contentsOf: repeatElement(0, count: values.count))
        let seed = nodes[output.index]
        for i in 0..<seed.count { grads[seed.offset + i] = 1 }
        let nodes = self.nodes
        let auxiliary = self.auxiliary
        values.withUnsafeBufferPointer { v in
        grads.withUnsafeMutableBufferPointer { g in
            for index in stride(from: output.index, through: 0, by: -1) {
                Self.propagate(nodes[index], nodes: nodes, values: v, grads: g, auxiliary: auxiliary)
            }
        }}
    }

    /// The chain rule for one node: adds its gradient, times the local derivative, into its inputs.
    private static func propagate(_ node: Node, nodes: [Node], values v: UnsafeBufferPointer<Double>,
                                  grads g: UnsafeMutableBufferPointer<Double>, auxiliary: [Double]) {
        let o = node.offset
        let n = node.count
        switch node.operation {
        case .leaf:
            return
        case let .add(a, b), let .subtract(a, b), let .multiply(a, b), let .divide(a, b):
            let na = nodes[a], nb = nodes[b]
            let sa = strides(na), sb = strides(nb)
            for i in 0..<node.rows {
                for j in 0..<node.columns {
                    let upstream = g[o + i * node.columns + j]
                    let ia = na.offset + i * sa.row + j * sa.column
                    let ib = nb.offset + i * sb.row + j * sb.column
                    // Broadcast operands receive the sum over the positions they were copied to.
                    switch node.operation {
                    case .add: g[ia] += upstream; g[ib] += upstream
                    case .subtract: g[ia] += upstream; g[ib] -= upstream
                    case .multiply: g[ia] += upstream * v[ib]; g[ib] += upstream * v[ia]
                    default:
                        g[ia] += upstream / v[ib]
                        g[ib] -= upstream * v[ia] / (v[ib] * v[ib])
                    }
                }
            }
        case let .matmul(a, b):
            // C = A·B  ⇒  dA = dC·Bᵀ and dB = Aᵀ·dC.
            let na = nodes[a], nb = nodes[b]
            guard let gBase = g.baseAddress, let vBase = v.baseAddress else { return }
            Matmul.multiplyAdd(gBase + o, transposeA: false, vBase + nb.offset, transposeB: true,
                               into: gBase + na.offset, m: na.rows, k: node.columns, n: na.columns)
            Matmul.multiplyAdd(vBase + na.offset, transposeA: true, gBase + o, transposeB: false,
                               into: gBase + nb.offset, m: nb.rows, k: na.rows, n: nb.columns)
        case let .sum(x):
            let nx = nodes[x]
            for i in 0..<nx.count { g[nx.offset + i] += g[o] }
        case let .mean(x):
            let nx = nodes[x]
            let share = g[o] / Double(nx.count)
            for i in 0..<nx.count { g[nx.offset + i] += share }
        case let .exp(x):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * v[o + i] }
        case let .log(x):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] / v[xo + i] }
        case let .power(x, p):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * p * Foundation.pow(v[xo + i], p - 1) }
        case let .relu(x):
            let xo = nodes[x].offset
            for i in 0..<n where v[xo + i] > 0 { g[xo + i] += g[o + i] }
        case let .leakyReLU(x, slope):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * (v[xo + i] > 0 ? 1 : slope) }
        case let .sigmoid(x):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * v[o + i] * (1 - v[o + i]) }
        case let .tanh(x):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * (1 - v[o + i] * v[o + i]) }
        case let .gelu(x):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * Activation.geluDerivative(v[xo + i]) }
        case let .geluTanh(x):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * Activation.geluTanhDerivative(v[xo + i]) }
        case let .softmax(x):
            // For y = softmax(x) in one row: dx = y ⊙ (dy − Σ dy⊙y).
            let xo = nodes[x].offset
            for r in 0..<node.rows {
                let row = r * node.columns
                var dot = 0.0
                for j in 0..<node.columns { dot += g[o + row + j] * v[o + row + j] }
                for j in 0..<node.columns { g[xo + row + j] += v[o + row + j] * (g[o + row + j] - dot) }
            }
        case let .logSoftmax(x):
            // For y = log softmax(x) in one row: dx = dy − softmax(x)·Σ dy, with softmax = eʸ.
            let xo = nodes[x].offset
            for r in 0..<node.rows {
                let row = r * node.columns
                var total = 0.0
                for j in 0..<node.columns { total += g[o + row + j] }
                for j in 0..<node.columns { g[xo + row + j] += g[o + row + j] - Foundation.exp(v[o + row + j]) * total }
            }
        case let .meanSquaredError(p, t):
            let np = nodes[p], nt = nodes[t]
            let scale = 2 * g[o] / Double(np.count)
            for i in 0..<np.count {
                let d = scale * (v[np.offset + i] - v[nt.offset + i])
                g[np.offset + i] += d
                g[nt.offset + i] -= d
            }
        case let .meanAbsoluteError(p, t):
            let np = nodes[p], nt = nodes[t]
            let scale = g[o] / Double(np.count)
            for i in 0..<np.count {
                let difference = v[np.offset + i] - v[nt.offset + i]
                // sign(0) = 0, as in PyTorch.
                let d = difference > 0 ? scale : (difference < 0 ? -scale : 0)
                g[np.offset + i] += d
                g[nt.offset + i] -= d
            }
        case let .binaryCrossEntropy(p, t):
            // PyTorch's formula, including its guard against dividing by p(1−p) = 0.
            let np = nodes[p], nt = nodes[t]
            let scale = g[o] / Double(np.count)
            for i in 0..<np.count {
                let probability = v[np.offset + i], target = v[nt.offset + i]
                g[np.offset + i] += scale * (probability - target) / Swift.max(probability * (1 - probability), 1e-12)
                g[nt.offset + i] += scale * (Swift.max(Foundation.log(1 - probability), -100)
                                             - Swift.max(Foundation.log(probability), -100))
            }
        case let .binaryCrossEntropyWithLogits(z, t):
            let nz = nodes[z], nt = nodes[t]
            let scale = g[o] / Double(nz.count)
            for i in 0..<nz.count {
                g[nz.offset + i] += scale * (Activation.logistic(v[nz.offset + i]) - v[nt.offset + i])
                g[nt.offset + i] -= scale * v[nz.offset + i]
            }
        case let .crossEntropy(z, labelsOffset):
            // d/dz of logsumexp(z) − z[label] is softmax(z) − onehot(label), averaged over rows.
            let nz = nodes[z]
            let scale = g[o] / Double(Swift.max(nz.rows, 1))
            for r in 0..<nz.rows {
                let row = nz.offset + r * nz.columns
                let lse = Activation.logSumExp(UnsafeBufferPointer(rebasing: v[row..<(row + nz.columns)]))
                let label = Int(auxiliary[labelsOffset + r])
                for j in 0..<nz.columns {
                    let probability = Foundation.exp(v[row + j] - lse)
                    g[row + j] += scale * (probability - (j == label ? 1 : 0))
                }
            }
        case let .dropout(x, maskOffset):
            let xo = nodes[x].offset
            for i in 0..<n { g[xo + i] += g[o + i] * auxiliary[maskOffset + i] }
        case let .l1Penalty(x, strength):
            let nx = nodes[x]
            for i in 0..<nx.count {
                let w = v[nx.offset + i]
                g[nx.offset + i] += g[o] * strength * (w > 0 ? 1 : (w < 0 ? -1 : 0))
            }
        case let .l2Penalty(x, strength):
            let nx = nodes[x]
            for i in 0..<nx.count { g[nx.offset + i] += g[o] * 2 * strength * v[nx.offset + i] }
        }
    }
}
