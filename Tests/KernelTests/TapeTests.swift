import XCTest
@testable import Kernel

final class TapeTests: XCTestCase {
    private var generator = RandomGenerator(seed: 99)

    private func random(_ rows: Int, _ columns: Int, low: Double = -2, high: Double = 2) -> Tensor {
        var g = generator
        defer { generator = g }
        return (try? Tensor(shape: [rows, columns], data: (0..<(rows * columns)).map { _ in g.uniform(low, high) }))
            ?? Tensor.zeros([rows, columns])
    }

    /// Runs the finite-difference check and demands agreement to 1e-6 (central differences with
    /// h = 1e-6 are accurate to about 1e-9 here; a wrong derivative misses by far more).
    private func check(_ inputs: [Tensor], file: StaticString = #filePath, line: UInt = #line,
                       _ function: (inout Tape, [Variable]) throws(KernelError) -> Variable) throws {
        let report = try GradientCheck.check(inputs: inputs, function: function)
        XCTAssertLessThan(report.maximumError, 1e-6,
                          "input \(report.worstInput) element \(report.worstElement): analytic "
                          + "\(report.analytic[report.worstInput][report.worstElement]) numeric "
                          + "\(report.numeric[report.worstInput][report.worstElement])",
                          file: file, line: line)
        XCTAssert(report.analytic.joined().contains { $0 != 0 }, "a check on all-zero gradients proves nothing",
                  file: file, line: line)
    }

    func testReadmeExample() throws {
        var tape = Tape()
        let x = try tape.variable([3], rows: 1, columns: 1)
        let y = try tape.multiply(x, x)
        tape.backward(from: y)
        XCTAssertEqual(tape.gradient(of: x), [6])
        XCTAssertEqual(tape.scalarValue(of: y), 9)
    }

    func testGradientCheckCatchesAWrongDerivative() throws {
        // x · copy(x), where the copy is a fresh leaf: the tape sees only one path, so its
        // gradient is x while the true derivative of x² is 2x. The checker must notice.
        let report = try GradientCheck.check(inputs: [Tensor(scalar: 3)]) { tape, v throws(KernelError) in
            let copy = tape.scalar(tape.scalarValue(of: v[0]))
            return try tape.multiply(v[0], copy)
        }
        XCTAssertEqual(report.analytic[0][0], 3, accuracy: 1e-12)
        XCTAssertEqual(report.numeric[0][0], 6, accuracy: 1e-6)
        XCTAssertEqual(report.maximumError, 0.5, accuracy: 1e-6)
        let correct = try GradientCheck.check(inputs: [Tensor(scalar: 3)]) { tape, v throws(KernelError) in
            try tape.multiply(v[0], v[0])
        }
        XCTAssertLessThan(correct.maximumError, 1e-8)
    }

    func testArithmeticWithBroadcasting() throws {
        let a = random(3, 4), row = random(1, 4), column = random(3, 1), scalar = random(1, 1)
        let positive = random(3, 4, low: 0.5, high: 2)
        try check([a, row]) { t, v throws(KernelError) in try t.add(v[0], v[1]) }
        try check([a, column]) { t, v throws(KernelError) in try t.subtract(v[0], v[1]) }
        try check([column, a]) { t, v throws(KernelError) in try t.subtract(v[0], v[1]) }
        try check([a, row]) { t, v throws(KernelError) in try t.multiply(v[0], v[1]) }
        try check([scalar, a]) { t, v throws(KernelError) in try t.multiply(v[0], v[1]) }
        try check([a, positive]) { t, v throws(KernelError) in try t.divide(v[0], v[1]) }
        try check([column, row]) { t, v throws(KernelError) in  // outer broadcast on both sides
            let s = try t.add(v[0], v[1])
            return try t.multiply(s, s)
        }
        var tape = Tape()
        let x = try tape.variable(a), y = try tape.variable(random(2, 4))
        XCTAssertThrowsError(try tape.add(x, y))
    }

    func testMatmulAndReductions() throws {
        try check([random(3, 4), random(4, 2)]) { t, v throws(KernelError) in try t.matmul(v[0], v[1]) }
        // Large enough to take the blocked path in forward and backward.
        try check([random(20, 17), random(17, 15)]) { t, v throws(KernelError) in
            let p = try t.matmul(v[0], v[1])
            return t.mean(try t.multiply(p, p))  // a mean keeps the output O(1), so rounding stays small
        }
        try check([random(2, 3)]) { t, v throws(KernelError) in t.sum(t.power(v[0], 3)) }
        try check([random(2, 3)]) { t, v throws(KernelError) in t.mean(t.power(v[0], 2)) }
        var tape = Tape()
        XCTAssertThrowsError(try tape.matmul(tape.variable(random(2, 3)), tape.variable(random(2, 3))))
    }

