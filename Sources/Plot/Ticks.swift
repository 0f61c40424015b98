import Foundation

/// "Nice" tick positions (steps of 1, 2 or 5 times a power of ten) and compact labels for them.
public enum Ticks {
    /// The smallest 1-2-5 step that puts at most `maxCount` ticks in `lower...upper`.
    /// Returns 0 for an empty or non-finite interval.
    public static func step(lower: Double, upper: Double, maxCount: Int) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite, lower.isFinite, upper.isFinite else { return 0 }
        let target = max(maxCount, 1)
        var exponent = floor(log10(span / Double(target))) - 1
        while exponent < 400 {
            let base = pow(10, exponent)
            for mantissa in [1.0, 2.0, 5.0] {
                let s = mantissa * base
                if s > 0, count(lower: lower, upper: upper, step: s) <= target { return s }
            }
            exponent += 1
        }
        return span
    }

    /// Multiples of a 1-2-5 step inside `lower...upper`, at most `maxCount` of them.
    public static func linear(lower: Double, upper: Double, maxCount: Int) -> [Double] {
        let s = step(lower: lower, upper: upper, maxCount: maxCount)
        guard s > 0 else { return lower.isFinite ? [lower] : [] }
        let first = (lower / s - 1e-9).rounded(.up), last = (upper / s + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        var values: [Double] = []
        var k = first
        while k <= last {
            let v = k * s
            values.append(v == 0 ? 0 : v)  // no "-0"
            k += 1
        }
        return values
    }

    /// Powers of ten inside `lower...upper` (every second, third... when there are more than
    /// `maxCount`); falls back to linear ticks when the interval spans less than one decade.
    public static func log10Ticks(lower: Double, upper: Double, maxCount: Int) -> [Double] {
        guard lower > 0, upper > lower, upper.isFinite else { return linear(lower: lower, upper: upper, maxCount: maxCount) }
        let first = Int((log10(lower) - 1e-9).rounded(.up)), last = Int((log10(upper) + 1e-9).rounded(.down))
        let n = last - first + 1
        if n < 2 { return linear(lower: lower, upper: upper, maxCount: maxCount) }
        let stride = max(1, (n + max(maxCount, 1) - 1) / max(maxCount, 1))
        return Swift.stride(from: first, through: last, by: stride).map { pow(10, Double($0)) }
    }

    /// A short label for a tick value, given the tick step: `0.25`, `-3`, `1.2k`, `1e-3`.
    /// Steps below 0.01 give scientific labels; values of a thousand or more get k, M, G, T.
    public static func label(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let s = abs(step)
        if s > 0, abs(value) < s * 1e-6 { return "0" }
        if s > 0, s < 0.01 { return scientific(value, decimals: max(0, Int(floor(log10(abs(value)))) - Int(floor(log10(s) + 1e-9)))) }
        let a = abs(value)
        if a >= 1000 {
            let (unit, suffix) = suffixUnit(a)
            guard !suffix.isEmpty else { return scientific(value, decimals: 2) }
            let decimals = s > 0 ? max(0, -Int(floor(log10(s / unit) + 1e-9))) : 1
            return fixed(value / unit, decimals: min(decimals, 3)) + suffix
        }
        let decimals = s > 0 ? max(0, -Int(floor(log10(s) + 1e-9))) : 3
        return fixed(value, decimals: decimals)
    }

    /// A short label for any value, with about `digits` significant digits: `12.5`, `0.333`,
    /// `1.23k`, `4.5e-5`, `-2`. Used for bar values, colour-scale ends and matrix cells.
    public static func compact(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let a = abs(value)
        if a == 0 { return "0" }
        let d = max(digits, 1)
        if a < 0.01 { return scientific(value, decimals: d - 1) }
        if a >= 1000 {
            let (unit, suffix) = suffixUnit(a)
            guard !suffix.isEmpty else { return scientific(value, decimals: d - 1) }
            let scaled = a / unit
            return fixed(value / unit, decimals: max(0, d - intDigits(scaled))) + suffix
        }
        return fixed(value, decimals: max(0, d - intDigits(a)))
    }

    /// A value with at most `decimals` decimals, trailing zeros dropped: 0.50 → "0.5", 2.0 → "2".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let d = min(max(decimals, 0), 12)
        let scale = pow(10, Double(d))
        let r = (abs(value) * scale).rounded()
        guard r < 9e15 else { return scientific(value, decimals: 2) }
        let n = Int64(r), unit = Int64(scale)
        var text = String(n / unit)
        if d > 0 {
            var fraction = String(n % unit)
            fraction = String(repeating: "0", count: d - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return (value < 0 && n != 0 ? "-" : "") + text
    }

    /// `m e k` with `decimals` decimals in the mantissa, trailing zeros dropped: "1e-3", "2.5e-4".
    public static func scientific(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        let d = min(max(decimals, 0), 6)
        let rounded = (abs(mantissa) * pow(10, Double(d))).rounded() / pow(10, Double(d))
        if rounded >= 10 { exponent += 1; mantissa /= 10 }
        return fixed(mantissa, decimals: d) + "e" + String(exponent)
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf")
    }

    private static func suffixUnit(_ a: Double) -> (Double, String) {
        if a >= 1e15 { return (1, "") }
        if a >= 1e12 { return (1e12, "T") }
        if a >= 1e9 { return (1e9, "G") }
        if a >= 1e6 { return (1e6, "M") }
        return (1e3, "k")
    }

    private static func intDigits(_ a: Double) -> Int { a < 1 ? 0 : Int(floor(log10(a) + 1e-12)) + 1 }

    private static func count(lower: Double, upper: Double, step: Double) -> Int {
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        let n = last - first + 1
        return n > 1e9 ? Int.max : Int(max(n, 0))
    }
}
