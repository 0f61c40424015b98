import Foundation
import Terminal

/// A grid of arrows, one per cell of a grid: gradient fields (pointing downhill, coloured by
/// size) and a grid world's greedy policy.
///
/// Directions snap to the nearest of eight: → ↗ ↑ ↖ ← ↙ ↓ ↘ (ASCII `> / ^ \ < / v \`). `dy` is
/// positive upward, as in maths. A zero vector is `·` (ASCII `.`), a nil one is blank, and a
/// `marks` character (a wall, a goal) replaces the arrow of its cell.
public struct ArrowField: View, Sendable {
    /// A direction and size.
    public struct Vector: Sendable, Hashable {
        public var dx: Double
        public var dy: Double
        public init(dx: Double, dy: Double) {
            self.dx = dx
            self.dy = dy
        }
        public var length: Double { (dx * dx + dy * dy).squareRoot() }
    }

    /// Vectors by row (row 0 at the top) and column; nil for no arrow.
    public var vectors: [[Vector?]]
    /// Characters that replace arrows in their cells (walls `#`, goal `G`); nil for none.
    public var marks: [[Character?]]?
    /// Colour arrows by length along `colorScale` (longest at the top of the scale).
    public var colorByLength = false
    public var colorScale: ColorScale = .viridis
    /// Draw a box around the grid.
    public var framed = true
    public var title: String?
    public var mode: GlyphMode = .unicode

    public init(vectors: [[Vector?]], marks: [[Character?]]? = nil, title: String? = nil, mode: GlyphMode = .unicode) {
        self.vectors = vectors
        self.marks = marks
        self.title = title
        self.mode = mode
    }

    /// The glyph for a vector: one of eight arrows, `·` for zero, nil for non-finite.
    public static func glyph(dx: Double, dy: Double, mode: GlyphMode) -> Character? {
        guard dx.isFinite, dy.isFinite else { return nil }
        if dx == 0 && dy == 0 { return mode == .unicode ? "·" : "." }
        let sector = (Int((atan2(dy, dx) / (Double.pi / 4)).rounded()) + 8) % 8
        let unicode: [Character] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
        let ascii: [Character] = [">", "/", "^", "\\", "<", "/", "v", "\\"]
        return (mode == .unicode ? unicode : ascii)[sector]
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var inner = area
        if let title, !title.isEmpty {
            let w = DisplayWidth.of(title)
            buffer.write(title, x: area.x + max(0, (area.width - w) / 2), y: area.y, style: .bold, clip: area)
            inner = inner.inset(top: 1)
        }
        let rows = vectors.count, columns = vectors.map(\.count).max() ?? 0
        guard rows > 0, columns > 0 else { return }
        let border = framed ? 1 : 0
        let cellWidth = max(1, min((inner.width - 2 * border) / columns, 4))
        let cellHeight = max(1, min((inner.height - 2 * border) / rows, 2))
        let gridWidth = cellWidth * columns, gridHeight = cellHeight * rows
        let grid = Rect(x: inner.x + border, y: inner.y + border, width: gridWidth, height: gridHeight).intersection(inner.inset(by: border))
        if framed {
            let box = Rect(x: inner.x, y: inner.y, width: gridWidth + 2, height: gridHeight + 2).intersection(inner)
            drawBox(into: &buffer, box)
        }
        let longest = vectors.joined().compactMap { $0?.length }.filter(\.isFinite).max() ?? 0
        for r in 0..<rows {
            for c in 0..<vectors[r].count {
                let x = inner.x + border + c * cellWidth + (cellWidth - 1) / 2
                let y = inner.y + border + r * cellHeight + (cellHeight - 1) / 2
                if let mark = marks.flatMap({ r < $0.count && c < $0[r].count ? $0[r][c] : nil }) {
                    buffer.put(mark, x: x, y: y, style: .bold, clip: grid)
                    continue
                }
                guard let v = vectors[r][c], let glyph = ArrowField.glyph(dx: v.dx, dy: v.dy, mode: mode) else { continue }
                var style = Style.plain
                if colorByLength, longest > 0 {
                    style = Style(foreground: colorScale.color(at: v.length / longest) ?? .default)
                }
                buffer.put(glyph, x: x, y: y, style: style, clip: grid)
            }
        }
    }

    private func drawBox(into buffer: inout Buffer, _ box: Rect) {
        guard box.width >= 2, box.height >= 2 else { return }
        let u = mode == .unicode
        for x in (box.minX + 1)..<(box.maxX - 1) {
            buffer.put(u ? "─" : "-", x: x, y: box.minY, clip: box)
            buffer.put(u ? "─" : "-", x: x, y: box.maxY - 1, clip: box)
        }
        for y in (box.minY + 1)..<(box.maxY - 1) {
            buffer.put(u ? "│" : "|", x: box.minX, y: y, clip: box)
            buffer.put(u ? "│" : "|", x: box.maxX - 1, y: y, clip: box)
        }
        buffer.put(u ? "┌" : "+", x: box.minX, y: box.minY, clip: box)
        buffer.put(u ? "┐" : "+", x: box.maxX - 1, y: box.minY, clip: box)
        buffer.put(u ? "└" : "+", x: box.minX, y: box.maxY - 1, clip: box)
        buffer.put(u ? "┘" : "+", x: box.maxX - 1, y: box.maxY - 1, clip: box)
    }
}
