import XCTest
import Terminal
@testable import Plot

/// Random data from a seeded generator: whatever the input, nothing is drawn outside the plot
/// area (for the data) or outside the chart's area (for anything), and in-range points land
/// where they should.
final class PropertyTests: XCTestCase {
    let buffer = Size(width: 90, height: 34)
    let area = Rect(x: 7, y: 3, width: 70, height: 26)
    let xRange = -2.0...3.0
    let yRange = -1.0...4.0

    func pixels(_ kind: CanvasKind, _ mode: GlyphMode) -> (Int, Int) {
        if mode == .ascii && kind != .density { return (2, 3) }
        switch kind {
        case .braille: return (2, 4)
        case .halfBlock: return (1, 2)
        case .density: return (1, 1)
        case .ascii: return (2, 3)
        }
    }

    func render(_ view: some View, in area: Rect) -> Buffer {
        var b = Buffer(size: buffer)
        view.render(into: &b, area: area)
        return b
    }

    func scatter(_ series: [Series], kind: CanvasKind, mode: GlyphMode, connect: Bool) -> any View {
        if connect {
            var chart = LineChart(series: series, title: "t", xLabel: "x", mode: mode)
            chart.xRange = xRange; chart.yRange = yRange; chart.canvas = kind; chart.legend = .none
            return chart
        }
        var chart = ScatterChart(series: series, title: "t", xLabel: "x", mode: mode)
        chart.xRange = xRange; chart.yRange = yRange; chart.canvas = kind; chart.legend = .none
        return chart
    }

    func plotRect(kind: CanvasKind, mode: GlyphMode) -> Rect {
        let (ppc, ppr) = pixels(kind, mode)
        let axes = Axes(title: "t", xLabel: "x", xScale: Scale(lower: xRange.lowerBound, upper: xRange.upperBound),
                        yScale: Scale(lower: yRange.lowerBound, upper: yRange.upperBound), mode: mode)
        return axes.layout(in: area, pixelsPerColumn: ppc, pixelsPerRow: ppr).plot
    }

    /// Cells where two renderings differ.
    func differences(_ a: Buffer, _ b: Buffer) -> [Point] {
        var out: [Point] = []
        for y in 0..<a.height { for x in 0..<a.width where a[x, y] != b[x, y] { out.append(Point(x: x, y: y)) } }
        return out
    }

    func assertNothingOutside(_ b: Buffer, _ rect: Rect, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<b.height {
            for x in 0..<b.width where !rect.contains(x: x, y: y) && b[x, y] != .blank {
                XCTFail("\(context): wrote \(b[x, y].character) at (\(x), \(y)) outside \(rect)", file: file, line: line)
                return
            }
        }
    }

    let kinds: [CanvasKind] = [.braille, .halfBlock, .density, .ascii]
    let modes: [GlyphMode] = [.unicode, .ascii]

    func testInRangePointsLandInTheirCell() {
        var rng = LCG(seed: 1)
        for kind in kinds {
            for mode in modes {
                let plot = plotRect(kind: kind, mode: mode)
                let (ppc, ppr) = pixels(kind, mode)
                let empty = render(scatter([Series(x: [.nan], y: [.nan])], kind: kind, mode: mode, connect: false), in: area)
                for _ in 0..<60 {
                    let x = rng.uniform(xRange.lowerBound, xRange.upperBound), y = rng.uniform(yRange.lowerBound, yRange.upperBound)
                    let b = render(scatter([Series(x: [x], y: [y])], kind: kind, mode: mode, connect: false), in: area)
                    let changed = differences(empty, b)
                    XCTAssertEqual(changed.count, 1, "\(kind) \(mode) (\(x), \(y))")
                    let fx = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
                    let fy = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
                    let expected = Point(x: plot.x + Axes.column(fx, columns: plot.width, pixelsPerColumn: ppc),
                                         y: plot.y + Axes.row(fy, rows: plot.height, pixelsPerRow: ppr))
                    XCTAssertEqual(changed.first, expected, "\(kind) \(mode) (\(x), \(y))")
                    XCTAssertTrue(plot.contains(x: expected.x, y: expected.y))
                }
            }
        }
    }

