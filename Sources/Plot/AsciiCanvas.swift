import Terminal

/// A canvas for terminals without Unicode: 2×3 pixels per cell, and each cell's pattern of set
/// pixels becomes the ASCII character that looks most like it (`'` `-` `.` `_` `|` `:` `/` `\`
/// `+` `#`). Pixels are OR-ed; the cell keeps the last colour written.
public struct AsciiCanvas: Canvas {
    public let columns: Int
    public let rows: Int
    public static var pixelsPerColumn: Int { 2 }
    public static var pixelsPerRow: Int { 3 }
    /// Pixel bits per cell (bit `row * 2 + column`), row-major.
    public private(set) var bits: [UInt8]
    public private(set) var colors: [Color]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: .default, count: self.columns * self.rows)
    }

    public mutating func set(x: Int, y: Int, color: Color) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 3 else { return }
        let index = (y / 3) * columns + (x >> 1)
        bits[index] |= UInt8(1 << ((y % 3) * 2 + (x & 1)))
        colors[index] = color
    }

    /// The character for each of the 64 sub-cell patterns.
    public static let glyphs: [Character] = (0..<64).map { glyph(forPattern: $0) }

    /// Chooses a character for a 2×3 pattern (bit `row * 2 + column`).
    static func glyph(forPattern mask: Int) -> Character {
        if mask == 0 { return " " }
        var points: [(r: Int, c: Int)] = []
        for r in 0..<3 { for c in 0..<2 where mask & (1 << (r * 2 + c)) != 0 { points.append((r, c)) } }
        if points.count >= 5 { return "#" }
        let rowsUsed = Set(points.map(\.r)), columnsUsed = Set(points.map(\.c))
        if rowsUsed.count == 1 {
            switch points[0].r {
            case 0: return "'"
            case 1: return "-"
            default: return points.count == 2 ? "_" : "."
            }
        }
        if columnsUsed.count == 1 { return rowsUsed == [0, 2] ? ":" : "|" }
        let n = Double(points.count)
        let mr = Double(points.reduce(0) { $0 + $1.r }) / n, mc = Double(points.reduce(0) { $0 + $1.c }) / n
        let covariance = points.reduce(0.0) { $0 + (Double($1.r) - mr) * (Double($1.c) - mc) }
        if covariance < 0 { return "/" }
        if covariance > 0 { return "\\" }
        return "+"
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        for r in 0..<rows {
            for c in 0..<columns {
                let b = bits[r * columns + c]
                guard b != 0 else { continue }
                buffer.putCanvasGlyph(AsciiCanvas.glyphs[Int(b)], x: area.x + c, y: area.y + r, color: colors[r * columns + c], clip: area)
            }
        }
    }
}
