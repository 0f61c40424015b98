import Foundation

/// How the learning rate changes with the step (or epoch) number, as closed-form functions that
/// agree with PyTorch's schedulers (`StepLR`, `CosineAnnealingLR`, `LinearLR`).
public enum LearningRateSchedule: Sendable, Equatable {
    /// The base rate throughout.
    case constant
    /// Multiply by `gamma` every `stepSize` steps (StepLR).
    case step(stepSize: Int, gamma: Double)
    /// Half a cosine from the base rate down to `minimum` over `period` steps (CosineAnnealingLR,
    /// whose curve continues periodically past `period`).
    case cosine(period: Int, minimum: Double)
    /// Ramp linearly from `startFactor`·base to base over `steps` steps, then hold (LinearLR).
    case linearWarmup(steps: Int, startFactor: Double)
    /// Linear warm-up over `warmupSteps`, then cosine decay to `minimum` at `totalSteps`.
    case warmupCosine(warmupSteps: Int, totalSteps: Int, minimum: Double)

    /// The learning rate at step `t` (0 is the first step) for a base rate.
    public func rate(base: Double, at t: Int) -> Double {
        switch self {
        case .constant:
            return base
        case let .step(stepSize, gamma):
            return base * pow(gamma, Double(t / max(stepSize, 1)))
        case let .cosine(period, minimum):
            return minimum + (base - minimum) * (1 + cos(Double.pi * Double(t) / Double(max(period, 1)))) / 2
        case let .linearWarmup(steps, startFactor):
            let progress = Double(min(t, steps)) / Double(max(steps, 1))
            return base * (startFactor + (1 - startFactor) * progress)
        case let .warmupCosine(warmupSteps, totalSteps, minimum):
            if t < warmupSteps { return base * Double(t + 1) / Double(warmupSteps) }
            let progress = Double(min(t - warmupSteps, totalSteps - warmupSteps)) / Double(max(totalSteps - warmupSteps, 1))
            return minimum + (base - minimum) * (1 + cos(Double.pi * progress)) / 2
        }
    }
}
