import Foundation
import Plot
import Terminal

/// Plot timings: the issue's budget is a 200×50 line chart of 4 series × 1,000 points in ≤ 1 ms.
enum PlotBenchmarks {
    static func run() {
        let n = 1000
        var series: [Series] = []
        for k in 0..<4 {
            let period = Double(40 + 15 * k), amplitude = Double(k + 1), offset = Double(k)
            let xs: [Double] = (0..<n).map { Double($0) }
            let ys: [Double] = xs.map { (x: Double) -> Double in sin(x / period) * amplitude + offset }
            series.append(Series("series \(k)", x: xs, y: ys))
        }
        let line = LineChart(series: series, title: "4 × 1000 points", xLabel: "step", yLabel: "value")
        var ascii = line
        ascii.mode = .ascii
        var rng: UInt64 = 12345
        func next() -> Double {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Double(rng >> 11) / Double(1 << 53)
        }
        let scatter = ScatterChart(series: (0..<4).map { k in Series("c\(k)", x: (0..<n).map { _ in next() }, y: (0..<n).map { _ in next() + Double(k) }) })
        let heat = HeatMap(values: (0..<60).map { r in (0..<100).map { c in sin(Double(r) / 9) * cos(Double(c) / 13) } })
        report("line chart 200×50, 4×1000 points (braille)", line)
        report("line chart 200×50, 4×1000 points (ASCII)", ascii)
        report("scatter 200×50, 4×1000 points", scatter)
        report("heat map 200×50 of a 60×100 grid", heat)
    }

    /// Renders `view` into a fresh 200×50 buffer many times and prints the median per render.
    static func report(_ name: String, _ view: some View, runs: Int = 200) {
        var buffer = Buffer(width: 200, height: 50)
        for _ in 0..<10 { view.render(into: &buffer, area: buffer.area) }  // warm up
        var times: [Double] = []
        for _ in 0..<runs {
            buffer = Buffer(width: 200, height: 50)
            let start = DispatchTime.now().uptimeNanoseconds
            view.render(into: &buffer, area: buffer.area)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        let median = times[times.count / 2], best = times[0]
        print("plot: \(name): median \(String(format: "%.3f", median)) ms, best \(String(format: "%.3f", best)) ms")
    }
}
