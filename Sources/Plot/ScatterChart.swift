import Terminal

/// Points, one series per class, each with its own colour and (optionally) its own marker.
///
/// With `markers == .dots` every point is one braille dot (best for many points); with
/// `.symbols` each class gets a character (`● ■ ▲ ◆ + x ○ □`, ASCII `o # ^ * + x @ %`) so the
/// classes stay apart without colour. A series' own `marker` always wins. `canvas = .density`
/// shades cells by how many points fall in them.
public struct ScatterChart: View, Sendable {
    /// How points are drawn.
    public enum Markers: Sendable, Hashable {
        case dots
        case symbols
    }

    public var series: [Series]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var yScale: ScaleKind = .linear
    public var mode: GlyphMode = .unicode
    public var canvas: CanvasKind = .braille
    public var markers: Markers = .dots
    public var legend: LegendPosition = .right
    public var zeroLines = true
    /// Make one unit as long across as down (a circle looks round), by widening an automatic
    /// range; for geometry such as a matrix acting on the unit square. Linear scales only.
    public var equalAspect = false

    /// The marker of class number `index` in `.symbols` mode.
    public static func symbol(_ index: Int, mode: GlyphMode) -> Character {
        let set: [Character] = mode == .unicode ? ["●", "■", "▲", "◆", "+", "x", "○", "□"] : ["o", "#", "^", "*", "+", "x", "@", "%"]
        return set[((index % set.count) + set.count) % set.count]
    }

    public init(series: [Series] = [], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, markers: Markers = .dots, mode: GlyphMode = .unicode) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.markers = markers
        self.mode = mode
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        var drawn = series
        for i in drawn.indices where drawn[i].marker == nil {
            if markers == .symbols {
                drawn[i].marker = ScatterChart.symbol(i, mode: mode)
            } else if mode == .ascii && canvas != .density {
                // ASCII sub-cell patterns read as line pieces; a point is clearer as a letter.
                drawn[i].marker = ScatterChart.symbol(i, mode: .ascii)
            }
        }
        XYPlot(series: drawn, connect: false, title: title, xLabel: xLabel, yLabel: yLabel, xRange: xRange, yRange: yRange,
               yScale: yScale, mode: mode, canvas: canvas, legend: legend, zeroLines: zeroLines, equalAspect: equalAspect)
            .render(into: &buffer, area: area)
    }
}
