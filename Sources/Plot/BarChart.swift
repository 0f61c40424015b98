import Terminal

/// Labelled horizontal bars with their values: feature importances, per-class scores,
/// parameter counts, next-token probabilities.
///
/// ```
///   relu ┤████████████▌ 12.5
///   tanh ┤██████ 6
/// ```
/// Bars grow from zero (eighth-block ends, ASCII `=`); negative values grow left of a zero
/// column. NaN draws no bar (the value reads `NaN`); ±∞ fills to the edge.
public struct BarChart: View, Sendable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var color: Color?
        public init(_ label: String, _ value: Double, color: Color? = nil) {
            self.label = label
            self.value = value
            self.color = color
        }
    }

    public var bars: [Bar]
    public var title: String?
    /// The value range the bar area spans; nil for min(0, values)...max(0, values).
    public var valueRange: ClosedRange<Double>?
    public var showValues = true
    /// The colour of bars without their own; nil for the first palette colour.
    public var color: Color?
    public var mode: GlyphMode = .unicode

    public init(bars: [Bar], title: String? = nil, mode: GlyphMode = .unicode) {
        self.bars = bars
        self.title = title
        self.mode = mode
    }

    public init(labels: [String], values: [Double], title: String? = nil, mode: GlyphMode = .unicode) {
        self.init(bars: zip(labels, values).map { Bar($0, $1) }, title: title, mode: mode)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var top = area.y
        if let title, !title.isEmpty {
            let w = DisplayWidth.of(title)
            buffer.write(title, x: area.x + max(0, (area.width - w) / 2), y: area.y, style: .bold, clip: area)
            top += 1
        }
        guard !bars.isEmpty else { return }
        let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, max(1, area.width / 3))
        let valueTexts = bars.map { showValues ? Ticks.compact($0.value) : "" }
        let valueWidth = showValues ? (valueTexts.map { DisplayWidth.of($0) }.max() ?? 0) + 1 : 0
        let barX = area.x + labelWidth + 2
        let width = area.maxX - barX - valueWidth
        let finite = bars.map(\.value).filter(\.isFinite)
        let fitted = Scale(lower: valueRange?.lowerBound ?? min(0, finite.min() ?? 0), upper: valueRange?.upperBound ?? max(0, finite.max() ?? 1))
        let lo = fitted.lower, hi = fitted.upper
        let unicode = mode == .unicode
        let zero = width > 0 ? clampedInt(((0 - lo) / (hi - lo) * Double(width)).rounded(), 0, width) : 0
        let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        for (i, bar) in bars.enumerated() {
            let y = top + i
            guard y < area.maxY else { break }
            buffer.write(bar.label, x: area.x, y: y, clip: Rect(x: area.x, y: y, width: labelWidth, height: 1))
            buffer.put(unicode ? "┤" : "|", x: barX - 1, y: y, clip: area)
            guard width > 0 else { continue }
            let style = Style(foreground: bar.color ?? color ?? PlotPalette.color(0))
            let barArea = Rect(x: barX, y: y, width: width, height: 1)
            var end = barX + zero
            if !bar.value.isNaN {
                let v = min(max(bar.value, lo), hi)
                if v >= 0 {
                    let eighths = clampedInt(((v - max(lo, 0)) / (hi - lo) * Double(width) * 8).rounded(), 0, width * 8)
                    let full = unicode ? eighths / 8 : (eighths + 4) / 8
                    for k in 0..<full { buffer.put(unicode ? "█" : "=", x: barX + zero + k, y: y, style: style, clip: barArea) }
                    end = barX + zero + full
                    if unicode, eighths % 8 > 0 {
                        buffer.put(partial[eighths % 8 - 1], x: end, y: y, style: style, clip: barArea)
                        end += 1
                    }
                } else {
                    let cells = clampedInt(((min(hi, 0) - v) / (hi - lo) * Double(width)).rounded(), 0, width)
                    for k in 0..<cells { buffer.put(unicode ? "█" : "=", x: barX + zero - 1 - k, y: y, style: style, clip: barArea) }
                }
            }
            if showValues {
                buffer.write(valueTexts[i], x: end + 1, y: y, clip: area)
            }
        }
    }
}
