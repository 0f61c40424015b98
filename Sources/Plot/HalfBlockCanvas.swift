import Terminal

/// A canvas of two square-ish pixels per cell, upper and lower, each with its own colour,
/// drawn with ▀ ▄ █ (foreground for one pixel, background for the other).
///
/// Coarser than braille but every pixel keeps its colour, so it suits heat maps and decision
/// boundaries. A pixel written twice keeps the last colour.
public struct HalfBlockCanvas: Canvas {
    public let columns: Int
    public let rows: Int
    public static var pixelsPerColumn: Int { 1 }
    public static var pixelsPerRow: Int { 2 }
    /// Colour per pixel, row-major; nil where nothing was drawn.
    public private(set) var pixels: [Color?]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        pixels = Array(repeating: nil, count: self.columns * self.rows * 2)
    }

    public mutating func set(x: Int, y: Int, color: Color) {
        guard x >= 0, y >= 0, x < columns, y < rows * 2 else { return }
        pixels[y * columns + x] = color
    }

    /// The colour of a pixel, nil when unset or outside.
    public func color(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < columns, y < rows * 2 else { return nil }
        return pixels[y * columns + x]
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        for r in 0..<rows {
            for c in 0..<columns {
                let top = pixels[(2 * r) * columns + c], bottom = pixels[(2 * r + 1) * columns + c]
                let x = area.x + c, y = area.y + r
                switch (top, bottom) {
                case (nil, nil): continue
                case (let t?, nil): buffer.putCanvasGlyph("▀", x: x, y: y, color: t, clip: area)
                case (nil, let b?): buffer.putCanvasGlyph("▄", x: x, y: y, color: b, clip: area)
                case (let t?, let b?):
                    if t == b {
                        buffer.putCanvasGlyph("█", x: x, y: y, color: t, clip: area)
                    } else {
                        buffer.putCanvasGlyph("▀", x: x, y: y, color: t, background: b, clip: area)
                    }
                }
            }
        }
    }
}
