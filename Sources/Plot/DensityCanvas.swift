import Terminal

/// A canvas that counts hits per cell and shades each cell by its share of the busiest one:
/// ` ░▒▓█` (ASCII: ` .:*#`). One pixel per cell, so many points per cell read as density.
public struct DensityCanvas: Canvas {
    public let columns: Int
    public let rows: Int
    public static var pixelsPerColumn: Int { 1 }
    public static var pixelsPerRow: Int { 1 }
    /// The shades from least to most (the empty cell is not drawn).
    public var shades: [Character]
    /// Hits per cell, row-major.
    public private(set) var counts: [UInt32]
    /// Colour per cell (the last hit's), row-major.
    public private(set) var colors: [Color]

    /// The shade ramps: four glyphs for 1–25%, 26–50%, 51–75% and 76–100% of the maximum.
    public static func shades(for mode: GlyphMode) -> [Character] {
        mode == .unicode ? ["░", "▒", "▓", "█"] : [".", ":", "*", "#"]
    }

    public init(columns: Int, rows: Int, mode: GlyphMode = .unicode) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        shades = DensityCanvas.shades(for: mode)
        counts = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: .default, count: self.columns * self.rows)
    }

    public mutating func set(x: Int, y: Int, color: Color) {
        guard x >= 0, y >= 0, x < columns, y < rows else { return }
        counts[y * columns + x] &+= 1
        colors[y * columns + x] = color
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let maximum = counts.max() ?? 0
        guard maximum > 0, !shades.isEmpty else { return }
        for r in 0..<rows {
            for c in 0..<columns {
                let n = counts[r * columns + c]
                guard n > 0 else { continue }
                let level = min(shades.count - 1, Int((Double(n) / Double(maximum) * Double(shades.count)).rounded(.up)) - 1)
                buffer.putCanvasGlyph(shades[max(level, 0)], x: area.x + c, y: area.y + r, color: colors[r * columns + c], clip: area)
            }
        }
    }
}
