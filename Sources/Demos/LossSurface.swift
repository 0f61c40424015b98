import Foundation
import Kernel

/// The functions gradient descent and the optimizer race run on, written once as expressions on
/// the kernel's tape: the same code gives a point's loss and gradient (by reverse-mode autodiff)
/// and a whole grid of values for the heat map, so nothing the demos draw is hand-derived.
public enum LossSurface: String, CaseIterable, Sendable {
    /// x²
    case square
    /// x⁴ − 3x² + x: two valleys, the left one deeper.
    case quartic
    /// x² + y²
    case bowl
    /// x² + 10y²: a long, narrow valley.
    case ravine
    /// (1 − x)² + 100(y − x²)²: a curved valley with its minimum at (1, 1).
    case rosenbrock

    /// 1 for functions of x alone, 2 for functions of (x, y).
    public var dimension: Int {
        switch self {
        case .square, .quartic: return 1
        case .bowl, .ravine, .rosenbrock: return 2
        }
    }

    /// The formula, for titles and readouts.
    public var formula: String {
        switch self {
        case .square: return "x²"
        case .quartic: return "x⁴ − 3x² + x"
        case .bowl: return "x² + y²"
        case .ravine: return "x² + 10y²"
        case .rosenbrock: return "(1 − x)² + 100(y − x²)²"
        }
    }

    /// The formula in ASCII, for terminals without UTF-8.
    public var asciiFormula: String {
        switch self {
        case .square: return "x^2"
        case .quartic: return "x^4 - 3x^2 + x"
        case .bowl: return "x^2 + y^2"
        case .ravine: return "x^2 + 10y^2"
        case .rosenbrock: return "(1 - x)^2 + 100(y - x^2)^2"
        }
    }

    /// Where a run starts when the `start` knob does not fit the function's dimension.
    public var defaultStart: [Double] {
        switch self {
        case .square: return [3]
        case .quartic: return [2]
        case .bowl: return [3, 2]
        case .ravine: return [-3, 1]
        case .rosenbrock: return [-1.5, 2]
        }
    }

    /// The view the 2-D heat maps show by default (always widened to include the path).
    var defaultWindow: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        switch self {
        case .rosenbrock: return (-2...2, -1...3)
        default: return (-3.5...3.5, -2.5...2.5)
        }
    }

    /// Records the function on `tape` for `x` and `y` of any one shape (1×1 for a point, 1×n for
    /// a grid), elementwise. `y` is ignored by 1-D functions.
    func record(on tape: inout Tape, x: Variable, y: Variable) throws(KernelError) -> Variable {
        switch self {
        case .square:
            return tape.power(x, 2)
        case .quartic:
            let x4 = tape.power(x, 4)
            let x2 = try tape.multiply(tape.scalar(3), tape.power(x, 2))
            return try tape.add(tape.subtract(x4, x2), x)
        case .bowl:
            return try tape.add(tape.power(x, 2), tape.power(y, 2))
        case .ravine:
            return try tape.add(tape.power(x, 2), tape.multiply(tape.scalar(10), tape.power(y, 2)))
        case .rosenbrock:
            let a = tape.power(try tape.subtract(tape.scalar(1), x), 2)
            let b = tape.power(try tape.subtract(y, tape.power(x, 2)), 2)
            return try tape.add(a, tape.multiply(tape.scalar(100), b))
        }
    }

    /// The loss at `point` and its gradient, from one forward and one backward pass.
    public func evaluate(at point: [Double]) -> (loss: Double, gradient: [Double]) {
        var tape = Tape()
        let x = tape.scalar(point.first ?? 0)
        let y = tape.scalar(point.count > 1 ? point[1] : 0)
        guard let f = try? record(on: &tape, x: x, y: y) else { return (.nan, point.map { _ in .nan }) }
        tape.backward(from: f)
        let gx = tape.gradient(of: x)[0]
        let gradient = dimension == 1 ? [gx] : [gx, tape.gradient(of: y)[0]]
        return (tape.scalarValue(of: f), gradient)
    }

    /// The function at many points at once (one tape pass over 1×n rows).
    public func values(xs: [Double], ys: [Double]) -> [Double] {
        var tape = Tape()
        guard xs.count == ys.count, !xs.isEmpty,
              let x = try? tape.variable(xs, rows: 1, columns: xs.count),
              let y = try? tape.variable(ys, rows: 1, columns: ys.count),
              let f = try? record(on: &tape, x: x, y: y) else { return xs.map { _ in .nan } }
        return tape.value(of: f)
    }
}

/// The house rule for divergence: a value that is NaN, infinite or beyond ±1e12 ends the run.
enum DivergenceCheck {
    static let limit = 1e12

    /// Why `values` count as diverged (naming `what`), or nil when they are fine.
    static func problem(_ values: [Double], what: String) -> String? {
        for v in values {
            if v.isNaN { return "\(what) is NaN" }
            if v.isInfinite { return "\(what) is infinite" }
            if abs(v) > limit { return "\(what) overflowed (\(String(format: "%.3g", v)), beyond ±1e12)" }
        }
        return nil
    }
}
