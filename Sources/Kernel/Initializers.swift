import Foundation

/// Weight initializers. A layer's starting weights decide whether signals (and gradients) keep
/// their size as they pass through many layers: too small and they vanish, too large and they
/// explode. Xavier/Glorot keeps the variance steady for tanh-like units; He/Kaiming doubles it to
/// make up for ReLU zeroing half its inputs. Formulas and gains are those of `torch.nn.init`.
public enum Initializers {
    /// The recommended gain for a nonlinearity (`torch.nn.init.calculate_gain`).
    public static func gain(for activation: Activation) -> Double {
        switch activation {
        case .identity, .sigmoid, .gelu, .geluTanh: return 1
        case .tanh: return 5.0 / 3.0
        case .relu: return 2.0.squareRoot()
        case .leakyReLU: return (2.0 / (1 + 0.01 * 0.01)).squareRoot()
        }
    }

    /// `count` values uniform in [low, high).
    public static func uniform(count: Int, low: Double, high: Double, generator: inout RandomGenerator) -> [Double] {
        (0..<max(count, 0)).map { _ in generator.uniform(low, high) }
    }

    /// `count` normal values.
    public static func normal(count: Int, mean: Double = 0, standardDeviation: Double,
                              generator: inout RandomGenerator) -> [Double] {
        (0..<max(count, 0)).map { _ in generator.normal(mean: mean, standardDeviation: standardDeviation) }
    }

    /// Xavier/Glorot uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)).
    public static func xavierUniform(fanIn: Int, fanOut: Int, gain: Double = 1, generator: inout RandomGenerator) -> [Double] {
        let bound = gain * (6.0 / Double(fanIn + fanOut)).squareRoot()
        return uniform(count: fanIn * fanOut, low: -bound, high: bound, generator: &generator)
    }

    /// Xavier/Glorot normal: N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)).
    public static func xavierNormal(fanIn: Int, fanOut: Int, gain: Double = 1, generator: inout RandomGenerator) -> [Double] {
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        return normal(count: fanIn * fanOut, standardDeviation: std, generator: &generator)
    }

    /// He/Kaiming uniform (fan-in mode): U(−a, a) with a = gain·√(3 / fanIn); gain √2 for ReLU.
    public static func heUniform(fanIn: Int, fanOut: Int, gain: Double = 2.0.squareRoot(),
                                 generator: inout RandomGenerator) -> [Double] {
        let bound = gain * (3.0 / Double(fanIn)).squareRoot()
        return uniform(count: fanIn * fanOut, low: -bound, high: bound, generator: &generator)
    }

    /// He/Kaiming normal (fan-in mode): N(0, σ²) with σ = gain / √fanIn, i.e. √(2/fanIn) for ReLU.
    public static func heNormal(fanIn: Int, fanOut: Int, gain: Double = 2.0.squareRoot(),
                                generator: inout RandomGenerator) -> [Double] {
        let std = gain / Double(fanIn).squareRoot()
        return normal(count: fanIn * fanOut, standardDeviation: std, generator: &generator)
    }

    /// PyTorch's default for `nn.Linear` weights and biases: U(−1/√fanIn, 1/√fanIn).
    public static func linearDefault(fanIn: Int, count: Int, generator: inout RandomGenerator) -> [Double] {
        let bound = 1 / Double(max(fanIn, 1)).squareRoot()
        return uniform(count: count, low: -bound, high: bound, generator: &generator)
    }
}
