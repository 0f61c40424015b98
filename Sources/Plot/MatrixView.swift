import Terminal

/// A labelled table of numbers, each cell shaded by its value: confusion matrices, attention
/// weights, k-fold masks.
///
/// With colour, a cell's background comes from `colorScale` and its text is black or white,
/// whichever reads better. Without colour (`useColor == false`) or in ASCII each cell starts
/// with a shade character (` ░▒▓█`, ASCII ` .:-=+*#%@`) so the pattern still shows.
/// `cellText` replaces the numbers (e.g. "test"/"train" for a fold mask). Rows and columns that
/// do not fit are clipped.
public struct MatrixView: View, Sendable {
    /// How cell values are written.
    public enum Format: Sendable, Hashable {
        /// About this many significant digits (`Ticks.compact`).
        case compact(Int)
        /// Exactly this many decimals, trailing zeros kept off (`Ticks.fixed`).
        case fixed(Int)
        /// No text, colour only.
        case none
    }

    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var cellText: [[String]]?
    public var format: Format = .compact(2)
    public var valueRange: ClosedRange<Double>?
    public var colorScale: ColorScale = .viridis
    public var useColor = true
    public var title: String?
    public var mode: GlyphMode = .unicode

    public init(values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [], title: String? = nil, mode: GlyphMode = .unicode) {
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.title = title
        self.mode = mode
    }

    /// The text of one cell.
    public func text(row: Int, column: Int) -> String {
        if let cellText, row < cellText.count, column < cellText[row].count { return cellText[row][column] }
        guard row < values.count, column < values[row].count else { return "" }
        let v = values[row][column]
        switch format {
        case .compact(let digits): return Ticks.compact(v, digits: digits)
        case .fixed(let decimals): return Ticks.fixed(v, decimals: decimals)
        case .none: return ""
        }
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let rows = values.count, columns = values.map(\.count).max() ?? 0
        var y = area.y
        if let title, !title.isEmpty {
            buffer.write(title, x: area.x, y: y, style: .bold, clip: area)
            y += 1
        }
        guard rows > 0, columns > 0 else { return }
        let finite = values.joined().filter(\.isFinite)
        let lo = valueRange?.lowerBound ?? finite.min() ?? 0
        let hi = valueRange?.upperBound ?? finite.max() ?? 1
        let span = hi > lo ? hi - lo : 1
        let shaded = !useColor || mode == .ascii
        let texts = (0..<rows).map { r in (0..<columns).map { c in text(row: r, column: c) } }
        let textWidth = max(texts.joined().map { DisplayWidth.of($0) }.max() ?? 0,
                            columnLabels.map { DisplayWidth.of($0) }.max() ?? 0)
        let cellWidth = textWidth + (shaded ? 3 : 2)
        let labelWidth = min(rowLabels.map { DisplayWidth.of($0) }.max() ?? 0, max(0, area.width / 3))
        let left = area.x + (labelWidth > 0 ? labelWidth + 1 : 0)
        if !columnLabels.isEmpty {
            for c in 0..<min(columns, columnLabels.count) {
                let label = columnLabels[c], w = DisplayWidth.of(label)
                buffer.write(label, x: left + c * cellWidth + cellWidth - 1 - w, y: y, style: .dim, clip: area)
            }
            y += 1
        }
        for r in 0..<rows {
            guard y < area.maxY else { break }
            if r < rowLabels.count {
                buffer.write(rowLabels[r], x: area.x, y: y, style: .dim, clip: Rect(x: area.x, y: y, width: labelWidth, height: 1).intersection(area))
            }
            for c in 0..<columns {
                let x = left + c * cellWidth
                let v = c < values[r].count ? values[r][c] : .nan
                let t = (v - lo) / span
                let text = texts[r][c], w = DisplayWidth.of(text)
                if shaded {
                    if let shade = ColorScale.shade(at: t, mode: mode) {
                        let style = useColor ? Style(foreground: colorScale.color(at: t) ?? .default) : .plain
                        buffer.put(shade, x: x, y: y, style: style, clip: area)
                    }
                    buffer.write(text, x: x + cellWidth - 1 - w, y: y, clip: area)
                } else {
                    let background = colorScale.color(at: t)
                    let style = background.map { Style(foreground: ColorScale.contrastingText(on: $0), background: $0) } ?? .plain
                    buffer.fill(Rect(x: x, y: y, width: cellWidth - 1, height: 1).intersection(area), with: Cell(" ", style: style))
                    buffer.write(text, x: x + cellWidth - 2 - w, y: y, style: style, clip: Rect(x: x, y: y, width: cellWidth - 1, height: 1).intersection(area))
                }
            }
            y += 1
        }
    }
}
