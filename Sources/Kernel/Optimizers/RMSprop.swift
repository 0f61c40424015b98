/// RMSprop, exactly as `torch.optim.RMSprop`: divide each gradient by a running root mean square
/// of recent gradients, so steep and shallow directions move at similar speeds.
///
///     g ← ∇ + weightDecay·θ
///     v ← α·v + (1 − α)·g²
///     ṽ ← v − ḡ², with ḡ ← α·ḡ + (1 − α)·g   (centered only)
///     d ← √ṽ + ε                              (ε outside the root, as PyTorch)
///     b ← momentum·b + g/d, θ ← θ − lr·b      (momentum > 0)
///     θ ← θ − lr·g/d                          (otherwise)
public struct RMSprop: Optimizer {
    public var learningRate: Double
    public var alpha: Double
    public var epsilon: Double
    public var weightDecay: Double
    public var momentum: Double
    public var centered: Bool
    private var squareAverage: [Double] = []
    private var gradientAverage: [Double] = []
    private var buffer: [Double] = []

    public init(learningRate: Double = 0.01, alpha: Double = 0.99, epsilon: Double = 1e-8,
                weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false) {
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(KernelError) {
        try Self.checkSizes(parameters, gradients)
        if squareAverage.count != parameters.count {
            squareAverage = [Double](repeating: 0, count: parameters.count)
            gradientAverage = squareAverage
            buffer = squareAverage
        }
        for i in parameters.indices {
            var g = gradients[i]
            if weightDecay != 0 { g += weightDecay * parameters[i] }
            squareAverage[i] = alpha * squareAverage[i] + (1 - alpha) * g * g
            var variance = squareAverage[i]
            if centered {
                gradientAverage[i] = alpha * gradientAverage[i] + (1 - alpha) * g
                variance -= gradientAverage[i] * gradientAverage[i]
            }
            let denominator = variance.squareRoot() + epsilon
            if momentum > 0 {
                buffer[i] = momentum * buffer[i] + g / denominator
                parameters[i] -= learningRate * buffer[i]
            } else {
                parameters[i] -= learningRate * g / denominator
            }
        }
    }

    public mutating func reset() { squareAverage = []; gradientAverage = []; buffer = [] }
}
