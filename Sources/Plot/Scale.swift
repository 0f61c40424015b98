import Foundation

/// How data values map onto an axis.
public enum ScaleKind: Sendable, Hashable {
    case linear
    /// Base-10 logarithmic; zero and negative values have no place on it (zero maps to -∞,
    /// which charts clamp to the bottom edge with a marker; negative values are gaps).
    case log10
}

/// A mapping from a data interval onto the unit interval 0...1, linear or logarithmic.
public struct Scale: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var kind: ScaleKind

    /// A scale over `lower...upper`. Degenerate or non-finite bounds are repaired so that the
    /// mapping is always defined: see `Scale.automatic` for the rules.
    public init(lower: Double, upper: Double, kind: ScaleKind = .linear) {
        self.kind = kind
        var lo = lower, hi = upper
        if kind == .log10 {
            if !(lo > 0) || !lo.isFinite { lo = hi > 0 && hi.isFinite ? hi / 10 : 1 }
            if !(hi > 0) || !hi.isFinite { hi = lo * 10 }
        }
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if kind == .log10 { lo /= 10; hi *= 10 } else {
                let pad = lo == 0 ? 1 : abs(lo) * 0.1
                lo -= pad; hi += pad
            }
        }
        self.lower = lo
        self.upper = hi
    }

    /// The scale that fits the finite values given (positive ones for a log scale), or
    /// `fixed` when one is given. No values gives 0...1 (1...10 for log); one distinct value
    /// `v` gives v±10% (v±1 for zero), so a constant series draws as a line across the middle.
    /// Automatic ranges are widened to round numbers (`widenedToTicks`).
    public static func automatic(_ values: [[Double]], fixed: ClosedRange<Double>? = nil, kind: ScaleKind = .linear) -> Scale {
        if let fixed { return Scale(lower: fixed.lowerBound, upper: fixed.upperBound, kind: kind) }
        var lo = Double.infinity, hi = -Double.infinity
        for list in values {
            for v in list where v.isFinite && (kind == .linear || v > 0) {
                if v < lo { lo = v }
                if v > hi { hi = v }
            }
        }
        if lo > hi { return kind == .log10 ? Scale(lower: 1, upper: 10, kind: kind) : Scale(lower: 0, upper: 1) }
        return Scale(lower: lo, upper: hi, kind: kind).widenedToTicks()
    }

    /// This scale widened to round numbers, so the ends carry tick labels: to whole decades on a
    /// log scale, else to multiples of the 1-2-5 step that gives about ten ticks (0.03...0.97
    /// becomes 0...1; 0...99 becomes 0...100). Automatic ranges use it; fixed ones do not.
    public func widenedToTicks() -> Scale {
        switch kind {
        case .log10:
            return Scale(lower: pow(10, floor(log10(lower) + 1e-9)), upper: pow(10, ceil(log10(upper) - 1e-9)), kind: kind)
        case .linear:
            let step = Ticks.step(lower: lower, upper: upper, maxCount: 10)
            guard step > 0 else { return self }
            return Scale(lower: (lower / step + 1e-9).rounded(.down) * step, upper: (upper / step - 1e-9).rounded(.up) * step)
        }
    }

    /// Where `value` falls: 0 at `lower`, 1 at `upper`, outside 0...1 beyond them. NaN for a
    /// value with no place on the scale (NaN, or negative on a log scale); ±∞ for ±∞ (and 0 on
    /// a log scale gives -∞).
    public func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear:
            return (value - lower) / (upper - lower)
        case .log10:
            if value < 0 || value.isNaN { return .nan }
            if value == 0 { return -.infinity }
            let l = _log10(lower), u = _log10(upper)
            return (_log10(value) - l) / (u - l)
        }
    }

    /// The data value at a fraction of the way from `lower` to `upper`.
    public func value(atFraction t: Double) -> Double {
        switch kind {
        case .linear: return lower + t * (upper - lower)
        case .log10:
            let l = _log10(lower), u = _log10(upper)
            return _pow10(l + t * (u - l))
        }
    }
}

func _log10(_ x: Double) -> Double { log10(x) }

func _pow10(_ x: Double) -> Double { pow(10, x) }

/// A Double rounded down into `lower...upper` as an Int; NaN gives `lower`. Converting a
/// non-finite or huge Double with `Int(_:)` traps, and plotted data may be anything.
func clampedInt(_ value: Double, _ lower: Int, _ upper: Int) -> Int {
    guard value == value else { return lower }
    if value <= Double(lower) { return lower }
    if value >= Double(upper) { return upper }
    return Int(value)
}
