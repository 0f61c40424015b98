import Foundation

/// A multilayer perceptron: fully connected layers with a chosen activation between them,
/// trained by backpropagation on the tape with any optimizer.
///
/// Layer l computes h ← activation(h·Wₗ + bₗ) (no activation after the last layer: its raw outputs,
/// the logits, go to the loss). All weights and biases live in one flat `parameters` array, layer
/// by layer, each as W (fanIn × fanOut, row-major) then b (fanOut), so one optimizer call updates
/// the whole network and a demo can read any weight directly.
///
///     var net = try MLP(layers: [2, 16, 16, 1], activation: .tanh, loss: .binaryCrossEntropy,
///                       optimizer: Adam(learningRate: 0.01), seed: 1)
///     let loss = try net.trainStep(inputs: batch, targets: labels)
///     let p = net.predictProbability([0.3, -1.2])
public struct MLP: Sendable {
    /// The training objective, which also fixes how outputs are read.
    public enum Loss: String, Sendable, CaseIterable {
        /// Regression: outputs are the predictions; targets are batch × outputs values, row-major.
        case meanSquaredError
        /// Two classes: one output, the logit of class 1 (read through a sigmoid); targets are 0/1.
        case binaryCrossEntropy
        /// Several classes: one logit per class (read through a softmax); targets are class
        /// indices 0..<outputs, stored as doubles.
        case crossEntropy
    }

    /// How the starting weights are drawn (biases start at zero except for `pytorchDefault`).
    public enum Initialization: String, Sendable, CaseIterable {
        /// `nn.Linear`'s default: weights and biases U(−1/√fanIn, 1/√fanIn).
        case pytorchDefault
        /// Xavier/Glorot uniform with the activation's gain.
        case xavier
        /// He/Kaiming normal (fan-in) with the activation's gain.
        case he
    }

    /// Where one layer's weights and biases sit in `parameters`.
    public struct LayerLayout: Sendable, Equatable {
        public var fanIn: Int
        public var fanOut: Int
        public var weightOffset: Int
        public var biasOffset: Int
    }

    public let layers: [Int]
    public var activation: Activation
    public var loss: Loss
    public var optimizer: any Optimizer
    public var batchSize: Int
    /// Strength λ of the L2 penalty λ·Σw² added to the loss (weights only, not biases).
    public var l2: Double
    /// Probability of zeroing each hidden activation during training (inverted dropout).
    public var dropout: Double
    /// Every weight and bias, layer by layer (see `layout`).
    public var parameters: [Double]
    public let layout: [LayerLayout]
    /// Training steps taken.
    public private(set) var stepCount = 0

    private var generator: RandomGenerator
    private var tape = Tape()
    private var gradientBuffer: [Double]
    private var inputBuffer: [Double] = []

    public init(layers: [Int], activation: Activation = .relu, loss: Loss = .meanSquaredError,
                optimizer: any Optimizer = Adam(learningRate: 0.01), batchSize: Int = 32, l2: Double = 0,
                dropout: Double = 0, initialization: Initialization = .pytorchDefault, seed: UInt64 = 0) throws(KernelError) {
        guard layers.count >= 2, layers.allSatisfy({ $0 >= 1 }) else {
            throw .invalidArgument("an MLP needs at least an input and an output layer, all sizes ≥ 1; got \(layers)")
        }
        guard loss != .binaryCrossEntropy || layers.last == 1 else {
            throw .invalidArgument("binary cross-entropy needs exactly one output, got \(layers.last ?? 0)")
        }
        guard loss != .crossEntropy || (layers.last ?? 0) >= 2 else {
            throw .invalidArgument("cross-entropy needs one output per class (at least 2)")
        }
        guard batchSize >= 1 else { throw .invalidArgument("batch size must be at least 1, got \(batchSize)") }
        guard dropout >= 0, dropout < 1 else { throw .invalidArgument("dropout must be in [0, 1), got \(dropout)") }
        self.layers = layers
        self.activation = activation
        self.loss = loss
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.l2 = l2
        self.dropout = dropout
        var layout: [LayerLayout] = []
        var offset = 0
        for (fanIn, fanOut) in zip(layers, layers.dropFirst()) {
            layout.append(LayerLayout(fanIn: fanIn, fanOut: fanOut, weightOffset: offset, biasOffset: offset + fanIn * fanOut))
            offset += fanIn * fanOut + fanOut
        }
        self.layout = layout
        generator = RandomGenerator(seed: seed)
        parameters = []
        parameters.reserveCapacity(offset)
        let gain = Initializers.gain(for: activation)
        for layer in layout {
            switch initialization {
            case .pytorchDefault:
                parameters += Initializers.linearDefault(fanIn: layer.fanIn, count: layer.fanIn * layer.fanOut, generator: &generator)
                parameters += Initializers.linearDefault(fanIn: layer.fanIn, count: layer.fanOut, generator: &generator)
            case .xavier:
                parameters += Initializers.xavierUniform(fanIn: layer.fanIn, fanOut: layer.fanOut, gain: gain, generator: &generator)
                parameters += [Double](repeating: 0, count: layer.fanOut)
            case .he:
                parameters += Initializers.heNormal(fanIn: layer.fanIn, fanOut: layer.fanOut, gain: gain, generator: &generator)
                parameters += [Double](repeating: 0, count: layer.fanOut)
            }
        }
        gradientBuffer = [Double](repeating: 0, count: offset)
    }