    func testElementwiseFunctions() throws {
        let x = random(2, 5)
        let positive = random(2, 5, low: 0.2, high: 3)
        try check([x]) { t, v throws(KernelError) in t.exp(v[0]) }
        try check([positive]) { t, v throws(KernelError) in t.log(v[0]) }
        try check([positive]) { t, v throws(KernelError) in t.power(v[0], 2.5) }
        try check([x]) { t, v throws(KernelError) in t.power(v[0], 3) }
        // Kinked functions are checked away from the kink (|x| > 1e-3 with these seeds).
        XCTAssert(x.data.allSatisfy { abs($0) > 1e-3 })
        try check([x]) { t, v throws(KernelError) in t.relu(v[0]) }
        try check([x]) { t, v throws(KernelError) in t.leakyReLU(v[0]) }
        try check([x]) { t, v throws(KernelError) in t.sigmoid(v[0]) }
        try check([x]) { t, v throws(KernelError) in t.tanh(v[0]) }
        try check([x]) { t, v throws(KernelError) in t.gelu(v[0]) }
        try check([x]) { t, v throws(KernelError) in t.geluTanh(v[0]) }
    }

    func testSoftmaxFamily() throws {
        let x = random(3, 4), w = random(3, 4)
        // Weighted sums, because Σ softmax = 1 has zero gradient.
        try check([x, w]) { t, v throws(KernelError) in try t.multiply(t.softmax(v[0]), v[1]) }
        try check([x, w]) { t, v throws(KernelError) in try t.multiply(t.logSoftmax(v[0]), v[1]) }
    }

    func testLossesAndPenalties() throws {
        let p = random(3, 2), target = random(3, 2)
        let probability = random(3, 2, low: 0.1, high: 0.9), binary = try Tensor(shape: [3, 2], data: [0, 1, 1, 0, 1, 0])
        try check([p, target]) { t, v throws(KernelError) in try t.meanSquaredError(v[0], v[1]) }
        try check([p, target]) { t, v throws(KernelError) in try t.meanAbsoluteError(v[0], v[1]) }
        try check([probability, probability.map { 1 - $0 * 0.5 }]) { t, v throws(KernelError) in
            try t.binaryCrossEntropy(v[0], v[1])
        }
        try check([p, binary]) { t, v throws(KernelError) in try t.binaryCrossEntropyWithLogits(v[0], v[1]) }
        try check([random(4, 3)]) { t, v throws(KernelError) in try t.crossEntropy(logits: v[0], labels: [2, 0, 1, 1]) }
        try check([p]) { t, v throws(KernelError) in t.l1Penalty(v[0], strength: 0.3) }
        try check([p]) { t, v throws(KernelError) in t.l2Penalty(v[0], strength: 0.3) }
        var tape = Tape()
        let logits = try tape.variable(random(2, 3))
        XCTAssertThrowsError(try tape.crossEntropy(logits: logits, labels: [0, 3]))
        XCTAssertThrowsError(try tape.crossEntropy(logits: logits, labels: [0]))
        XCTAssertThrowsError(try tape.meanSquaredError(logits, tape.variable(random(3, 2))))
    }

    func testDropout() throws {
        // The mask must be identical on every evaluation, so the generator is seeded inside.
        try check([random(4, 5)]) { t, v throws(KernelError) in
            var g = RandomGenerator(seed: 3)
            let d = try t.dropout(v[0], probability: 0.4, generator: &g)
            return try t.multiply(d, d)
        }
        var tape = Tape()
        var g = RandomGenerator(seed: 1)
        let ones = try tape.variable([Double](repeating: 1, count: 10_000), rows: 100, columns: 100)
        let dropped = try tape.dropout(ones, probability: 0.25, generator: &g)
        let values = tape.value(of: dropped)
        XCTAssert(values.allSatisfy { $0 == 0 || abs($0 - 4.0 / 3.0) < 1e-15 })
        XCTAssertEqual(Double(values.filter { $0 == 0 }.count) / 10_000, 0.25, accuracy: 0.015)
        XCTAssertEqual(Statistics.mean(values), 1, accuracy: 0.02, "inverted dropout keeps the mean")
        let kept = try tape.dropout(ones, probability: 0, generator: &g)
        XCTAssertEqual(tape.value(of: kept), tape.value(of: ones))
        let none = try tape.dropout(ones, probability: 1, generator: &g)
        XCTAssert(tape.value(of: none).allSatisfy { $0 == 0 })
        XCTAssertThrowsError(try tape.dropout(ones, probability: 1.5, generator: &g))
    }