    func testRandomAndHostileDataNeverDrawsOutsideThePlot() {
        var rng = LCG(seed: 2)
        let hostile: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 1e-300, 0, 50, -50]
        func value(_ range: ClosedRange<Double>) -> Double {
            rng.int(4) == 0 ? hostile[rng.int(hostile.count)] : rng.uniform(range.lowerBound - 3, range.upperBound + 3)
        }
        for kind in kinds {
            for mode in modes {
                for connect in [true, false] {
                    let plot = plotRect(kind: kind, mode: mode)
                    let empty = render(scatter([Series(x: [.nan], y: [.nan])], kind: kind, mode: mode, connect: connect), in: area)
                    for _ in 0..<15 {
                        let series = (0..<3).map { _ in
                            let n = rng.int(40)
                            return Series(x: (0..<n).map { _ in value(xRange) }, y: (0..<n).map { _ in value(yRange) })
                        }
                        let b = render(scatter(series, kind: kind, mode: mode, connect: connect), in: area)
                        for p in differences(empty, b) where !plot.contains(x: p.x, y: p.y) {
                            XCTFail("\(kind) \(mode) connect=\(connect): data drawn at (\(p.x), \(p.y)) outside \(plot)")
                            return
                        }
                        assertNothingOutside(b, area, "\(kind) \(mode)")
                    }
                }
            }
        }
    }

    func testEveryChartStaysInsideAnyArea() {
        var rng = LCG(seed: 3)
        func value() -> Double {
            let specials: [Double] = [.nan, .infinity, -.infinity, 0, -1, 1e9, 1.7e308, -1.7e308, 5e-324]
            return rng.int(5) == 0 ? specials[rng.int(specials.count)] : rng.normal() * 3
        }
        for trial in 0..<120 {
            let w = rng.int(60), h = rng.int(24)
            let rect = Rect(x: rng.int(10), y: rng.int(6), width: w, height: h)
            let mode: GlyphMode = trial % 2 == 0 ? .unicode : .ascii
            let n = rng.int(30)
            let xs = (0..<n).map { _ in value() }, ys = (0..<n).map { _ in value() }
            let grid = (0..<rng.int(8)).map { _ in (0..<rng.int(8)).map { _ in value() } }
            var log = LineChart(series: [Series("a", x: xs, y: ys), Series("b", y: ys)], title: "log", mode: mode)
            log.yScale = .log10
            var heat = HeatMap(values: grid, title: "h", mode: mode)
            heat.points = [Series(x: xs, y: ys)]
            var shaded = heat
            shaded.useColor = false
            var bars = BarChart(labels: ["a", "b"], values: [value(), value()], mode: mode)
            let low = value(), high = value()
            bars.valueRange = (low.isNaN ? 0 : low)...(.infinity)
            var fixedHistogram = Histogram(values: xs, bins: rng.int(5) - 1, mode: mode)
            fixedHistogram.range = -.infinity...(high.isNaN ? 0 : high)
            var wide = LineChart(series: [Series(x: [-1.7e308, 1.7e308], y: [1.7e308, -1.7e308])], mode: mode)
            wide.equalAspect = true
            let views: [any View] = [
                LineChart(series: [Series("a", x: xs, y: ys)], title: "line", xLabel: "x", yLabel: "y", mode: mode),
                log,
                ScatterChart(series: [Series("a", x: xs, y: ys)], markers: .symbols, mode: mode),
                FunctionPlot(over: -3...3, mode: mode) { 1 / $0 },
                heat, shaded, bars, fixedHistogram, wide,
                Histogram(values: xs, title: "h", mode: mode),
                BarChart(labels: xs.map { "label \($0)" }, values: ys, title: "bars", mode: mode),
                ArrowField(vectors: grid.map { $0.map { ArrowField.Vector(dx: $0, dy: 1) } }, title: "arrows", mode: mode),
                MatrixView(values: grid, rowLabels: ["r0", "r1"], columnLabels: ["c0"], title: "m", mode: mode),
            ]
            for view in views {
                var b = Buffer(width: 80, height: 32)
                view.render(into: &b, area: rect)
                assertNothingOutside(b, rect, "trial \(trial) \(type(of: view)) in \(rect)")
            }
        }
    }

    func testRenderingIsDeterministic() {
        var rng = LCG(seed: 4)
        let xs = (0..<500).map { _ in rng.normal() }, ys = (0..<500).map { _ in rng.normal() }
        let chart = ScatterChart(series: [Series("a", x: xs, y: ys), Series("b", x: ys, y: xs)])
        XCTAssertEqual(draw(chart, width: 70, height: 20), draw(chart, width: 70, height: 20))
    }

    func testDegenerateSeriesDrawSensibly() {
        let plot = plotRect(kind: .braille, mode: .unicode)
        let empty = render(scatter([], kind: .braille, mode: .unicode, connect: true), in: area)
        // A constant series is a horizontal line at its value, across the whole width.
        let constant = render(scatter([Series(x: [-2, 3], y: [1.5, 1.5])], kind: .braille, mode: .unicode, connect: true), in: area)
        let changed = differences(empty, constant)
        XCTAssertEqual(changed.count, plot.width)
        XCTAssertEqual(Set(changed.map(\.y)).count, 1)
        // A single point is one dot.
        let single = render(scatter([Series(x: [0.5], y: [1.5])], kind: .braille, mode: .unicode, connect: true), in: area)
        XCTAssertEqual(differences(empty, single).count, 1)
        // Automatic ranges: constant and single-point series sit in the middle row.
        for series in [Series(y: [7, 7, 7]), Series(x: [2], y: [7])] {
            var chart = LineChart(series: [series])
            chart.legend = .none
            let b = draw(chart, width: 40, height: 13)
            XCTAssertTrue(b.row(5).contains { ($0.unicodeScalars.first?.value ?? 0) >= 0x2801 && ($0.unicodeScalars.first?.value ?? 0) <= 0x28FF }, b.text())
        }
    }
}
