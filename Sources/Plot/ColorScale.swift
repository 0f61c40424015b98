import Terminal

/// Turns a value's place in a range into a colour of the 256-colour palette, or into a shade
/// character when colour is off or unavailable.
public struct ColorScale: Sendable, Hashable {
    /// Colours from the low end to the high end, evenly spaced.
    public var colors: [Color]

    public init(colors: [Color]) { self.colors = colors.isEmpty ? [.default] : colors }

    /// Dark purple through blue, teal and green to yellow: perceptually ordered, readable for
    /// colour-blind viewers (an approximation of matplotlib's viridis in the 6×6×6 cube).
    public static let viridis = ColorScale(colors: [53, 54, 60, 61, 67, 30, 36, 71, 113, 149, 184, 226].map { Color.indexed($0) })
    /// Black to white along the 24-step grey ramp.
    public static let greys = ColorScale(colors: (0..<24).map { Color.grey($0) })
    /// Blue through white to red, for signed values centred on zero (gradients, residuals).
    public static let diverging = ColorScale(colors: [18, 25, 68, 153, 231, 224, 210, 196, 124].map { Color.indexed($0) })

    /// The colour at `t` (clamped to 0...1); nil for NaN.
    public func color(at t: Double) -> Color? {
        guard !t.isNaN else { return nil }
        let clamped = min(max(t, 0), 1)
        let index = Int((clamped * Double(colors.count - 1)).rounded())
        return colors[index]
    }

    /// Shade characters from least to most: ` ░▒▓█`, or ` .:-=+*#%@` in ASCII.
    public static func shades(_ mode: GlyphMode) -> [Character] {
        mode == .unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    }

    /// The shade character at `t` (clamped to 0...1); nil for NaN.
    public static func shade(at t: Double, mode: GlyphMode) -> Character? {
        guard !t.isNaN else { return nil }
        let ramp = shades(mode)
        let clamped = min(max(t, 0), 1)
        return ramp[Int((clamped * Double(ramp.count - 1)).rounded())]
    }

    /// Black or white, whichever reads better on `background`.
    public static func contrastingText(on background: Color) -> Color {
        guard case .indexed(let index) = background else { return .default }
        let (r, g, b) = Color.rgb(ofIndex: index)
        return 299 * r + 587 * g + 114 * b > 128_000 ? .black : .brightWhite
    }
}

/// A vertical legend for a colour scale: the colours (or shades) from high at the top to low at
/// the bottom, with the high, middle and low values written beside them.
public struct ColorBar: Sendable, Hashable {
    public var scale: ColorScale
    public var range: ClosedRange<Double>
    /// False draws shade characters instead of colours.
    public var useColor: Bool
    public var mode: GlyphMode

    public init(scale: ColorScale, range: ClosedRange<Double>, useColor: Bool = true, mode: GlyphMode = .unicode) {
        self.scale = scale
        self.range = range
        self.useColor = useColor
        self.mode = mode
    }

    private var labels: (String, String, String) {
        let lo = range.lowerBound, hi = range.upperBound
        // A value within a thousandth of the span from zero is zero, not "-8.99e-4".
        let label = { (v: Double) in abs(v) < (hi - lo) * 1e-3 ? "0" : Ticks.compact(v) }
        return (label(hi), label((lo + hi) / 2), label(lo))
    }

    /// Columns needed: a two-column strip, a space and the widest label.
    public var width: Int {
        let (a, b, c) = labels
        return 3 + max(DisplayWidth.of(a), DisplayWidth.of(b), DisplayWidth.of(c))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.height >= 1 else { return }
        let rows = area.height
        for r in 0..<rows {
            let t = rows == 1 ? 1 : 1 - Double(r) / Double(rows - 1)
            let y = area.y + r
            if useColor && mode == .unicode, let color = scale.color(at: t) {
                buffer.write("██", x: area.x, y: y, style: Style(foreground: color), clip: area)
            } else if let shade = ColorScale.shade(at: t, mode: mode) {
                buffer.write(String([shade, shade]), x: area.x, y: y, style: useColor ? Style(foreground: scale.color(at: t) ?? .default) : .plain, clip: area)
            }
        }
        let (high, middle, low) = labels
        buffer.write(high, x: area.x + 3, y: area.y, clip: area)
        if rows >= 5 { buffer.write(middle, x: area.x + 3, y: area.y + (rows - 1) / 2, clip: area) }
        if rows >= 2 { buffer.write(low, x: area.x + 3, y: area.maxY - 1, clip: area) }
    }
}
