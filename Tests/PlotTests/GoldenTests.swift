import XCTest
import Terminal
@testable import Plot

/// One golden text file per chart type per glyph mode (`Golden/<chart>_<mode>.txt`).
/// Review a changed file by eye, then `AITUTOR_UPDATE_GOLDEN=1 swift test --filter PlotTests`.
final class GoldenTests: XCTestCase {
    let modes: [(GlyphMode, String)] = [(.unicode, "unicode"), (.ascii, "ascii")]

    /// Each cell's foreground colour as a letter (a, b, c… in order of first appearance; `.`
    /// for the default colour), so a golden file can pin the layering rule too.
    func colorMap(_ buffer: Buffer) -> String {
        var letters: [Color: Character] = [:]
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var rows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let color = buffer[x, y].style.foreground
                if color == .default { row.append("."); continue }
                if letters[color] == nil { letters[color] = alphabet[letters.count % alphabet.count] }
                row.append(letters[color] ?? "?")
            }
            rows.append(row)
        }
        return rows.joined(separator: "\n")
    }

    static let xs = (0..<120).map { Double($0) / 12 }

    func testLineChart() {
        for (mode, name) in modes {
            var chart = LineChart(series: [Series("sin", x: Self.xs, y: Self.xs.map { sin($0) }),
                                           Series("cos", x: Self.xs, y: Self.xs.map { cos($0) })],
                                  title: "sin and cos", xLabel: "x", yLabel: "y", mode: mode)
            chart.xRange = 0...10
            let buffer = draw(chart, width: 60, height: 16)
            assertGolden(buffer, "line_\(name)")
            if mode == .unicode {
                var text = Buffer(width: 60, height: 16)
                for (y, row) in colorMap(buffer).split(separator: "\n").enumerated() { text.write(String(row), x: 0, y: y) }
                assertGolden(text, "line_colors_unicode")
            }
        }
    }

    func testLogScaleLossCurve() {
        for (mode, name) in modes {
            let train: [Double] = (0..<80).map { (e: Int) -> Double in 5 * exp(-Double(e) / 10) + 0.01 }
            let valid: [Double] = (0..<80).map { (e: Int) -> Double in 5 * exp(-Double(e) / 12) + 0.05 + Double(e) / 2000 }
            var chart = LineChart(series: [Series("train", y: train), Series("valid", y: valid)], title: "loss", xLabel: "epoch", mode: mode)
            chart.yScale = .log10
            chart.legend = .inside
            assertGolden(draw(chart, width: 50, height: 14), "line_log_\(name)")
        }
    }

    func testScatterChart() {
        var rng = LCG(seed: 42)
        var series: [Series] = []
        for (k, centre) in [(-1.5, 1.0), (1.5, -1.0), (0.0, 2.5)].enumerated() {
            let xs = (0..<40).map { _ in centre.0 + rng.normal() * 0.6 }
            let ys = (0..<40).map { _ in centre.1 + rng.normal() * 0.6 }
            series.append(Series("class \(k)", x: xs, y: ys))
        }
        for (mode, name) in modes {
            var dots = ScatterChart(series: series, title: "three classes", mode: mode)
            dots.xRange = -4...4
            dots.yRange = -3...5
            assertGolden(draw(dots, width: 50, height: 16), "scatter_\(name)")
            dots.markers = .symbols
            assertGolden(draw(dots, width: 50, height: 16), "scatter_symbols_\(name)")
            dots.markers = .dots
            dots.canvas = .density
            dots.series = [Series("all", x: series.flatMap(\.x), y: series.flatMap(\.y))]
            dots.legend = .none
            assertGolden(draw(dots, width: 50, height: 16), "scatter_density_\(name)")
        }
    }

    func testFunctionPlot() {
        for (mode, name) in modes {
            var plot = FunctionPlot(functions: [.init("tanh") { tanh($0) }, .init("tan") { tan($0) }], over: -4...4, yRange: -3...3, title: "tanh and tan", mode: mode)
            plot.xLabel = "x"
            assertGolden(draw(plot, width: 60, height: 18), "function_\(name)")
        }
    }

    func testHeatMap() {
        let grid = (0..<12).map { r in (0..<24).map { c in
            let x = Double(c) / 6 - 2, y = 1 - Double(r) / 6
            return x * x + 2 * y * y
        } }
        for (mode, name) in modes {
            var map = HeatMap(values: grid, xRange: -2...2, yRange: -1...1, title: "x² + 2y²", mode: mode)
            map.points = [Series("path", x: [-1.5, -0.8, -0.3, 0], y: [0.8, 0.3, 0.1, 0], marker: mode == .unicode ? "●" : "o")]
            assertGolden(draw(map, width: 50, height: 14), "heatmap_\(name)")
            map.useColor = false
            assertGolden(draw(map, width: 50, height: 14), "heatmap_shade_\(name)")
        }
        var map = HeatMap(values: [[0, 1], [2, 3]], title: "colours")
        map.showColorBar = false
        let buffer = draw(map, width: 20, height: 8)
        var text = Buffer(width: 20, height: 8)
        for (y, row) in colorMap(buffer).split(separator: "\n").enumerated() { text.write(String(row), x: 0, y: y) }
        assertGolden(text, "heatmap_colors_unicode")
    }

    func testHistogram() {
        var rng = LCG(seed: 3)
        let values = (0..<400).map { _ in rng.normal() * 1.5 + 4 } + [.nan, .infinity]
        for (mode, name) in modes {
            var h = Histogram(values: values, title: "400 samples of N(4, 1.5²)", mode: mode)
            h.xLabel = "value"
            assertGolden(draw(h, width: 50, height: 14), "histogram_\(name)")
        }
    }

    func testBarChart() {
        for (mode, name) in modes {
            let chart = BarChart(labels: ["Adam", "RMSprop", "SGD+momentum", "SGD", "diverged"], values: [0.91, 0.873, 0.8, 0.42, -0.2], title: "validation accuracy", mode: mode)
            assertGolden(draw(chart, width: 50, height: 7), "bar_\(name)")
        }
    }

    func testArrowField() {
        // A 4×5 grid world: greedy policy towards the goal at the top right, one wall.
        let goal = (r: 0, c: 4)
        let vectors: [[ArrowField.Vector?]] = (0..<4).map { r in (0..<5).map { c in
            ArrowField.Vector(dx: Double(goal.c - c).clamped(), dy: Double(r - goal.r).clamped())
        } }
        var marks: [[Character?]] = Array(repeating: Array(repeating: nil, count: 5), count: 4)
        marks[0][4] = "G"
        marks[1][2] = "#"
        for (mode, name) in modes {
            assertGolden(draw(ArrowField(vectors: vectors, marks: marks, title: "policy", mode: mode), width: 30, height: 11), "arrows_\(name)")
            // A gradient field of f = x² + y², pointing downhill.
            var field = ArrowField(vectors: (0..<5).map { r in (0..<9).map { c in
                let x = Double(c - 4), y = Double(2 - r)
                return ArrowField.Vector(dx: -2 * x, dy: -2 * y)
            } }, title: "−∇(x² + y²)", mode: mode)
            field.colorByLength = true
            field.framed = false
            assertGolden(draw(field, width: 40, height: 8), "arrows_gradient_\(name)")
        }
    }

    func testMatrixView() {
        let confusion: [[Double]] = [[50, 3, 1], [4, 40, 6], [0, 7, 45]]
        let folds: [[Double]] = (0..<5).map { k in (0..<10).map { i in i / 2 == k ? 1 : 0 } }
        for (mode, name) in modes {
            var matrix = MatrixView(values: confusion, rowLabels: ["cat", "dog", "bird"], columnLabels: ["cat", "dog", "bird"], title: "confusion (rows: true)", mode: mode)
            assertGolden(draw(matrix, width: 40, height: 6), "matrix_\(name)")
            matrix.useColor = false
            assertGolden(draw(matrix, width: 40, height: 6), "matrix_shade_\(name)")
            var mask = MatrixView(values: folds, rowLabels: (1...5).map { "fold \($0)" }, title: "5-fold, 10 samples", mode: mode)
            mask.cellText = folds.map { $0.map { $0 == 1 ? "T" : "·" } }
            if mode == .ascii { mask.cellText = folds.map { $0.map { $0 == 1 ? "T" : "." } } }
            mask.useColor = false
            assertGolden(draw(mask, width: 50, height: 7), "matrix_folds_\(name)")
        }
    }

    func testEqualAspectGeometry() {
        // The matrix-transform demo: the unit square and circle, and their images under [[2, 1], [0, 1]].
        let angles: [Double] = (0...64).map { Double($0) / 64 * 2 * Double.pi }
        let circle = (x: angles.map { cos($0) }, y: angles.map { sin($0) })
        let square = (x: [0.0, 1, 1, 0, 0], y: [0.0, 0, 1, 1, 0])
        func apply(_ xs: [Double], _ ys: [Double]) -> (x: [Double], y: [Double]) {
            (zip(xs, ys).map { 2 * $0 + $1 }, ys)
        }
        let c2 = apply(circle.x, circle.y), s2 = apply(square.x, square.y)
        for (mode, name) in modes {
            var chart = LineChart(series: [Series("circle", x: circle.x, y: circle.y), Series("square", x: square.x, y: square.y),
                                           Series("A·circle", x: c2.x, y: c2.y), Series("A·square", x: s2.x, y: s2.y)],
                                  title: "A = [[2, 1], [0, 1]]", mode: mode)
            chart.equalAspect = true
            assertGolden(draw(chart, width: 64, height: 20), "line_equal_aspect_\(name)")
        }
    }

    func testEdgeCases() {
        for (mode, name) in modes {
            let series = [
                Series("gaps", x: [0, 1, 2, 3, 4, 5, 6, 7, 8], y: [1, 2, .nan, 2, 3, .infinity, 2, -.infinity, 1]),
                Series("single", x: [4], y: [0.5]),
                Series("constant", x: [0, 8], y: [-1, -1]),
                Series("empty", x: [], y: []),
            ]
            var chart = LineChart(series: series, title: "NaN, ±∞, one point, constant", mode: mode)
            chart.yRange = -2...4
            assertGolden(draw(chart, width: 50, height: 12), "edge_cases_\(name)")
            let nothing = LineChart(series: [Series("none", y: [])], title: "empty", mode: mode)
            assertGolden(draw(nothing, width: 30, height: 8), "edge_empty_\(name)")
            let flat = LineChart(series: [Series(y: [3, 3, 3, 3])], title: "constant", mode: mode)
            assertGolden(draw(flat, width: 30, height: 8), "edge_constant_\(name)")
        }
    }
}

private extension Double {
    func clamped() -> Double { Swift.min(Swift.max(self, -1), 1) }
}
