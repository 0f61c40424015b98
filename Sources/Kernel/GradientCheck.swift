/// Checks a tape's analytic gradients against finite differences.
///
/// For every input element x, the central difference (f(x+h) − f(x−h)) / 2h approximates ∂f/∂x
/// with an error of order h², so a correct backward pass agrees with it to about 1e-8 for h = 1e-6
/// on smooth functions. A wrong derivative is off by orders of magnitude more, which is why this
/// one function guards every operation in the test suite.
public enum GradientCheck {
    /// The outcome of a check: the worst disagreement and where it happened.
    public struct Report: Sendable {
        /// max |analytic − numeric| / max(1, |analytic|, |numeric|): relative for large
        /// gradients, absolute near zero.
        public var maximumError: Double
        /// (input number, element index) of the worst disagreement.
        public var worstInput: Int
        public var worstElement: Int
        public var analytic: [[Double]]
        public var numeric: [[Double]]
    }

    /// Compares analytic and central-difference gradients of a scalar function of `inputs`.
    ///
    /// `function` receives a fresh tape with one variable per input (in order) and returns the
    /// output; a non-scalar output is summed. It must be deterministic: anything random, such as a
    /// dropout mask, must come from a generator seeded inside `function`.
    public static func check(inputs: [Tensor], step h: Double = 1e-6,
                             function: (inout Tape, [Variable]) throws(KernelError) -> Variable) throws(KernelError) -> Report {
        func evaluate(_ tensors: [Tensor]) throws(KernelError) -> (Double, Tape, [Variable], Variable) {
            var tape = Tape()
            var variables: [Variable] = []
            for t in tensors { variables.append(try tape.variable(t)) }
            var output = try function(&tape, variables)
            if tape.shape(of: output) != (1, 1) { output = tape.sum(output) }
            return (tape.scalarValue(of: output), tape, variables, output)
        }
        var (_, tape, variables, output) = try evaluate(inputs)
        tape.backward(from: output)
        let analytic = variables.map { tape.gradient(of: $0) }

        var numeric: [[Double]] = []
        var report = Report(maximumError: 0, worstInput: 0, worstElement: 0, analytic: analytic, numeric: [])
        for (inputIndex, input) in inputs.enumerated() {
            var row: [Double] = []
            for element in 0..<input.count {
                var shifted = inputs
                shifted[inputIndex].data[element] = input.data[element] + h
                let plus = try evaluate(shifted).0
                shifted[inputIndex].data[element] = input.data[element] - h
                let minus = try evaluate(shifted).0
                let estimate = (plus - minus) / (2 * h)
                row.append(estimate)
                let a = analytic[inputIndex][element]
                let error = abs(a - estimate) / max(1, abs(a), abs(estimate))
                if error > report.maximumError || error.isNaN {
                    report.maximumError = error
                    report.worstInput = inputIndex
                    report.worstElement = element
                }
            }
            numeric.append(row)
        }
        report.numeric = numeric
        return report
    }
}
