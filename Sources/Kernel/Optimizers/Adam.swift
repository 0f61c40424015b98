import Foundation

/// Adam, exactly as `torch.optim.Adam`: momentum on the gradient (first moment) and an RMSprop-like
/// scale (second moment), both bias-corrected because they start at zero.
///
///     t ← t + 1,  g ← ∇ + weightDecay·θ           (weight decay as an L2 term in the gradient)
///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
public struct Adam: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var weightDecay: Double
    /// Steps taken so far (t in the formulas).
    public private(set) var stepCount = 0
    var firstMoment: [Double] = []
    var secondMoment: [Double] = []

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(KernelError) {
        try Self.checkSizes(parameters, gradients)
        adamUpdate(parameters: &parameters, gradients: gradients, l2: weightDecay)
    }

    /// The shared Adam update; AdamW calls it with `l2 = 0` after decaying the weights itself.
    mutating func adamUpdate(parameters: inout [Double], gradients: [Double], l2: Double) {
        if firstMoment.count != parameters.count {
            firstMoment = [Double](repeating: 0, count: parameters.count)
            secondMoment = firstMoment
            stepCount = 0
        }
        stepCount += 1
        let t = Double(stepCount)
        let biasCorrection1 = 1 - pow(beta1, t)
        let biasCorrection2 = 1 - pow(beta2, t)
        let stepSize = learningRate / biasCorrection1
        let correction2Root = biasCorrection2.squareRoot()
        for i in parameters.indices {
            var g = gradients[i]
            if l2 != 0 { g += l2 * parameters[i] }
            firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * g
            secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * g * g
            let denominator = secondMoment[i].squareRoot() / correction2Root + epsilon
            parameters[i] -= stepSize * firstMoment[i] / denominator
        }
    }

    public mutating func reset() { firstMoment = []; secondMoment = []; stepCount = 0 }
}

/// AdamW, exactly as `torch.optim.AdamW`: Adam with *decoupled* weight decay. The weights shrink
/// by lr·weightDecay·θ before the Adam step, instead of the decay entering the gradient (where
/// Adam's scaling would weaken it for parameters with large gradients).
public struct AdamW: Optimizer {
    private var adam: Adam
    public var weightDecay: Double

    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }
    /// Steps taken so far.
    public var stepCount: Int { adam.stepCount }

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0.01) {
        adam = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(KernelError) {
        try Self.checkSizes(parameters, gradients)
        let decay = 1 - adam.learningRate * weightDecay
        for i in parameters.indices { parameters[i] *= decay }
        adam.adamUpdate(parameters: &parameters, gradients: gradients, l2: 0)
    }

    public mutating func reset() { adam.reset() }
}
