import Foundation

/// The activation functions and their derivatives as plain scalar functions, for plots and for
/// the tape. `Activation` values name a choice (for an MLP's hidden layers).
public enum Activation: String, CaseIterable, Sendable {
    case identity, relu, leakyReLU, sigmoid, tanh, gelu, geluTanh

    /// The function itself.
    public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .relu: return x > 0 ? x : 0
        case .leakyReLU: return x > 0 ? x : 0.01 * x
        case .sigmoid: return Activation.logistic(x)
        case .tanh: return Foundation.tanh(x)
        case .gelu: return Activation.geluExact(x)
        case .geluTanh: return Activation.geluApproximate(x)
        }
    }

    /// Its derivative (at 0, ReLU-like functions take the left slope, as PyTorch does).
    public func derivative(_ x: Double) -> Double {
        switch self {
        case .identity: return 1
        case .relu: return x > 0 ? 1 : 0
        case .leakyReLU: return x > 0 ? 1 : 0.01
        case .sigmoid: let s = Activation.logistic(x); return s * (1 - s)
        case .tanh: let t = Foundation.tanh(x); return 1 - t * t
        case .gelu: return Activation.geluDerivative(x)
        case .geluTanh: return Activation.geluTanhDerivative(x)
        }
    }

    /// Applies this activation on a tape.
    public func apply(_ x: Variable, on tape: inout Tape) -> Variable {
        switch self {
        case .identity: return x
        case .relu: return tape.relu(x)
        case .leakyReLU: return tape.leakyReLU(x)
        case .sigmoid: return tape.sigmoid(x)
        case .tanh: return tape.tanh(x)
        case .gelu: return tape.gelu(x)
        case .geluTanh: return tape.geluTanh(x)
        }
    }

    /// 1/(1+e⁻ˣ), written so that e^|x| never overflows.
    public static func logistic(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }

    /// Exact GELU: x·Φ(x) = x·½(1 + erf(x/√2)).
    public static func geluExact(_ x: Double) -> Double { 0.5 * x * (1 + erf(x * 0.5.squareRoot())) }

    /// d/dx x·Φ(x) = Φ(x) + x·φ(x).
    public static func geluDerivative(_ x: Double) -> Double {
        let cdf = 0.5 * (1 + erf(x * 0.5.squareRoot()))
        let pdf = Foundation.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        return cdf + x * pdf
    }

    private static let geluScale = (2 / Double.pi).squareRoot()

    /// GELU's tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    public static func geluApproximate(_ x: Double) -> Double {
        0.5 * x * (1 + Foundation.tanh(geluScale * (x + 0.044715 * x * x * x)))
    }

    /// Derivative of the tanh approximation.
    public static func geluTanhDerivative(_ x: Double) -> Double {
        let t = Foundation.tanh(geluScale * (x + 0.044715 * x * x * x))
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * geluScale * (1 + 3 * 0.044715 * x * x)
    }

    /// log Σ eˣⁱ, shifted by the maximum so the exponentials cannot overflow.
    public static func logSumExp(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard var m = x.first else { return -.infinity }
        for value in x where value > m { m = value }
        if m.isInfinite { return m }  // all −∞, or a +∞ that dominates
        var total = 0.0
        for value in x { total += Foundation.exp(value - m) }
        return m + Foundation.log(total)
    }

    /// log Σ eˣⁱ for an array.
    public static func logSumExp(_ x: [Double]) -> Double { x.withUnsafeBufferPointer { logSumExp($0) } }

    /// Softmax of a vector.
    public static func softmax(_ x: [Double]) -> [Double] {
        let lse = logSumExp(x)
        return x.map { Foundation.exp($0 - lse) }
    }
}
