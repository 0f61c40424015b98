/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
/// decay, exactly as `torch.optim.SGD`:
///
///     g ← ∇ + weightDecay·θ
///     b ← g on the first step, else momentum·b + (1 − dampening)·g
///     g ← g + momentum·b (Nesterov) or b (classical)
///     θ ← θ − lr·g
public struct SGD: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var nesterov: Bool
    public var weightDecay: Double
    private var buffer: [Double] = []

    public init(learningRate: Double = 0.001, momentum: Double = 0, dampening: Double = 0,
                nesterov: Bool = false, weightDecay: Double = 0) throws(KernelError) {
        guard !nesterov || (momentum > 0 && dampening == 0) else {
            throw .invalidArgument("Nesterov momentum needs momentum > 0 and dampening 0 (as in PyTorch)")
        }
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(KernelError) {
        try Self.checkSizes(parameters, gradients)
        let firstStep = buffer.count != parameters.count
        if firstStep && momentum != 0 { buffer = [Double](repeating: 0, count: parameters.count) }
        for i in parameters.indices {
            var g = gradients[i]
            if weightDecay != 0 { g += weightDecay * parameters[i] }
            if momentum != 0 {
                // PyTorch starts the buffer at the raw gradient rather than at zero.
                buffer[i] = firstStep ? g : momentum * buffer[i] + (1 - dampening) * g
                g = nesterov ? g + momentum * buffer[i] : buffer[i]
            }
            parameters[i] -= learningRate * g
        }
    }

    public mutating func reset() { buffer = [] }
}
