/// Everything the kernel can reject, with a message that says what was wrong and what to do.
///
/// The kernel never traps on bad input: shape mismatches and impossible requests (more folds than
/// samples, a singular system) come back as one of these. Numerical trouble is different: NaN and
/// infinity are legitimate values (a demo may be showing divergence), so they flow through.
public enum KernelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two operands whose shapes cannot be combined by `operation`.
    case shapeMismatch(operation: String, left: [Int], right: [Int])
    /// A value or array that does not fit the documented contract.
    case invalidArgument(String)
    /// Fewer samples than the procedure needs (for example 5 folds of 3 samples).
    case notEnoughSamples(needed: Int, got: Int, context: String)
    /// A linear system with no unique solution.
    case singularMatrix(String)
    /// A model used before it was fitted or initialized.
    case notFitted(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, left, right):
            return "\(operation): shapes \(left) and \(right) do not match; "
                + "make the sizes equal, or 1 where a value should be broadcast."
        case let .invalidArgument(message):
            return message
        case let .notEnoughSamples(needed, got, context):
            return "\(context): needs at least \(needed) samples but got \(got); "
                + "use more data or a smaller number of splits/neighbours/clusters."
        case let .singularMatrix(message):
            return "singular matrix: \(message); remove duplicated or constant features."
        case let .notFitted(message):
            return "\(message) is not fitted yet; call fit (or initialize) first."
        }
    }
}
