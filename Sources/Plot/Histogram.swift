import Foundation
import Terminal

/// Counts of values in equal-width bins, drawn as vertical bars with eighth-block tops
/// (▁▂▃▄▅▆▇█; ASCII `#` rounded to whole cells).
///
/// **Binning**: with `bins == nil` the bin width follows the Freedman–Diaconis rule,
/// 2·IQR·n^(-1/3), which resists outliers; when the interquartile range is 0 it falls back to
/// Sturges' rule, ⌈log₂ n⌉ + 1 bins. The count is kept between 1 and 100 (and the plot width).
/// Non-finite values are left out (and counted in `ignoredCount`); values outside a fixed
/// `range` are left out too. The last bin includes its right edge.
public struct Histogram: View, Sendable {
    public var values: [Double]
    /// Number of bins; nil for automatic.
    public var bins: Int?
    /// The binned interval; nil for the finite data's minimum...maximum.
    public var range: ClosedRange<Double>?
    public var color: Color?
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var mode: GlyphMode = .unicode

    public init(values: [Double], bins: Int? = nil, range: ClosedRange<Double>? = nil, title: String? = nil, mode: GlyphMode = .unicode) {
        self.values = values
        self.bins = bins
        self.range = range
        self.title = title
        self.mode = mode
    }

    /// Values that could not be binned (NaN, ±∞, or outside a fixed range).
    public var ignoredCount: Int { values.count - counts(edges: binEdges()).reduce(0, +) }

    /// The bin edges (bin count + 1 values, increasing).
    public func binEdges(maxBins: Int = 100) -> [Double] {
        let finite = values.filter { $0.isFinite && (range?.contains($0) ?? true) }.sorted()
        // Scale repairs empty, reversed and non-finite bounds; a span too wide for a Double
        // gets one bin.
        let bounds = Scale(lower: range?.lowerBound ?? finite.first ?? 0, upper: range?.upperBound ?? finite.last ?? 1)
        let lo = bounds.lower, hi = bounds.upper
        guard (hi - lo).isFinite else { return [lo, hi] }
        let n: Int
        if let bins {
            n = bins
        } else if finite.count < 2 {
            n = 1
        } else {
            let iqr = Histogram.quantile(finite, 0.75) - Histogram.quantile(finite, 0.25)
            if iqr > 0 {
                let width = 2 * iqr / pow(Double(finite.count), 1.0 / 3.0)
                n = clampedInt(((hi - lo) / width).rounded(.up), 1, max(maxBins, 1))
            } else {
                n = Int(log2(Double(finite.count)).rounded(.up)) + 1
            }
        }
        let count = min(max(n, 1), max(maxBins, 1))
        return (0...count).map { lo + (hi - lo) * Double($0) / Double(count) }
    }

    /// How many values fall in each bin of `edges`.
    public func counts(edges: [Double]) -> [Int] {
        guard edges.count >= 2, let lo = edges.first, let hi = edges.last, hi > lo else { return [] }
        let n = edges.count - 1
        var counts = Array(repeating: 0, count: n)
        for v in values where v.isFinite && v >= lo && v <= hi {
            counts[clampedInt((v - lo) / (hi - lo) * Double(n), 0, n - 1)] += 1
        }
        return counts
    }

    /// The q-quantile of sorted values, interpolating linearly (numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let i = Int(position), fraction = position - Double(i)
        return i + 1 < sorted.count ? sorted[i] + fraction * (sorted[i + 1] - sorted[i]) : sorted[i]
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let edges = binEdges(maxBins: max(1, area.width - 8))
        let counts = counts(edges: edges)
        let lo = edges.first ?? 0, hi = edges.last ?? 1
        let xScale = Scale(lower: lo, upper: hi)
        let top = Double(counts.max() ?? 0)
        let yScale = Scale(lower: 0, upper: max(top, 1)).widenedToTicks()
        let axes = Axes(title: title, xLabel: xLabel, yLabel: yLabel ?? "count", xScale: xScale, yScale: yScale, mode: mode, zeroLines: false)
        let layout = axes.layout(in: area)
        axes.draw(into: &buffer, area: area, layout: layout)
        let plot = layout.plot
        guard !plot.isEmpty, !counts.isEmpty else { return }
        let style = Style(foreground: color ?? PlotPalette.color(0))
        let partial: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]
        for (i, count) in counts.enumerated() where count > 0 {
            let start = Int((Double(i) / Double(counts.count) * Double(plot.width)).rounded(.down))
            let end = max(start + 1, Int((Double(i + 1) / Double(counts.count) * Double(plot.width)).rounded(.down)))
            let eighths = max(1, Int((yScale.fraction(Double(count)) * Double(plot.height * 8)).rounded()))
            let full = mode == .unicode ? eighths / 8 : (eighths + 4) / 8
            let rest = mode == .unicode ? eighths % 8 : 0
            for x in (plot.x + start)..<(plot.x + end) {
                for k in 0..<min(full, plot.height) {
                    buffer.put(mode == .unicode ? "█" : "#", x: x, y: plot.maxY - 1 - k, style: style, clip: plot)
                }
                if rest > 0 && full < plot.height {
                    buffer.put(partial[rest - 1], x: x, y: plot.maxY - 1 - full, style: style, clip: plot)
                }
                if mode == .ascii && full == 0 {
                    buffer.put("_", x: x, y: plot.maxY - 1, style: style, clip: plot)
                }
            }
        }
    }
}
