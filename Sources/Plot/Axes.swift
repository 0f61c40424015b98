import Terminal

/// The decoration around a plot area: title, y-axis label, tick labels, the axis lines with
/// their tick marks, the x-axis label and the zero lines.
///
/// Laid out like this (the plot area is where the canvas goes):
/// ```
///            title
/// y label
///   1.5 ┤⠀⠀⠀⠀⡠⠊
///     1 ┤⠀⠀⡠⠊
///   0.5 ┤⡠⠊
///       └┬─────┬─────┬
///        0     5     10
///             x label
/// ```
public struct Axes: Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: Scale
    public var yScale: Scale
    public var mode: GlyphMode
    /// Draw a dotted line where x = 0 and where y = 0 when they fall inside the ranges.
    public var zeroLines: Bool
    /// Custom x ticks (value, label), e.g. class names; nil for automatic numeric ticks.
    public var xTicks: [(Double, String)]?
    /// Custom y ticks (value, label); nil for automatic numeric ticks.
    public var yTicks: [(Double, String)]?

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, xScale: Scale, yScale: Scale, mode: GlyphMode = .unicode, zeroLines: Bool = true) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.mode = mode
        self.zeroLines = zeroLines
    }

    /// Where everything goes for one area.
    public struct Layout: Sendable {
        /// The plot area (canvas cells); empty when the area is too small for any plot.
        public var plot: Rect
        /// Rows of the y ticks (absolute) with their labels.
        public var yTicks: [(row: Int, label: String)]
        /// Columns of the x ticks (absolute) with their labels.
        public var xTicks: [(column: Int, label: String)]
        /// Columns reserved right of the plot (for a legend), starting at `plot.maxX + 1`.
        public var right: Rect
    }

    /// The cell column (relative to the plot) where an x value falls, given the pixels per cell.
    public static func column(_ fraction: Double, columns: Int, pixelsPerColumn: Int) -> Int {
        let pw = columns * pixelsPerColumn
        guard pw > 0 else { return 0 }
        return clampedInt((fraction * Double(pw - 1)).rounded(), 0, pw - 1) / pixelsPerColumn
    }

    /// The cell row (relative to the plot) where a y value falls, given the pixels per cell.
    public static func row(_ fraction: Double, rows: Int, pixelsPerRow: Int) -> Int {
        let ph = rows * pixelsPerRow
        guard ph > 0 else { return 0 }
        return clampedInt(((1 - fraction) * Double(ph - 1)).rounded(), 0, ph - 1) / pixelsPerRow
    }

    /// Splits `area` into the plot area and its margins. `rightWidth` columns are kept right of
    /// the plot (plus one of space) when there is room for them.
    public func layout(in area: Rect, rightWidth: Int = 0, pixelsPerColumn: Int = 1, pixelsPerRow: Int = 1) -> Layout {
        var top = 0
        if title != nil { top += 1 }
        if yLabel != nil { top += 1 }
        let bottom = 2 + (xLabel != nil ? 1 : 0)
        let rows = area.height - top - bottom
        let none = Layout(plot: Rect(x: area.x, y: area.y, width: 0, height: 0), yTicks: [], xTicks: [], right: Rect(x: area.x, y: area.y, width: 0, height: 0))
        guard rows >= 1 else { return none }

        let plotTop = area.y + top
        let yValues = yTicks ?? tickLabels(scale: yScale, maxCount: max(3, min(10, rows / 2 + 1)))
        var yTickRows: [(row: Int, label: String)] = []
        for (value, label) in yValues {
            let f = yScale.fraction(value)
            guard f.isFinite, f >= -1e-9, f <= 1 + 1e-9 else { continue }
            yTickRows.append((plotTop + Axes.row(f, rows: rows, pixelsPerRow: pixelsPerRow), label))
        }
        let labelWidth = yTickRows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let left = labelWidth + 2
        var right = rightWidth > 0 ? rightWidth + 1 : 0
        if area.width - left - right < 8 { right = 0 }
        let columns = area.width - left - right
        guard columns >= 1 else { return none }
        let plot = Rect(x: area.x + left, y: plotTop, width: columns, height: rows)

        let xValues = xTicks ?? tickLabels(scale: xScale, maxCount: max(3, min(12, columns / 7 + 1)))
        var xTickColumns: [(column: Int, label: String)] = []
        for (value, label) in xValues {
            let f = xScale.fraction(value)
            guard f.isFinite, f >= -1e-9, f <= 1 + 1e-9 else { continue }
            xTickColumns.append((plot.x + Axes.column(f, columns: columns, pixelsPerColumn: pixelsPerColumn), label))
        }
        let rightRect = Rect(x: plot.maxX + 1, y: plot.y, width: right > 0 ? right - 1 : 0, height: rows)
        return Layout(plot: plot, yTicks: yTickRows, xTicks: xTickColumns, right: rightRect)
    }

    /// Tick values with labels for a scale: 1-2-5 multiples, or powers of ten on a log scale.
    public func tickLabels(scale: Scale, maxCount: Int) -> [(Double, String)] {
        let values = scale.kind == .log10
            ? Ticks.log10Ticks(lower: scale.lower, upper: scale.upper, maxCount: maxCount)
            : Ticks.linear(lower: scale.lower, upper: scale.upper, maxCount: maxCount)
        if scale.kind == .log10, values.count >= 2, values[1] / values[0] >= 9.99 {
            return values.map { ($0, Ticks.compact($0)) }
        }
        let step = values.count >= 2 ? values[1] - values[0] : Ticks.step(lower: scale.lower, upper: scale.upper, maxCount: maxCount)
        return values.map { ($0, Ticks.label($0, step: step)) }
    }

    /// Draws everything except the plot's contents. Call it before rendering the canvas, so
    /// the canvas draws over the zero lines.
    public func draw(into buffer: inout Buffer, area: Rect, layout: Layout, pixelsPerColumn: Int = 1, pixelsPerRow: Int = 1) {
        let plot = layout.plot
        if let title, !title.isEmpty {
            let w = DisplayWidth.of(title)
            let centre = plot.isEmpty ? area.x + area.width / 2 : plot.x + plot.width / 2
            let x = max(area.x, min(centre - w / 2, area.maxX - w))
            buffer.write(title, x: x, y: area.y, style: .bold, clip: area)
        }
        guard !plot.isEmpty else { return }
        if let yLabel, !yLabel.isEmpty {
            buffer.write(yLabel, x: area.x, y: plot.y - 1, clip: area)
        }
        let unicode = mode == .unicode
        let axisX = plot.x - 1
        for y in plot.minY..<plot.maxY {
            buffer.put(unicode ? "│" : "|", x: axisX, y: y, clip: area)
        }
        for tick in layout.yTicks {
            buffer.put(unicode ? "┤" : "+", x: axisX, y: tick.row, clip: area)
            let w = DisplayWidth.of(tick.label)
            buffer.write(tick.label, x: axisX - 1 - w, y: tick.row, clip: area)
        }
        let axisY = plot.maxY
        buffer.put(unicode ? "└" : "+", x: axisX, y: axisY, clip: area)
        for x in plot.minX..<plot.maxX {
            buffer.put(unicode ? "─" : "-", x: x, y: axisY, clip: area)
        }
        var nextFree = area.x
        for tick in layout.xTicks {
            buffer.put(unicode ? "┬" : "+", x: tick.column, y: axisY, clip: area)
            let w = DisplayWidth.of(tick.label)
            let x = max(area.x, min(tick.column - (w - 1) / 2, area.maxX - w))
            guard x >= nextFree else { continue }
            buffer.write(tick.label, x: x, y: axisY + 1, clip: area)
            nextFree = x + w + 1
        }
        if let xLabel, !xLabel.isEmpty {
            let w = DisplayWidth.of(xLabel)
            let x = max(area.x, min(plot.x + plot.width / 2 - w / 2, area.maxX - w))
            buffer.write(xLabel, x: x, y: axisY + 2, clip: area)
        }
        guard zeroLines else { return }
        let zeroStyle = Style(foreground: .brightBlack)
        if yScale.kind == .linear, yScale.lower < 0, yScale.upper > 0 {
            let y = plot.y + Axes.row(yScale.fraction(0), rows: plot.height, pixelsPerRow: pixelsPerRow)
            for x in plot.minX..<plot.maxX { buffer.put(unicode ? "┈" : "-", x: x, y: y, style: zeroStyle, clip: plot) }
        }
        if xScale.kind == .linear, xScale.lower < 0, xScale.upper > 0 {
            let x = plot.x + Axes.column(xScale.fraction(0), columns: plot.width, pixelsPerColumn: pixelsPerColumn)
            for y in plot.minY..<plot.maxY { buffer.put(unicode ? "┊" : ":", x: x, y: y, style: zeroStyle, clip: plot) }
        }
    }
}
