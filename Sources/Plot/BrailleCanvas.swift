import Terminal

/// A canvas of braille cells: 2×4 dots per cell, each dot one bit of the glyph U+2800 + bits.
///
/// The finest resolution a text terminal offers; used for curves and scatter plots. Dots from
/// every series are OR-ed together; the cell takes the colour of the last dot set in it.
public struct BrailleCanvas: Canvas {
    public let columns: Int
    public let rows: Int
    public static var pixelsPerColumn: Int { 2 }
    public static var pixelsPerRow: Int { 4 }
    /// Dot bits per cell, row-major.
    public private(set) var bits: [UInt8]
    /// Colour per cell, row-major.
    public private(set) var colors: [Color]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: .default, count: self.columns * self.rows)
    }

    /// The bit of the braille pattern for a dot at (column 0–1, row 0–3) inside a cell.
    public static func dotBit(column: Int, row: Int) -> UInt8 {
        // Braille numbers dots 1-2-3-7 down the left column and 4-5-6-8 down the right.
        switch (column, row) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (0, _): return 0x40
        case (_, 0): return 0x08
        case (_, 1): return 0x10
        case (_, 2): return 0x20
        default: return 0x80
        }
    }

    public mutating func set(x: Int, y: Int, color: Color) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
        let index = (y >> 2) * columns + (x >> 1)
        bits[index] |= BrailleCanvas.dotBit(column: x & 1, row: y & 3)
        colors[index] = color
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        for r in 0..<rows {
            for c in 0..<columns {
                let b = bits[r * columns + c]
                guard b != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(b)) else { continue }
                buffer.putCanvasGlyph(Character(scalar), x: area.x + c, y: area.y + r, color: colors[r * columns + c], clip: area)
            }
        }
    }
}
