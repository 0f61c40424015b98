import Terminal

/// A grid of values drawn as colours (two pixels per cell, ▀ ▄), with axes and a colour bar:
/// loss surfaces, decision boundaries, attention weights.
///
/// `values[0]` is the top row. The grid covers `xRange` × `yRange` in data units (by default
/// column and row indices, y running upward from the bottom row), and `points` are laid over it
/// as markers, so a classifier's training data can sit on its decision regions. Without colour
/// (`useColor == false`, for monochrome terminals) or in ASCII each cell is one shade character.
/// NaN cells stay empty.
public struct HeatMap: View, Sendable {
    public var values: [[Double]]
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// The values mapped to the scale's ends; nil for the finite minimum and maximum.
    public var valueRange: ClosedRange<Double>?
    public var colorScale: ColorScale = .viridis
    public var useColor = true
    public var showColorBar = true
    /// Points drawn over the grid; each series' marker (default `ScatterChart.symbol`) and colour.
    public var points: [Series] = []
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var mode: GlyphMode = .unicode

    public init(values: [[Double]], xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, title: String? = nil, mode: GlyphMode = .unicode) {
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.title = title
        self.mode = mode
    }

    var rowCount: Int { values.count }
    var columnCount: Int { values.map(\.count).max() ?? 0 }

    /// The range of finite values (or `valueRange`), never empty.
    public var effectiveValueRange: ClosedRange<Double> {
        if let valueRange { return valueRange }
        let scale = Scale(lower: values.joined().filter(\.isFinite).min() ?? 0, upper: values.joined().filter(\.isFinite).max() ?? 1)
        return values.joined().contains(where: \.isFinite) ? scale.lower...scale.upper : 0...1
    }

    func value(row: Int, column: Int) -> Double {
        guard row >= 0, row < values.count, column >= 0, column < values[row].count else { return .nan }
        return values[row][column]
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let rows = rowCount, columns = columnCount
        let xScale = Scale(lower: xRange?.lowerBound ?? 0, upper: xRange?.upperBound ?? Double(max(columns, 1)))
        let yScale = Scale(lower: yRange?.lowerBound ?? 0, upper: yRange?.upperBound ?? Double(max(rows, 1)))
        let range = effectiveValueRange
        let valueScale = Scale(lower: range.lowerBound, upper: range.upperBound)
        let bar = ColorBar(scale: colorScale, range: valueScale.lower...valueScale.upper, useColor: useColor, mode: mode)
        let halfBlocks = useColor && mode == .unicode
        let ppr = halfBlocks ? 2 : 1
        let axes = Axes(title: title, xLabel: xLabel, yLabel: yLabel, xScale: xScale, yScale: yScale, mode: mode, zeroLines: false)
        let layout = axes.layout(in: area, rightWidth: showColorBar ? bar.width + 1 : 0, pixelsPerColumn: 1, pixelsPerRow: ppr)
        axes.draw(into: &buffer, area: area, layout: layout, pixelsPerColumn: 1, pixelsPerRow: ppr)
        let plot = layout.plot
        guard !plot.isEmpty else { return }

        var canvas = HalfBlockCanvas(columns: plot.width, rows: halfBlocks ? plot.height : 0)
        if rows > 0 && columns > 0 {
            let ph = plot.height * ppr
            for py in 0..<ph {
                let r = min(rows - 1, py * rows / ph)
                for px in 0..<plot.width {
                    let c = min(columns - 1, px * columns / plot.width)
                    let t = valueScale.fraction(value(row: r, column: c))
                    if halfBlocks {
                        if let color = colorScale.color(at: t) { canvas.set(x: px, y: py, color: color) }
                    } else if let shade = ColorScale.shade(at: t, mode: mode) {
                        let style = useColor ? Style(foreground: colorScale.color(at: t) ?? .default) : .plain
                        buffer.put(shade, x: plot.x + px, y: plot.y + py, style: style, clip: plot)
                    }
                }
            }
        }
        if halfBlocks { canvas.render(into: &buffer, area: plot) }

        for (index, s) in points.enumerated() {
            let color = s.color ?? PlotPalette.color(index)
            let marker = s.marker ?? ScatterChart.symbol(index, mode: mode)
            for i in 0..<s.count {
                let fx = xScale.fraction(s.x[i]), fy = yScale.fraction(s.y[i])
                guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { continue }
                let cx = Axes.column(fx, columns: plot.width, pixelsPerColumn: 1)
                let cy = Axes.row(fy, rows: plot.height, pixelsPerRow: 1)
                // Keep the region's colour behind the marker so the boundary stays visible.
                let behind = halfBlocks ? (canvas.color(x: cx, y: 2 * cy) ?? .default) : .default
                buffer.put(marker, x: plot.x + cx, y: plot.y + cy, style: Style(foreground: color, background: behind, attributes: .bold), clip: plot)
            }
        }
        if showColorBar, layout.right.width > 0 {
            bar.render(into: &buffer, area: Rect(x: layout.right.x + 1, y: layout.right.y, width: layout.right.width - 1, height: layout.right.height))
        }
    }
}