    func testActivationsMatchPyTorch() throws {
        let f = try fixture("activations")
        let x = f.doubles("x")
        var tape = Tape()
        let v = try tape.variable(x, rows: 1, columns: x.count)
        let cases: [(String, Activation)] = [("relu", .relu), ("leakyReLU", .leakyReLU), ("sigmoid", .sigmoid),
                                             ("tanh", .tanh), ("gelu", .gelu), ("geluTanh", .geluTanh)]
        for (name, activation) in cases {
            let reference = f.object(name)
            // The scalar functions (for plots) and the tape must both agree with PyTorch.
            assertClose(x.map { activation($0) }, reference.doubles("value"), "\(name) value")
            assertClose(x.map { activation.derivative($0) }, reference.doubles("derivative"), "\(name) derivative")
            tape.removeAll()
            let input = try tape.variable(x, rows: 1, columns: x.count)
            let y = activation.apply(input, on: &tape)
            tape.backward(from: tape.sum(y))
            assertClose(tape.value(of: y), reference.doubles("value"), "\(name) tape value")
            assertClose(tape.gradient(of: input), reference.doubles("derivative"), "\(name) tape derivative")
        }
        _ = v
        let logits = f.matrix("logits"), weights = f.matrix("weights")
        for (name, log) in [("softmax", false), ("logSoftmax", true)] {
            tape.removeAll()
            let z = try tape.variable(logits.flatMap { $0 }, rows: 3, columns: 4)
            let w = try tape.variable(weights.flatMap { $0 }, rows: 3, columns: 4)
            let y = log ? tape.logSoftmax(z) : tape.softmax(z)
            tape.backward(from: tape.sum(try tape.multiply(y, w)))
            assertClose(tape.value(of: y), f.object(name).matrix("value").flatMap { $0 }, name)
            assertClose(tape.gradient(of: z), f.object(name).matrix("gradient").flatMap { $0 }, "\(name) gradient")
        }
    }

    func testLossesMatchPyTorch() throws {
        let f = try fixture("losses")
        func run(_ name: String, _ inputKey: String, _ build: (inout Tape, Variable) throws(KernelError) -> Variable) throws {
            let input = f.matrix(inputKey)
            var tape = Tape()
            let x = try tape.variable(input.flatMap { $0 }, rows: input.count, columns: input[0].count)
            let loss = try build(&tape, x)
            tape.backward(from: loss)
            assertClose(tape.scalarValue(of: loss), f.object(name).double("value"), "\(name) value")
            assertClose(tape.gradient(of: x), f.object(name).matrix("gradient").flatMap { $0 }, "\(name) gradient")
        }
        let target = f.matrix("target").flatMap { $0 }, binary = f.matrix("binary").flatMap { $0 }
        try run("mse", "pred") { t, x throws(KernelError) in try t.meanSquaredError(x, t.variable(target, rows: 4, columns: 3)) }
        try run("mae", "pred") { t, x throws(KernelError) in try t.meanAbsoluteError(x, t.variable(target, rows: 4, columns: 3)) }
        try run("bce", "prob") { t, x throws(KernelError) in try t.binaryCrossEntropy(x, t.variable(binary, rows: 4, columns: 3)) }
        try run("bceWithLogits", "pred") { t, x throws(KernelError) in
            try t.binaryCrossEntropyWithLogits(x, t.variable(binary, rows: 4, columns: 3))
        }
        let labels = f.ints("labels")
        try run("crossEntropy", "logits") { t, x throws(KernelError) in try t.crossEntropy(logits: x, labels: labels) }
    }

    func testExtremeInputsStayFiniteWhereTheMathIsFinite() throws {
        var tape = Tape()
        let z = try tape.variable([1000, -1000, 0, 1000], rows: 2, columns: 2)
        let loss = try tape.crossEntropy(logits: z, labels: [1, 0])
        XCTAssertEqual(tape.scalarValue(of: loss), 1500)  // rows lose 2000 and 1000
        let s = tape.sigmoid(z)
        XCTAssertEqual(tape.value(of: s), [1, 0, 0.5, 1])
        let p = try tape.variable([0, 1], rows: 1, columns: 2), t = try tape.variable([1, 0], rows: 1, columns: 2)
        let bce = try tape.binaryCrossEntropy(p, t)
        XCTAssertEqual(tape.scalarValue(of: bce), 100, "log clamped at −100 like PyTorch")
        let nan = try tape.variable([.nan], rows: 1, columns: 1)
        let y = tape.exp(nan)
        tape.backward(from: y)
        XCTAssert(tape.gradient(of: nan)[0].isNaN, "NaN propagates instead of trapping")
    }

    func testRemoveAllReusesTheTape() throws {
        var tape = Tape()
        for value in [2.0, 5.0] {
            tape.removeAll()
            let x = tape.scalar(value)
            let y = tape.power(x, 2)
            tape.backward(from: y)
            XCTAssertEqual(tape.gradient(of: x), [2 * value])
            XCTAssertEqual(tape.count, 2)
        }
    }
}
