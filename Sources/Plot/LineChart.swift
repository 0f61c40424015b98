import Terminal

/// Several series drawn as lines on one set of axes: loss curves, train vs validation error,
/// activations and their derivatives.
///
/// ```swift
/// var chart = LineChart(series: [Series("train", y: trainLoss), Series("valid", y: validLoss)])
/// chart.title = "loss"
/// chart.yScale = .log10
/// chart.mode = GlyphMode(backend.capabilities)
/// chart.render(into: &buffer, area: rect)
/// ```
/// Ranges are automatic (the finite data) unless fixed; points outside a fixed range are
/// clipped at the plot's edge. See `Series` for NaN and ±∞, and `Canvas` for the colour rule.
public struct LineChart: View, Sendable {
    public var series: [Series]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    /// Fixed x range; nil to fit the data.
    public var xRange: ClosedRange<Double>?
    /// Fixed y range; nil to fit the data.
    public var yRange: ClosedRange<Double>?
    /// `.log10` for loss curves; values ≤ 0 cannot be shown on it (0 is clamped to the bottom
    /// edge with a marker, negative values are gaps).
    public var yScale: ScaleKind = .linear
    /// Unicode or ASCII glyphs; `.ascii` also switches to the ASCII canvas.
    public var mode: GlyphMode = .unicode
    public var canvas: CanvasKind = .braille
    public var legend: LegendPosition = .right
    public var zeroLines = true
    /// Make one unit as long across as down (a circle looks round), by widening an automatic
    /// range; for geometry such as a matrix acting on the unit square. Linear scales only.
    public var equalAspect = false

    public init(series: [Series] = [], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, mode: GlyphMode = .unicode) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.mode = mode
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        XYPlot(series: series, connect: true, title: title, xLabel: xLabel, yLabel: yLabel, xRange: xRange, yRange: yRange,
               yScale: yScale, mode: mode, canvas: canvas, legend: legend, zeroLines: zeroLines, equalAspect: equalAspect)
            .render(into: &buffer, area: area)
    }
}