    /// Number of outputs.
    public var outputCount: Int { layers[layers.count - 1] }

    /// Target values per sample: all outputs for regression, one label for classification.
    private var targetWidth: Int { loss == .meanSquaredError ? outputCount : 1 }

    // MARK: Training

    /// One optimizer step on one batch; returns the batch loss before the step.
    @discardableResult
    public mutating func trainStep(inputs: [[Double]], targets: [Double]) throws(KernelError) -> Double {
        let value = try forwardBackward(inputs: inputs, targets: targets, training: true)
        try optimizer.step(parameters: &parameters, gradients: gradientBuffer)
        stepCount += 1
        return value
    }

    /// One pass over the data in shuffled batches of `batchSize`; returns the mean batch loss.
    @discardableResult
    public mutating func trainEpoch(inputs: [[Double]], targets: [Double]) throws(KernelError) -> Double {
        try checkBatch(inputs, targets)
        let order = generator.permutation(inputs.count)
        var total = 0.0, batches = 0
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let indices = order[start..<min(start + batchSize, order.count)]
            var batchTargets: [Double] = []
            batchTargets.reserveCapacity(indices.count * targetWidth)
            for i in indices { batchTargets += targets[(i * targetWidth)..<((i + 1) * targetWidth)] }
            total += try trainStep(inputs: indices.map { inputs[$0] }, targets: batchTargets)
            batches += 1
        }
        return total / Double(max(batches, 1))
    }

    /// The loss and the gradient of every parameter on one batch, without dropout and without
    /// updating anything (for inspection, the backprop demo and the tests).
    public mutating func lossAndGradients(inputs: [[Double]], targets: [Double]) throws(KernelError)
        -> (loss: Double, gradients: [Double]) {
        let value = try forwardBackward(inputs: inputs, targets: targets, training: false)
        return (value, gradientBuffer)
    }

    private func checkBatch(_ inputs: [[Double]], _ targets: [Double]) throws(KernelError) {
        guard !inputs.isEmpty else { throw .notEnoughSamples(needed: 1, got: 0, context: "MLP training batch") }
        if let bad = inputs.first(where: { $0.count != layers[0] }) {
            throw .shapeMismatch(operation: "MLP input", left: [bad.count], right: [layers[0]])
        }
        guard targets.count == inputs.count * targetWidth else {
            throw .shapeMismatch(operation: "MLP targets", left: [targets.count], right: [inputs.count * targetWidth])
        }
        if loss == .crossEntropy, let bad = targets.first(where: { !($0 >= 0 && $0 < Double(outputCount) && $0 == $0.rounded()) }) {
            throw .invalidArgument("cross-entropy target \(bad) is not a class index in 0..<\(outputCount)")
        }
    }

    /// Records the forward pass on the tape, runs backward, and leaves the parameter gradients in
    /// `gradientBuffer`. Returns the loss.
    private mutating func forwardBackward(inputs: [[Double]], targets: [Double], training: Bool) throws(KernelError) -> Double {
        try checkBatch(inputs, targets)
        let batch = inputs.count
        tape.removeAll()
        inputBuffer.removeAll(keepingCapacity: true)
        for row in inputs { inputBuffer += row }
        var h = try tape.variable(inputBuffer, rows: batch, columns: layers[0])
        var weightVariables: [Variable] = []
        var biasVariables: [Variable] = []
        for (l, layer) in layout.enumerated() {
            let w = try tape.variable(parameters[layer.weightOffset..<layer.biasOffset], rows: layer.fanIn, columns: layer.fanOut)
            let b = try tape.variable(parameters[layer.biasOffset..<(layer.biasOffset + layer.fanOut)], rows: 1, columns: layer.fanOut)
            weightVariables.append(w)
            biasVariables.append(b)
            h = try tape.add(tape.matmul(h, w), b)  // the 1×fanOut bias broadcasts over the batch
            if l < layout.count - 1 {
                h = activation.apply(h, on: &tape)
                if training && dropout > 0 { h = try tape.dropout(h, probability: dropout, generator: &generator) }
            }
        }
        var objective: Variable
        switch loss {
        case .meanSquaredError:
            objective = try tape.meanSquaredError(h, tape.variable(targets, rows: batch, columns: outputCount))
        case .binaryCrossEntropy:
            // Sigmoid and log folded together: stable for large logits.
            objective = try tape.binaryCrossEntropyWithLogits(h, tape.variable(targets, rows: batch, columns: 1))
        case .crossEntropy:
            objective = try tape.crossEntropy(logits: h, labels: targets.map { Int($0) })
        }
        if l2 != 0 {
            for w in weightVariables { objective = try tape.add(objective, tape.l2Penalty(w, strength: l2)) }
        }
        tape.backward(from: objective)
        for (l, layer) in layout.enumerated() {
            tape.copyGradient(of: weightVariables[l], into: &gradientBuffer, at: layer.weightOffset)
            tape.copyGradient(of: biasVariables[l], into: &gradientBuffer, at: layer.biasOffset)
        }
        return tape.scalarValue(of: objective)
    }

    // MARK: Inference

    /// Raw outputs (logits for the classification losses) for each input row, computed with plain
    /// matrix products, no tape: fast enough to colour a whole decision-boundary grid.
    public func outputs(_ inputs: [[Double]]) -> [[Double]] {
        guard !inputs.isEmpty, inputs.allSatisfy({ $0.count == layers[0] }) else { return [] }
        var h = inputs.flatMap { $0 }
        let batch = inputs.count
        for (l, layer) in layout.enumerated() {
            var z = [Double](repeating: 0, count: batch * layer.fanOut)
            for i in 0..<batch {
                for j in 0..<layer.fanOut { z[i * layer.fanOut + j] = parameters[layer.biasOffset + j] }
            }
            Matmul.multiplyAdd(h, Array(parameters[layer.weightOffset..<layer.biasOffset]), into: &z,
                               m: batch, k: layer.fanIn, n: layer.fanOut)
            h = l < layout.count - 1 ? z.map { activation($0) } : z
        }
        return (0..<batch).map { Array(h[($0 * outputCount)..<(($0 + 1) * outputCount)]) }
    }

    /// Predictions for each row: regression values, or class probabilities (one for binary
    /// cross-entropy, the probability of class 1; a distribution for cross-entropy).
    public func predict(_ inputs: [[Double]]) -> [[Double]] {
        outputs(inputs).map { row in
            switch loss {
            case .meanSquaredError: return row
            case .binaryCrossEntropy: return row.map { Activation.logistic($0) }
            case .crossEntropy: return Activation.softmax(row)
            }
        }
    }

    /// Prediction for one row (see `predict`).
    public func predictProbability(_ row: [Double]) -> [Double] { predict([row]).first ?? [] }

    /// The predicted class of one row: argmax for cross-entropy, probability (or output, for a
    /// one-output regression net) above one half otherwise.
    public func predictClass(_ row: [Double]) -> Int {
        let p = predictProbability(row)
        if loss == .crossEntropy || p.count > 1 {
            var best = 0
            for j in p.indices where p[j] > p[best] { best = j }
            return best
        }
        return (p.first ?? 0) > 0.5 ? 1 : 0
    }
}
