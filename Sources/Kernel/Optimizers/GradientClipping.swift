/// Gradient clipping, the usual cure for exploding gradients.
public enum GradientClipping {
    /// Rescales all gradients together so their global L2 norm is at most `maxNorm`, as
    /// `torch.nn.utils.clip_grad_norm_`: the factor is maxNorm / (norm + 1e-6), capped at 1.
    /// Returns the norm before clipping (what a demo plots).
    @discardableResult
    public static func clipByNorm(_ gradients: inout [Double], maxNorm: Double) -> Double {
        var sumOfSquares = 0.0
        for g in gradients { sumOfSquares += g * g }
        let norm = sumOfSquares.squareRoot()
        let factor = min(maxNorm / (norm + 1e-6), 1)
        for i in gradients.indices { gradients[i] *= factor }
        return norm
    }

    /// Clamps each gradient to [−limit, limit], as `torch.nn.utils.clip_grad_value_`.
    public static func clipByValue(_ gradients: inout [Double], limit: Double) {
        for i in gradients.indices { gradients[i] = min(max(gradients[i], -limit), limit) }
    }
}
