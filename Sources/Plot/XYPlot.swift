import Terminal

/// What line and scatter charts share: ranges, axes, a canvas, series drawn in order, glyph
/// overlays and a legend.
///
/// Drawing order (later wins a cell): axes and zero lines, then the canvas cells that have
/// dots, then overlays (series markers, ±∞ clamp markers) in series order, then the legend.
struct XYPlot: Sendable {
    var series: [Series]
    var connect: Bool
    var title: String?
    var xLabel: String?
    var yLabel: String?
    var xRange: ClosedRange<Double>?
    var yRange: ClosedRange<Double>?
    var yScale: ScaleKind
    var mode: GlyphMode
    var canvas: CanvasKind
    var legend: LegendPosition
    var zeroLines: Bool
    var equalAspect = false

    struct Overlay {
        var x: Int
        var y: Int
        var glyph: Character
        var color: Color
    }

    var effectiveCanvas: CanvasKind { mode == .ascii && canvas != .density ? .ascii : canvas }

    func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var xScale = Scale.automatic(series.map { Array($0.x.prefix($0.count)) }, fixed: xRange)
        var yScaleValue = Scale.automatic(series.map { Array($0.y.prefix($0.count)) }, fixed: yRange, kind: yScale)
        var axes = Axes(title: title, xLabel: xLabel, yLabel: yLabel, xScale: xScale, yScale: yScaleValue, mode: mode, zeroLines: zeroLines)
        let kind = effectiveCanvas
        let (ppc, ppr): (Int, Int)
        switch kind {
        case .braille: (ppc, ppr) = (2, 4)
        case .halfBlock: (ppc, ppr) = (1, 2)
        case .density: (ppc, ppr) = (1, 1)
        case .ascii: (ppc, ppr) = (2, 3)
        }
        let legendBox = Legend(entries: series.enumerated().map { i, s in
            Legend.Entry(name: s.name, color: s.color ?? PlotPalette.color(i), symbol: s.marker)
        }, mode: mode)
        var layout = axes.layout(in: area, rightWidth: legend == .right ? legendBox.width : 0, pixelsPerColumn: ppc, pixelsPerRow: ppr)
        if equalAspect && !layout.plot.isEmpty {
            // Terminal cells are about twice as tall as wide: a plot of w × h cells is w × 2h
            // square units. Widen the automatic range that is too narrow, about its centre.
            let (x, y) = XYPlot.equalAspect(xScale, yScaleValue, width: Double(layout.plot.width), height: 2 * Double(layout.plot.height),
                                            xFixed: xRange != nil, yFixed: yRange != nil)
            xScale = x
            yScaleValue = y
            axes.xScale = x
            axes.yScale = y
            layout = axes.layout(in: area, rightWidth: legend == .right ? legendBox.width : 0, pixelsPerColumn: ppc, pixelsPerRow: ppr)
        }
        axes.draw(into: &buffer, area: area, layout: layout, pixelsPerColumn: ppc, pixelsPerRow: ppr)
        let plot = layout.plot
        guard !plot.isEmpty else { return }
        let overlays: [Overlay]
        switch kind {
        case .braille:
            var c = BrailleCanvas(columns: plot.width, rows: plot.height)
            overlays = draw(on: &c, plot: plot, xScale: xScale, yScale: yScaleValue)
            c.render(into: &buffer, area: plot)
        case .halfBlock:
            var c = HalfBlockCanvas(columns: plot.width, rows: plot.height)
            overlays = draw(on: &c, plot: plot, xScale: xScale, yScale: yScaleValue)
            c.render(into: &buffer, area: plot)
        case .density:
            var c = DensityCanvas(columns: plot.width, rows: plot.height, mode: mode)
            overlays = draw(on: &c, plot: plot, xScale: xScale, yScale: yScaleValue)
            c.render(into: &buffer, area: plot)
        case .ascii:
            var c = AsciiCanvas(columns: plot.width, rows: plot.height)
            overlays = draw(on: &c, plot: plot, xScale: xScale, yScale: yScaleValue)
            c.render(into: &buffer, area: plot)
        }
        for o in overlays {
            buffer.put(o.glyph, x: o.x, y: o.y, style: Style(foreground: o.color), clip: plot)
        }
        guard !legendBox.isEmpty else { return }
        switch legend {
        case .none: break
        case .right:
            if layout.right.width > 0 { legendBox.render(into: &buffer, area: layout.right) }
        case .inside:
            let w = min(legendBox.width, plot.width)
            legendBox.render(into: &buffer, area: Rect(x: plot.maxX - w, y: plot.y, width: w, height: min(legendBox.entries.count, plot.height)))
        }
    }

    /// Scales widened so one data unit takes the same length across and down a plot of
    /// `width` × `height` square units. Fixed ranges stay as they are; log scales too.
    static func equalAspect(_ x: Scale, _ y: Scale, width: Double, height: Double, xFixed: Bool, yFixed: Bool) -> (Scale, Scale) {
        guard width > 0, height > 0, x.kind == .linear, y.kind == .linear else { return (x, y) }
        let xPerUnit = (x.upper - x.lower) / width, yPerUnit = (y.upper - y.lower) / height
        if xPerUnit < yPerUnit, !xFixed {
            let half = yPerUnit * width / 2, centre = (x.lower + x.upper) / 2
            return (Scale(lower: centre - half, upper: centre + half), y)
        }
        if yPerUnit < xPerUnit, !yFixed {
            let half = xPerUnit * height / 2, centre = (y.lower + y.upper) / 2
            return (x, Scale(lower: centre - half, upper: centre + half))
        }
        return (x, y)
    }

    /// Draws every series on the canvas and returns the glyphs to lay over it (absolute cells).
    func draw<C: Canvas>(on canvas: inout C, plot: Rect, xScale: Scale, yScale: Scale) -> [Overlay] {
        var overlays: [Overlay] = []
        let pw = canvas.pixelWidth, ph = canvas.pixelHeight
        guard pw > 0, ph > 0 else { return overlays }
        let sx = Double(pw - 1), sy = Double(ph - 1)
        let ppc = C.pixelsPerColumn, ppr = C.pixelsPerRow
        let unicode = mode == .unicode
        for (index, s) in series.enumerated() {
            let color = s.color ?? PlotPalette.color(index)
            var hasPrevious = false
            var px0 = 0.0, py0 = 0.0
            for i in 0..<s.count {
                let xv = s.x[i], yv = s.y[i]
                var fx = xScale.fraction(xv), fy = yScale.fraction(yv)
                if fx.isNaN || fy.isNaN { hasPrevious = false; continue }
                var clampGlyph: Character?
                if fx.isInfinite {
                    if !xv.isFinite || xv == 0 { clampGlyph = fx > 0 ? (unicode ? "▶" : ">") : (unicode ? "◀" : "<"); fx = fx > 0 ? 1 : 0 }
                }
                if fy.isInfinite {
                    if !yv.isFinite || yv == 0 { clampGlyph = fy > 0 ? (unicode ? "▲" : "^") : (unicode ? "▼" : "v"); fy = fy > 0 ? 1 : 0 }
                }
                // Far-away finite points keep their direction but stay small enough to clip exactly.
                fx = min(max(fx, -1e6), 1e6)
                fy = min(max(fy, -1e6), 1e6)
                let px = fx * sx, py = (1 - fy) * sy
                if connect && hasPrevious {
                    canvas.line(x0: px0, y0: py0, x1: px, y1: py, color: color)
                } else if s.marker == nil {
                    canvas.point(x: px, y: py, color: color)
                }
                let rx = px.rounded(), ry = py.rounded()
                let inside = rx >= 0 && ry >= 0 && rx <= sx && ry <= sy
                if let glyph = clampGlyph {
                    let cx = min(max(Int(rx), 0), pw - 1) / ppc, cy = min(max(Int(ry), 0), ph - 1) / ppr
                    overlays.append(Overlay(x: plot.x + cx, y: plot.y + cy, glyph: glyph, color: color))
                } else if let marker = s.marker, inside {
                    overlays.append(Overlay(x: plot.x + Int(rx) / ppc, y: plot.y + Int(ry) / ppr, glyph: marker, color: color))
                }
                px0 = px
                py0 = py
                hasPrevious = true
            }
        }
        return overlays
    }
}
