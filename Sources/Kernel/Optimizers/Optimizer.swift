/// Something that moves parameters downhill given their gradients, one step at a time.
///
/// All parameters of a model are passed as one flat array (the MLP keeps its weights that way),
/// so an optimizer's state is a few arrays of the same length. The first `step` sizes the state;
/// passing a different number of parameters later starts the state afresh.
///
/// The update rules follow PyTorch's `torch.optim` exactly, including defaults and the order of
/// operations, and are checked against PyTorch trajectories in the tests.
public protocol Optimizer: Sendable {
    /// The step size; learning-rate schedules write it between steps.
    var learningRate: Double { get set }
    /// Updates `parameters` in place from `gradients` (same length).
    mutating func step(parameters: inout [Double], gradients: [Double]) throws(KernelError)
    /// Forgets accumulated state (momentum, running averages, step count).
    mutating func reset()
}

extension Optimizer {
    static func checkSizes(_ parameters: [Double], _ gradients: [Double]) throws(KernelError) {
        guard parameters.count == gradients.count else {
            throw .shapeMismatch(operation: "optimizer step", left: [parameters.count], right: [gradients.count])
        }
    }
}
